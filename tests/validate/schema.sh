#!/usr/bin/env bash
# The RELAX NG schema for editors (manuscript/schema/manuscript.rng) accepts
# every file of the shipped manuscript and of the good fixtures, and rejects
# the structurally bad diagnostics cases. (Cases about ids, references,
# includes, check digits or calendar dates are the loader's alone and are not
# listed: a schema cannot see across files or compute.)
set -u
cd "${BB_SOURCE_DIR:-$(dirname "$0")/../..}"
rng=manuscript/schema/manuscript.rng
fail=0

if ! xmllint --noout "$rng"; then
  echo "schema.sh: $rng is not well-formed"
  exit 1
fi

good=0
while IFS= read -r f; do
  good=$((good + 1))
  if ! out=$(xmllint --noout --nonet --relaxng "$rng" "$f" 2>&1); then
    echo "schema.sh: should validate: $f"
    echo "$out" | head -5
    fail=1
  fi
done < <(find manuscript tests/fixtures -name '*.xml' -not -path '*/schema/*' | sort)

bad_cases=(
  ampersand-in-attribute bad-book-ref bad-character-reference bad-date-shape bad-email bad-enum-values
  bad-format-version bad-id-syntax bad-identifier-uuid bad-lang bad-link-scheme bad-url bare-ampersand
  control-character duplicate-attribute element-not-allowed-here figure-missing-image include-bad-attribute
  invalid-utf8 item-mixes-text-and-blocks link-inside-link lt-in-attribute mismatched-end-tag missing-blocks
  missing-directory missing-format missing-required-attribute missing-required-child only-one-summary
  section-nested-three-deep stray-text-in-guide text-outside-root two-roots undefined-entity unexpected-eof
  unknown-attribute-list unknown-attribute-near-miss unknown-attribute-no-attributes unknown-element-in-plain-text
  unknown-element-near-miss unknown-element-no-suggestion unquoted-attribute wrong-order-in-guide
  wrong-order-myth-after-truth
)
for c in "${bad_cases[@]}"; do
  f=tests/diagnostics/manuscript/$c/book.xml
  if [ ! -f "$f" ]; then
    echo "schema.sh: missing case $f"
    fail=1
  elif xmllint --noout --nonet --relaxng "$rng" "$f" >/dev/null 2>&1; then
    echo "schema.sh: should be rejected: $f"
    fail=1
  fi
done

echo "schema.sh: $good good files, ${#bad_cases[@]} bad cases checked"
exit $fail
