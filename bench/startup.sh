#!/usr/bin/env bash
# Start-up cost of `weft run`: a C hello-world built for WASI, run by weft, next to its
# references in the same run: /bin/true, the same hello-world built natively (dynamic, as a C
# program usually is, and static) and a static program that does nothing (the cost of a process).
# Also examples/hello_wasi.c, a 170 KiB module, to show how start-up grows with the module.
# Every command runs once per round, in turn, so a change in the machine's load hits them alike;
# the figures are the minimum and median over the rounds, wall (spawn to exit) and CPU (user +
# system of the child). Usage: bench/startup.sh [BUILD_DIR [ROUNDS]]   (default: build, 300)
set -euo pipefail
cd "$(dirname "$0")/.."
build="${1:-build}"
rounds="${2:-300}"
if [ ! -f "$build/build.ninja" ]; then
  cmake -S . -B "$build" -G Ninja -DCMAKE_C_COMPILER=clang-19 -DCMAKE_CXX_COMPILER=clang++-19 \
    -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
fi
cmake --build "$build" --target weft -j2 >/dev/null
weft="$build/tools/weft/weft"

out="$build/bench-startup"
mkdir -p "$out"
clang-19 -O2 -Wall -Wextra -Werror bench/startup_spawn.c -o "$out/startup_spawn"
clang-19 --target=wasm32-wasi --sysroot=/usr -O2 bench/startup_hello.c -o "$out/hello.wasm"
clang-19 --target=wasm32-wasi --sysroot=/usr -O2 examples/hello_wasi.c -o "$out/hello_wasi.wasm"
clang-19 -O2 bench/startup_hello.c -o "$out/hello_native"
clang-19 -O2 -static bench/startup_hello.c -o "$out/hello_native_static"
printf 'int main(void) { return 0; }\n' > "$out/nothing.c"
clang-19 -O2 -static "$out/nothing.c" -o "$out/nothing_static"

kind=$(file -b "$weft" 2>/dev/null | grep -o "dynamically linked\|statically linked" || true)
echo "weft: $(stat -c %s "$weft") bytes, ${kind:-linking unknown}"
echo "hello.wasm: $(stat -c %s "$out/hello.wasm") bytes; hello_wasi.wasm: $(stat -c %s "$out/hello_wasi.wasm") bytes"
echo "$rounds rounds; load average $(cut -d' ' -f1-3 /proc/loadavg)"
"$out/startup_spawn" "$rounds" \
  "weft run hello.wasm" "$weft" run "$out/hello.wasm" \; \
  "weft run hello_wasi.wasm" "$weft" run --dir examples::data "$out/hello_wasi.wasm" world \; \
  "native hello (dynamic)" "$out/hello_native" \; \
  "native hello (static)" "$out/hello_native_static" \; \
  "/bin/true" /bin/true \; \
  "empty static program" "$out/nothing_static" |
  awk '{ print; for (i = 1; i < NF; ++i) if ($i == "median") { median = $(i + 1); break } }
       /^weft run hello.wasm / { weft = median }
       /^native hello \(dynamic\)/ { native = median }
       /^\/bin\/true/ { truth = median }
       /^empty static program/ { empty = median }
       END { if (native > 0 && truth > 0 && empty > 0)
               printf "weft run hello.wasm, median wall: %.2fx native hello, %.2fx /bin/true, " \
                      "%.2fx an empty static program\n", weft / native, weft / truth, weft / empty }'
