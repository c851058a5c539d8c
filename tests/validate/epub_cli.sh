#!/usr/bin/env bash
# `bookbuild epub` on the command line: --help with an example, the default
# output path, the "wrote" line (and none with -q), exit 1 with diagnostics
# and no file on a broken manuscript.
. "$(dirname "$0")/lib.sh"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
BB=$(cd "$(dirname "$BB")" && pwd)/$(basename "$BB")   # absolute: one run is from another folder
expect_exit 0 "epub --help" -- "$BB" epub --help
grep -q "Example" /tmp/bb-out.$$ || fail "epub --help has an example"
grep -q "output/book.epub" /tmp/bb-out.$$ || fail "epub --help shows the default output"

# Default output is output/book.epub relative to the working folder.
mkdir -p "$tmp/work" && cp -r manuscript styles "$tmp/work/" && ln -s "$SRC/fonts" "$tmp/work/fonts"
(cd "$tmp/work" && "$BB" epub) >"$tmp/out" 2>"$tmp/err" || fail "bookbuild epub in a copy of the project"
[ -f "$tmp/work/output/book.epub" ] && pass "default output output/book.epub" || fail "no output/book.epub"
grep -Eq '^wrote output/book.epub \([0-9]+ KB, [0-9]+ ms\)$' "$tmp/out" && pass "the wrote line" \
  || { fail "the wrote line"; cat "$tmp/out" >&2; }
expect_exit 0 "epub -q" -- "$BB" epub -q -o "$tmp/q.epub"
[ -s /tmp/bb-out.$$ ] && fail "epub -q printed to stdout"

# A manuscript error: exit 1, FILE:LINE:COL, no file written.
mkdir -p "$tmp/bad" && cp -r manuscript/. "$tmp/bad/"
sed -i 's|<title>|<titel>|' "$tmp/bad/book.xml"
expect_exit 1 "epub on a broken manuscript" -- "$BB" epub -m "$tmp/bad" -o "$tmp/bad.epub"
grep -Eq 'book.xml:[0-9]+:[0-9]+: error' /tmp/bb-err.$$ || fail "the error is positioned"
[ -e "$tmp/bad.epub" ] && fail "a broken manuscript produced an EPUB"
ls -A "$tmp" | grep -q '\.tmp-' && fail "a temporary file was left behind"
finish
