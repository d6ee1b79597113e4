#!/usr/bin/env bash
# Quick start, step 1: install what weft needs (Debian 12), build it, and run it on an example.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh build
weft=build/tools/weft/weft
echo "== weft validate examples/fac.wat"
"$weft" validate examples/fac.wat && echo "valid"
echo "== weft wast examples/fac.wast"
"$weft" wast examples/fac.wast
echo "== weft run --invoke fac_iter examples/fac.wat 20"
"$weft" run --invoke fac_iter examples/fac.wat 20
echo "== weft run --dir examples::data hello.wasm world   (a C program built for WASI)"
clang-19 --target=wasm32-wasi --sysroot=/usr -O2 examples/hello_wasi.c -o build/hello_wasi.wasm
"$weft" run --dir examples::data build/hello_wasi.wasm world
