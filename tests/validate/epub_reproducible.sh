#!/usr/bin/env bash
# Byte-identical rebuilds: two builds with the same SOURCE_DATE_EPOCH (one in
# another time zone) give the same bytes; another date gives other bytes;
# without SOURCE_DATE_EPOCH the manuscript's meta/date is the build date.
. "$(dirname "$0")/lib.sh"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
for dir in manuscript tests/fixtures/full tests/fixtures/epub-edge; do
  [ -f "$dir/book.xml" ] || continue
  n=$(basename "$dir")
  SOURCE_DATE_EPOCH=1764288000 "$BB" epub -q -m "$dir" -o "$tmp/$n-1.epub" || fail "build 1 of $dir"
  SOURCE_DATE_EPOCH=1764288000 TZ=Asia/Tokyo "$BB" epub -q -m "$dir" -o "$tmp/$n-2.epub" || fail "build 2 of $dir"
  SOURCE_DATE_EPOCH=1764374400 "$BB" epub -q -m "$dir" -o "$tmp/$n-3.epub" || fail "build 3 of $dir"
  if cmp -s "$tmp/$n-1.epub" "$tmp/$n-2.epub"; then pass "$dir: same SOURCE_DATE_EPOCH, same bytes"
  else fail "$dir: two builds with the same SOURCE_DATE_EPOCH differ"; fi
  if cmp -s "$tmp/$n-1.epub" "$tmp/$n-3.epub"; then fail "$dir: a different build date gave the same bytes"
  else pass "$dir: a different build date changes the bytes"; fi
  grep -q '"dcterms:modified">2025-11-28T00:00:00Z<' <(unzip -p "$tmp/$n-1.epub" OEBPS/content.opf) \
    || fail "$dir: dcterms:modified is not SOURCE_DATE_EPOCH"
done
# No SOURCE_DATE_EPOCH: the manuscript's date (full fixture: 2024-02-29).
env -u SOURCE_DATE_EPOCH "$BB" epub -q -m tests/fixtures/full -o "$tmp/dated.epub" || fail "build without SOURCE_DATE_EPOCH"
grep -q '"dcterms:modified">2024-02-29T00:00:00Z<' <(unzip -p "$tmp/dated.epub" OEBPS/content.opf) \
  && pass "without SOURCE_DATE_EPOCH the build date is meta/date" || fail "dcterms:modified is not meta/date"
grep -q ' 20240229\.000000 mimetype' <(unzip -Z -T "$tmp/dated.epub") \
  && pass "ZIP entry times are the build date" || fail "ZIP entry times are not the build date"
# A failed build leaves the previous output untouched.
cp "$tmp/dated.epub" "$tmp/keep.epub"
mkdir -p "$tmp/bad" && printf '<book format="1"><meta></book>' >"$tmp/bad/book.xml"
"$BB" epub -q -m "$tmp/bad" -o "$tmp/keep.epub" 2>/dev/null && fail "a broken manuscript built"
cmp -s "$tmp/dated.epub" "$tmp/keep.epub" && pass "a failed build leaves the old EPUB untouched" \
  || fail "a failed build changed the old EPUB"
ls -A "$tmp" | grep -q '\.tmp-' && fail "a temporary file was left behind"
finish
