#!/usr/bin/env bash
# `bookbuild all` lays the book out once and shares that layout between the
# PDF and the handouts (their page ranges and the folios they print). The
# products must be byte for byte what the single commands make, each with a
# layout of its own: book.pdf as `bookbuild pdf`, every handout as
# `bookbuild handout --all`.
. "$(dirname "$0")/lib.sh"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
export SOURCE_DATE_EPOCH=1764288000
for dir in manuscript tests/fixtures/full; do
  [ -f "$dir/book.xml" ] || continue
  n=$(basename "$dir")
  "$BB" all -q -m "$dir" -o "$tmp/$n-all" || { fail "$dir: bookbuild all"; continue; }
  "$BB" pdf -q -m "$dir" -o "$tmp/$n.pdf" || fail "$dir: bookbuild pdf"
  "$BB" handout -q --all -m "$dir" -o "$tmp/$n-handouts" || fail "$dir: bookbuild handout --all"
  cmp -s "$tmp/$n-all/book.pdf" "$tmp/$n.pdf" && pass "$dir: all's book.pdf is bookbuild pdf's" \
    || fail "$dir: all's book.pdf differs from bookbuild pdf's"
  count=0
  for h in "$tmp/$n-handouts"/*.pdf; do
    [ -e "$h" ] || continue
    count=$((count + 1))
    cmp -s "$h" "$tmp/$n-all/handouts/$(basename "$h")" \
      || fail "$dir: handout $(basename "$h") from all differs from bookbuild handout's"
  done
  [ "$count" -gt 0 ] && pass "$dir: $count handouts from all are bookbuild handout's, byte for byte" \
    || fail "$dir: no handouts made"
  [ "$(ls "$tmp/$n-all/handouts" | wc -l)" = "$count" ] || fail "$dir: all made another number of handouts"
done
finish
