#!/usr/bin/env bash
# Configures and builds weft. Usage: scripts/build.sh [BUILD_DIR [extra cmake args...]]
# Defaults to build/ with clang-19, Ninja and ccache.
set -euo pipefail
cd "$(dirname "$0")/.."
dir="${1:-build}"
shift || true
# Configuring again is cheap and applies any changed option.
cmake -S . -B "$dir" -G Ninja \
  -DCMAKE_C_COMPILER=clang-19 -DCMAKE_CXX_COMPILER=clang++-19 \
  -DCMAKE_BUILD_TYPE=RelWithDebInfo "$@" >/dev/null
cmake --build "$dir" -j"$(nproc)"
