#!/usr/bin/env bash
# Quick start, step 2: the whole test suite. Builds weft twice — optimized, and with
# AddressSanitizer + UndefinedBehaviorSanitizer — runs ctest in each (unit tests, the spec
# suite against tests/spec/*.expected, command-line tests), and ends with one summary line.
set -uo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh || exit 1

total_passed=0
total_failed=0
run_suite() {
  local dir="$1"
  shift
  echo "== build $dir"
  scripts/build.sh "$dir" "$@" >"$dir.build.log" 2>&1 || { tail -50 "$dir.build.log"; total_failed=$((total_failed + 1)); return; }
  tail -1 "$dir.build.log"
  echo "== ctest $dir"
  local log="$dir/ctest.log"
  (cd "$dir" && ctest -j"$(nproc)" --output-on-failure --timeout 600) >"$log" 2>&1
  grep -E "Failed|\*\*\*|tests passed|tests failed" "$log" | tail -40
  local line passed failed
  line=$(grep -E "tests passed, [0-9]+ tests failed out of [0-9]+" "$log" | tail -1)
  if [ -z "$line" ]; then
    tail -30 "$log"
    total_failed=$((total_failed + 1))
    return
  fi
  failed=$(echo "$line" | sed -E 's/.* ([0-9]+) tests failed out of ([0-9]+).*/\1/')
  passed=$(( $(echo "$line" | sed -E 's/.*out of ([0-9]+).*/\1/') - failed ))
  total_passed=$((total_passed + passed))
  total_failed=$((total_failed + failed))
}

run_suite build
run_suite build-asan -DWEFT_SANITIZE=ON -DWEFT_BENCH=OFF

echo "$total_passed passed, $total_failed failed"
[ "$total_failed" -eq 0 ]
