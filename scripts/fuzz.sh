#!/usr/bin/env bash
# Builds the libFuzzer targets and runs one. Usage: scripts/fuzz.sh TARGET [SECONDS] [JOBS]
set -euo pipefail
cd "$(dirname "$0")/.."
target="${1:?usage: scripts/fuzz.sh fuzz_binary|fuzz_text|fuzz_wast [seconds] [jobs]}"
seconds="${2:-600}"
jobs="${3:-1}"
scripts/install-deps.sh
scripts/build.sh build-fuzz -DWEFT_FUZZ=ON -DWEFT_TESTS=OFF -DWEFT_BENCH=OFF -DCMAKE_BUILD_TYPE=RelWithDebInfo
case "$target" in
  fuzz_binary) seeds=fuzz/corpus/binary ;;
  *) seeds=fuzz/corpus/text ;;
esac
work="build-fuzz/corpus-$target"
mkdir -p "$work" "build-fuzz/artifacts-$target"
cp -n "$seeds"/* "$work"/ 2>/dev/null || true
"build-fuzz/fuzz/$target" "$work" -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=10 \
  -jobs="$jobs" -workers="$jobs" -artifact_prefix="build-fuzz/artifacts-$target/" -print_final_stats=1
