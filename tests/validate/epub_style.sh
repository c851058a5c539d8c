#!/usr/bin/env bash
# The EPUB follows the style file: a copy of styles/default.yaml with a larger
# body size, another myth label and another myth tint gives a book.css and
# content that show exactly those changes.
. "$(dirname "$0")/lib.sh"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/styles" && ln -s "$SRC/fonts" "$tmp/fonts"   # the style finds fonts in ../fonts/
sed -e '/^text:/,/^[a-z]/ s/^  size: 10pt$/  size: 12.5pt/' \
    -e 's/label: "The myth"/label: "Le mythe"/' \
    -e 's/myth-tint: "#f4ede7"/myth-tint: "#fdf6e3"/' styles/default.yaml >"$tmp/styles/changed.yaml"
cmp -s styles/default.yaml "$tmp/styles/changed.yaml" && fail "the sed edits changed nothing"
SOURCE_DATE_EPOCH=1764288000 "$BB" epub -q -o "$tmp/default.epub" 2>/dev/null || fail "build with the default style"
SOURCE_DATE_EPOCH=1764288000 "$BB" epub -q -s "$tmp/styles/changed.yaml" -o "$tmp/changed.epub" 2>/dev/null \
  || fail "build with the changed style"
unzip -p "$tmp/default.epub" OEBPS/css/book.css >"$tmp/default.css"
unzip -p "$tmp/changed.epub" OEBPS/css/book.css >"$tmp/changed.css"
# guide heading 20pt: 2rem on 10pt text, 1.6rem on 12.5pt text
grep -q "font-size: 2rem;" "$tmp/default.css" && grep -q "font-size: 1.6rem;" "$tmp/changed.css" \
  && pass "heading sizes are relative to text.size" || fail "heading size does not follow text.size"
grep -q "line-height: 1.35;" "$tmp/default.css" && grep -q "line-height: 1.08;" "$tmp/changed.css" \
  && pass "line-height is leading / size" || fail "line-height does not follow text.size"
grep -q "background-color: #fdf6e3;" "$tmp/changed.css" && ! grep -q "#fdf6e3" "$tmp/default.css" \
  && pass "callout colours come from the style" || fail "the myth tint did not change"
unzip -p "$tmp/changed.epub" 'OEBPS/text/*.xhtml' >"$tmp/changed.xhtml"   # not piped: grep -q + pipefail
grep -q '<span class="callout-label">Le mythe</span>' "$tmp/changed.xhtml" \
  && pass "callout labels come from the style" || fail "the myth label did not change"
finish
