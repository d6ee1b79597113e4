#!/usr/bin/env bash
# Embedding API costs: store creation, instantiation from an InstancePre, host-to-wasm calls
# (TypedFunc, Func) and wasm-to-host calls, each next to its reference (a native call through a
# function pointer; a wasm-to-wasm call in the same loop). Usage: bench/api.sh [BUILD_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
build="${1:-build}"
shift || true  # the rest goes to Google Benchmark
cmake -S . -B "$build" -G Ninja -DCMAKE_C_COMPILER=clang-19 -DCMAKE_CXX_COMPILER=clang++-19 \
  -DCMAKE_BUILD_TYPE=RelWithDebInfo -DWEFT_BENCH=ON >/dev/null
cmake --build "$build" --target bench_api -j2 >/dev/null
json="$build/bench-api.json"
"$build/bench/bench_api" --benchmark_min_time=0.3 --benchmark_out="$json" \
  --benchmark_out_format=json "$@" >/dev/null

# One line per figure, in the unit it is read in, with its reference beside it.
python3 - "$json" <<'PY'
import json, sys
runs = {b["name"]: b for b in json.load(open(sys.argv[1]))["benchmarks"]}
def per(name, counter):
    return runs[name][counter] if name in runs else float("nan")
us = lambda name: per(name, "s/instance") * 1e6
ns = lambda name: per(name, "s/call") * 1e9
store = lambda arg: per(f"BM_StoreNew/explicit_bounds:{arg}", "s/store") * 1e6
print("store creation (Store<int>):              %7.2f us" % store(0))
for args, label in (("0/memory:1", "with its memory, guard pages"),
                    ("1/memory:1", "with its memory, explicit bounds checks"),
                    ("0/memory:0", "without memory or data segments")):
    print(f"-- the module {label}")
    print("  instantiate (InstancePre, shared store):  %7.2f us per instance" %
          us(f"BM_Instantiate/explicit_bounds:{args}"))
    print("  new store + instantiate + drop:           %7.2f us per instance" %
          us(f"BM_InstantiateFreshStore/explicit_bounds:{args}"))
native = ns("BM_NativeCall")
wasm_wasm = ns("BM_WasmToWasmCall")
print("native call through a function pointer:   %7.1f ns" % native)
print("host to wasm, TypedFunc::call:            %7.1f ns  (%.0fx native)" %
      (ns("BM_TypedFuncCall"), ns("BM_TypedFuncCall") / native))
print("host to wasm, Func::call:                 %7.1f ns  (%.0fx native)" %
      (ns("BM_FuncCall"), ns("BM_FuncCall") / native))
print("wasm to host (func_wrap import):          %7.1f ns  (%.1fx a wasm-to-wasm call)" %
      (ns("BM_WasmToHostCall"), ns("BM_WasmToHostCall") / wasm_wasm))
print("wasm to wasm (the same loop):             %7.1f ns" % wasm_wasm)
PY
