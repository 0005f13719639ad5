# The checks the examples share: sourced, not run. Each prints what it checked, or fails the script.
step() { printf '== %s\n' "$*"; }
expect() { # expect WHAT ACTUAL WANTED
  if [ "$2" != "$3" ]; then printf 'FAIL: %s: got [%s], want [%s]\n' "$1" "$2" "$3" >&2; exit 1; fi
  printf '   ok: %s = %s\n' "$1" "$2"
}
wait_for() { # wait_for WHAT SECONDS command...: until the command succeeds
  local what=$1 limit=$2; shift 2
  for _ in $(seq $((limit * 5))); do
    if "$@" >/dev/null 2>&1; then printf '   ok: %s\n' "$what"; return 0; fi
    sleep 0.2
  done
  printf 'FAIL: %s within %s s\n' "$what" "$limit" >&2; exit 1
}
