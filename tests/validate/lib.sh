# Shared helpers for the validate scripts (sourced, not a test itself).
set -uo pipefail
BB=${BB_BINARY:-build/bookbuild}
SRC=${BB_SOURCE_DIR:-$(pwd)}
cd "$SRC"
failures=0
fail() { printf 'FAIL: %s\n' "$*" >&2; failures=$((failures + 1)); }
pass() { printf 'ok: %s\n' "$*"; }
# Time bounds are 5 times wider for a binary built with AddressSanitizer.
# (Not `ldd | grep -q`: grep leaving early can kill ldd with SIGPIPE, and
# under pipefail the test then took the sanitized binary for a plain one.)
slow_factor() {
  case "$(ldd "$BB" 2>/dev/null)" in *libasan*) echo 5 ;; *) echo 1 ;; esac
}
# expect_exit CODE DESCRIPTION -- COMMAND...
expect_exit() {
  local want=$1 what=$2; shift 3
  "$@" >/tmp/bb-out.$$ 2>/tmp/bb-err.$$
  local got=$?
  if [ "$got" = "$want" ]; then pass "$what (exit $got)"; else
    fail "$what: exit $got, wanted $want"; sed 's/^/    /' /tmp/bb-err.$$ | head -20 >&2; fi
}
finish() { rm -f /tmp/bb-out.$$ /tmp/bb-err.$$; [ "$failures" = 0 ] || { echo "$failures failure(s)" >&2; exit 1; }; }
