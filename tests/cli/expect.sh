#!/usr/bin/env bash
# expect.sh EXIT_CODE REGEX COMMAND...: runs COMMAND and checks its exit code and that its
# combined output matches the extended regular expression REGEX.
set -u
want_status="$1"
pattern="$2"
shift 2
output=$("$@" 2>&1)
status=$?
echo "$output"
if [ "$status" -ne "$want_status" ]; then
  echo "FAIL: exit code $status, expected $want_status"
  exit 1
fi
if ! grep -Eq -- "$pattern" <<<"$output"; then
  echo "FAIL: output does not match /$pattern/"
  exit 1
fi
