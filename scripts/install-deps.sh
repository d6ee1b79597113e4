#!/usr/bin/env bash
# Installs the Debian 12 packages that weft's build, tests, fuzzing and benchmarks use.
# Quiet and quick when everything is already there.
set -euo pipefail

packages=(
  cmake ninja-build ccache clang-19 libclang-rt-19-dev lld-19 g++
  libgtest-dev libgmock-dev libbenchmark-dev
  wabt binaryen nodejs
  wasi-libc libclang-rt-19-dev-wasm32
  python3
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
echo "installing: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
