#!/usr/bin/env bash
# Front-end throughput: weft's decode/validate/parse in MB/s on a large generated module, next
# to wabt (wasm-validate, wat2wasm) on the same files. Usage: bench/frontend.sh [BUILD_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
build="${1:-build}"
scripts/build.sh "$build" >/dev/null
inputs="$build/bench-inputs"
mkdir -p "$inputs"
if [ ! -f "$inputs/big.wasm" ]; then
  # A fixed pseudo-random seed, so every run measures the same module.
  python3 -c "import random,sys; random.seed(7); sys.stdout.buffer.write(random.randbytes(4000000))" \
    > "$inputs/seed.bin"
  wasm-opt -ttf "$inputs/seed.bin" --enable-bulk-memory --enable-simd --enable-multivalue \
    --enable-nontrapping-float-to-int --enable-sign-ext -o "$inputs/big.wasm" 2>/dev/null
  wasm2wat --enable-all "$inputs/big.wasm" -o "$inputs/big.wat"
fi
wasm_size=$(stat -c %s "$inputs/big.wasm")
wat_size=$(stat -c %s "$inputs/big.wat")
echo "input: big.wasm $((wasm_size / 1024)) KiB, big.wat $((wat_size / 1024)) KiB (binaryen -ttf, seed 7)"

# Lowering is measured on the largest module of the WASI suite (bench/suite.py builds the same).
largest=""
for src in bench/workloads/*.c; do
  out="$inputs/$(basename "$src" .c).wasm"
  clang-19 --target=wasm32-wasi --sysroot=/usr -O2 -o "$out" "$src" -lm
  if [ -z "$largest" ] || [ "$(stat -c %s "$out")" -gt "$(stat -c %s "$largest")" ]; then
    largest="$out"
  fi
done
echo "lowering input: $(basename "$largest") $(($(stat -c %s "$largest") / 1024)) KiB"

WEFT_BENCH_WASM="$inputs/big.wasm" WEFT_BENCH_WAT="$inputs/big.wat" WEFT_BENCH_LOWER="$largest" \
  "$build/bench/bench_frontend" --benchmark_counters_tabular=true

# The peer: best of 5 wall-clock runs of whole wabt commands (process start included).
best_of() {
  local best=999999
  for _ in 1 2 3 4 5; do
    local t0 t1
    t0=$(date +%s%N); "$@" >/dev/null 2>&1; t1=$(date +%s%N)
    local ms=$(((t1 - t0) / 1000000))
    [ "$ms" -lt "$best" ] && best=$ms
  done
  echo "$best"
}
v=$(best_of wasm-validate --enable-all "$inputs/big.wasm")
p=$(best_of wat2wasm --enable-all "$inputs/big.wat" -o /dev/null)
echo "wabt wasm-validate: ${v} ms = $((wasm_size / 1000 / (v > 0 ? v : 1))) MB/s (decode + validate)"
echo "wabt wat2wasm:      ${p} ms = $((wat_size / 1000 / (p > 0 ? p : 1))) MB/s (parse + validate + encode)"
