#!/usr/bin/env bash
# Runs one WASI test program twice, natively and under `weft run`, with the same arguments,
# environment, standard input and a fresh directory each, and compares what they print on
# stdout and their exit codes. With --expected, compares weft's stdout with that file instead
# (for behaviour only a sandbox has).
#
# run_program.sh --weft WEFT --wasm PROG.wasm [--native PROG] [--expected FILE]
#                [--exit N] [--stdin FILE | --stdin-random BYTES] [--stdin-pipe]
#                [--env NAME=VALUE]... [--sandbox] -- ARGS...
#
# --sandbox gives the program a directory: the argument @SANDBOX@ becomes its path (the host
# path natively, /sandbox under weft, mapped with --dir). Next to it lies `outside`, with
# secret.txt; inside it, symbolic links pointing there (see escape.c). After weft's run,
# `outside` must be exactly as before. --exit N also checks that the exit code is N.
# --stdin-pipe feeds stdin through a pipe rather than redirecting the file.
set -u
weft="" wasm="" native="" expected="" want_exit="" stdin_file=/dev/null stdin_random="" stdin_pipe=0 sandbox=0
envs=()
while [ $# -gt 0 ]; do
  case "$1" in
    --weft) weft="$2"; shift 2 ;;
    --wasm) wasm="$2"; shift 2 ;;
    --native) native="$2"; shift 2 ;;
    --expected) expected="$2"; shift 2 ;;
    --exit) want_exit="$2"; shift 2 ;;
    --stdin) stdin_file="$2"; shift 2 ;;
    --stdin-random) stdin_random="$2"; shift 2 ;;
    --stdin-pipe) stdin_pipe=1; shift ;;
    --env) envs+=("$2"); shift 2 ;;
    --sandbox) sandbox=1; shift ;;
    --) shift; break ;;
    *) echo "run_program.sh: unknown option $1" >&2; exit 2 ;;
  esac
done
if [ -z "$weft" ] || [ -z "$wasm" ] || { [ -z "$native" ] && [ -z "$expected" ]; }; then
  echo "run_program.sh: needs --weft, --wasm and --native or --expected" >&2
  exit 2
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/weft-wasi.XXXXXX") || exit 2
trap 'chmod -R u+w "$work" 2>/dev/null; rm -rf "$work"' EXIT
if [ -n "$stdin_random" ]; then
  stdin_file="$work/stdin.bin"
  head -c "$stdin_random" /dev/urandom >"$stdin_file"
fi

# make_tree DIR: DIR/sandbox (with links out) and DIR/outside/secret.txt.
make_tree() {
  mkdir -p "$1/sandbox" "$1/outside"
  printf 'top secret\n' >"$1/outside/secret.txt"
  ln -s ../outside/secret.txt "$1/sandbox/link_rel"
  ln -s "$1/outside/secret.txt" "$1/sandbox/link_abs"
  ln -s link_rel "$1/sandbox/link_chain"
  ln -s ../outside "$1/sandbox/dir_out"
}

# snapshot DIR: every entry below DIR with its type, size and contents' checksum.
snapshot() {
  (cd "$1" && find . -printf '%p %y %s %l\n' | sort && find . -type f -exec cksum {} + | sort)
}

# args_for PATH ARGS...: ARGS with @SANDBOX@ replaced by PATH.
args_for() {
  local path="$1"
  shift
  local a
  for a in "$@"; do printf '%s\0' "${a//@SANDBOX@/$path}"; done
}

# run_side NAME: runs the program natively or under weft; output in $work/NAME.{out,err,status}.
run_side() {
  local side="$1" args=()
  shift
  if [ "$sandbox" = 1 ]; then make_tree "$work/$side"; fi
  local guest="$work/$side/sandbox"
  [ "$side" = weft ] && guest=/sandbox
  if [ $# -gt 0 ]; then mapfile -d '' args < <(args_for "$guest" "$@"); fi
  local command=()
  if [ "$side" = native ]; then
    command=(env -i "${envs[@]}" "$native")
  else
    command=("$weft" run)
    [ "$sandbox" = 1 ] && command+=(--dir "$work/weft/sandbox::/sandbox")
    local e
    for e in "${envs[@]}"; do command+=(--env "$e"); done
    command+=("$wasm")
  fi
  if [ "$stdin_pipe" = 1 ]; then
    cat "$stdin_file" | "${command[@]}" "${args[@]}" >"$work/$side.out" 2>"$work/$side.err"
  else
    "${command[@]}" "${args[@]}" <"$stdin_file" >"$work/$side.out" 2>"$work/$side.err"
  fi
  echo $? >"$work/$side.status"
}

failed=0
fail() {
  echo "FAIL: $*"
  failed=1
}

run_side weft "$@"
if [ "$sandbox" = 1 ]; then
  snapshot "$work/weft/outside" >"$work/outside.after"
  make_tree "$work/pristine"
  snapshot "$work/pristine/outside" >"$work/outside.before"
  cmp -s "$work/outside.before" "$work/outside.after" ||
    fail "weft's program changed the directory outside its sandbox:
$(diff "$work/outside.before" "$work/outside.after")"
fi
weft_status=$(cat "$work/weft.status")

if [ -n "$expected" ]; then
  reference="$expected"
  want_status="${want_exit:-0}"
else
  run_side native "$@"
  reference="$work/native.out"
  want_status=$(cat "$work/native.status")
  [ -n "$want_exit" ] && [ "$want_status" != "$want_exit" ] &&
    fail "the native program exited with $want_status, expected $want_exit"
fi

[ "$weft_status" = "$want_status" ] || fail "weft run exited with $weft_status, expected $want_status"
if ! cmp -s "$reference" "$work/weft.out"; then
  fail "weft run's stdout differs from $( [ -n "$expected" ] && echo "$expected" || echo "the native run's"):"
  diff <(cat -v "$reference") <(cat -v "$work/weft.out") | head -60
fi
if [ "$failed" = 1 ]; then
  echo "--- weft stderr:"
  head -c 4000 "$work/weft.err"
  [ -f "$work/native.err" ] && { echo "--- native stderr:"; head -c 4000 "$work/native.err"; }
  exit 1
fi
echo "ok: $(wc -c <"$work/weft.out") bytes of stdout, exit code $weft_status"
