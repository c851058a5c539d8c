#!/usr/bin/env bash
# Escaping property test: random text (markup characters, controls XML allows
# and forbids, bidi marks, combining marks, astral characters) in every text
# field survives into well-formed EPUB XHTML and into the PDF text, or is
# rejected with FILE:LINE:COL (tests/validate/escaping/prop.py).
# BB_SEED and BB_ITERATIONS override the defaults.
. "$(dirname "$0")/lib.sh"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
export SOURCE_DATE_EPOCH=1764288000
if python3 tests/validate/escaping/prop.py "$BB" "$tmp" --seed "${BB_SEED:-8}" --iterations "${BB_ITERATIONS:-24}"; then
  pass "escaping property test"
else
  fail "escaping property test"
fi
finish
