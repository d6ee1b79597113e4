#!/usr/bin/env bash
# Interpreter speed: each workload in bench/workloads/ built natively (clang-19 -O2) and for wasm
# (clang-19 --target=wasm32 -O2), then timed as native code, in weft and in wabt's wasm-interp,
# all in one run. Prints seconds (best of several runs, whole process) and ratios to native.
# Usage: bench/interp.sh [BUILD_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
build="${1:-build}"
scripts/build.sh "$build" >/dev/null
weft="$build/tools/weft/weft"
out="$build/bench-workloads"
mkdir -p "$out"

best_time() {  # best_time RUNS COMMAND...: prints "SECONDS OUTPUT_NUMBER"
  local runs="$1"
  shift
  python3 - "$runs" "$@" <<'PY'
import re, subprocess, sys, time
runs, cmd = int(sys.argv[1]), sys.argv[2:]
best, number = None, "?"
for _ in range(runs):
    t = time.perf_counter()
    p = subprocess.run(cmd, capture_output=True, text=True)
    elapsed = time.perf_counter() - t
    if p.returncode != 0:
        print("nan error"); sys.exit(0)
    nums = re.findall(r"-?\d+", p.stdout)
    number = nums[-1] if nums else "?"
    best = elapsed if best is None else min(best, elapsed)
print(f"{best:.3f} {number}")
PY
}

printf '%-16s %9s %9s %7s %9s %7s  %s\n' workload native weft ratio wasm-int ratio check
geo_weft=1
geo_peer=1
count=0
# Every workload once; simd_* workloads twice, as scalar wasm and with -msimd128 (row "+simd").
variants=()
for src in bench/workloads/*.c; do
  name=$(basename "$src" .c)
  variants+=("$name:")
  case "$name" in simd_*) variants+=("$name:-msimd128") ;; esac
done
for variant in "${variants[@]}"; do
  name="${variant%%:*}"
  flags="${variant#*:}"
  src="bench/workloads/$name.c"
  label="$name"
  [ -n "$flags" ] && label="$name+simd"
  clang-19 -O2 -o "$out/$name.native" "$src"
  clang-19 --target=wasm32 -O2 -mbulk-memory $flags -nostdlib -Wl,--no-entry -o "$out/$label.wasm" "$src"
  read -r t_native v_native < <(best_time 5 "$out/$name.native")
  read -r t_weft v_weft < <(best_time 3 "$weft" run --invoke run "$out/$label.wasm")
  if command -v wasm-interp >/dev/null; then
    read -r t_peer v_peer < <(best_time 1 wasm-interp "$out/$label.wasm" --run-all-exports)
  else
    t_peer=nan v_peer="$v_native"
  fi
  check=ok
  [ "$v_weft" = "$v_native" ] || check="weft printed $v_weft, native $v_native"
  [ "$v_peer" = "$v_native" ] || check="$check; wasm-interp printed $v_peer"
  r_weft=$(python3 -c "print(f'{$t_weft/$t_native:.1f}')")
  r_peer=$(python3 -c "print(f'{$t_peer/$t_native:.1f}')")
  printf '%-16s %8.3fs %8.3fs %6sx %8.3fs %6sx  %s\n' "$label" "$t_native" "$t_weft" "$r_weft" "$t_peer" "$r_peer" "$check"
  geo_weft=$(python3 -c "print($geo_weft*$t_weft/$t_native)")
  geo_peer=$(python3 -c "print($geo_peer*$t_peer/$t_native)")
  count=$((count + 1))
done
python3 -c "
n=$count; w=$geo_weft**(1/n); p=$geo_peer**(1/n)
print(f'geometric mean: weft {w:.1f}x native, wasm-interp {p:.1f}x native, weft/wasm-interp {w/p:.2f}')"
