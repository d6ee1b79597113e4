#!/usr/bin/env bash
# Long differential runs: builds weft_diff_runner and checks a range of seeds against V8.
#   tests/differential/run.sh --count N --start SEED [--simd] [--jobs J] [--no-reduce]
# Builds in $WEFT_BUILD_DIR (default: build); generated modules go to $WORK (default:
# differential-work), reproducers of divergences to $WORK/divergences/seed-N[-simd]/.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
build="${WEFT_BUILD_DIR:-$root/build}"
if [ ! -f "$build/build.ninja" ]; then
  cmake -S "$root" -B "$build" -G Ninja -DWEFT_BENCH=OFF >/dev/null
fi
ninja -C "$build" weft_diff_runner >/dev/null
exec python3 "$here/differential.py" --runner "$build/tests/differential/weft_diff_runner" \
  --work "${WORK:-differential-work}" "$@"
