#!/usr/bin/env bash
# The PDF of the shipped manuscript and of every fixture manuscript under
# tests/fixtures/: qpdf --check passes, every font is embedded (pdffonts),
# every paragraph extracts with pdftotext in reading order with its Unicode
# intact and without poppler warnings, and two builds with the same
# SOURCE_DATE_EPOCH are byte-identical, one with the hyphenation patterns
# compiled in a cache folder of its own, one with libhyphen's own load.
. "$(dirname "$0")/lib.sh"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
export SOURCE_DATE_EPOCH=1764288000
export BOOKBUILD_CACHE_DIR="$tmp/cache"
built=0
for dir in manuscript tests/fixtures/*/; do
  dir=${dir%/}
  [ -f "$dir/book.xml" ] || continue
  name=$(basename "$dir"); [ "$dir" = manuscript ] && name=shipped
  pdf="$tmp/$name.pdf"
  if ! "$BB" pdf -m "$dir" -o "$pdf" >"$tmp/$name.out" 2>"$tmp/$name.err"; then
    fail "bookbuild pdf -m $dir"; sed 's/^/    /' "$tmp/$name.err" | head -20 >&2; continue
  fi
  built=$((built + 1))
  grep -Eq "^wrote $pdf \([0-9]+ pages, [0-9]+ KB, [0-9]+ ms\)$" "$tmp/$name.out" \
    || fail "$name: summary line: $(cat "$tmp/$name.out")"

  if qpdf --check "$pdf" >"$tmp/qpdf.txt" 2>&1 && grep -q "No syntax or stream encoding errors" "$tmp/qpdf.txt"; then
    pass "$name: qpdf --check"
  else
    fail "$name: qpdf --check"; sed 's/^/    /' "$tmp/qpdf.txt" | head >&2
  fi

  pdffonts "$pdf" >"$tmp/fonts.txt" 2>&1
  nfonts=$(tail -n +3 "$tmp/fonts.txt" | wc -l)
  notemb=$(tail -n +3 "$tmp/fonts.txt" | awk '$(NF-4) != "yes" || $(NF-2) != "yes"' | wc -l)
  if [ "$nfonts" -ge 2 ] && [ "$notemb" = 0 ]; then pass "$name: $nfonts fonts, all embedded with ToUnicode"
  else fail "$name: pdffonts"; cat "$tmp/fonts.txt" >&2; fi

  pdftotext -enc UTF-8 "$pdf" "$tmp/$name.txt" 2>"$tmp/pdftotext.err"
  [ -s "$tmp/pdftotext.err" ] && { fail "$name: pdftotext warnings"; head -5 "$tmp/pdftotext.err" >&2; }
  if python3 "$SRC/tests/validate/pdf/text_order.py" "$dir" "$tmp/$name.txt" >"$tmp/order.txt" 2>&1; then
    pass "$name: $(head -1 "$tmp/order.txt")"
  else
    fail "$name: paragraphs in the PDF text"; sed 's/^/    /' "$tmp/order.txt" | head -20 >&2
  fi

  BOOKBUILD_CACHE_DIR=off "$BB" pdf -q -m "$dir" -o "$tmp/$name-again.pdf" 2>/dev/null
  if cmp -s "$pdf" "$tmp/$name-again.pdf"; then pass "$name: byte-identical rebuild (cached patterns, then none)"
  else fail "$name: two builds with the same SOURCE_DATE_EPOCH differ"; fi

  pdfinfo "$pdf" >"$tmp/info.txt" 2>&1
  grep -q "^Creator: *bookbuild [0-9]" "$tmp/info.txt" || fail "$name: Creator is bookbuild"
  grep -q "^CreationDate: .*2025" "$tmp/info.txt" || fail "$name: CreationDate from SOURCE_DATE_EPOCH"
done
[ "$built" -ge 2 ] || fail "expected the shipped manuscript and at least one fixture, built $built"
ls "$tmp/cache/hyphen/"hyph_en_US-*.bin >/dev/null 2>&1 && pass "compiled patterns kept in BOOKBUILD_CACHE_DIR" \
  || fail "no compiled patterns in $tmp/cache/hyphen"

# A generated book of 30 guides (parts, refs between guides, lists, quotes,
# long words): valid, and every paragraph in order.
if [ -f bench/gen_corpus.py ]; then
  python3 bench/gen_corpus.py 30 "$tmp/corpus" >/dev/null
  if "$BB" pdf -q -m "$tmp/corpus" -o "$tmp/corpus.pdf" 2>"$tmp/corpus.err"; then
    qpdf --check "$tmp/corpus.pdf" >/dev/null 2>&1 && pass "corpus: qpdf --check" || fail "corpus: qpdf --check"
    pdftotext -enc UTF-8 "$tmp/corpus.pdf" "$tmp/corpus.txt"
    if python3 "$SRC/tests/validate/pdf/text_order.py" "$tmp/corpus" "$tmp/corpus.txt" >"$tmp/order.txt" 2>&1; then
      pass "corpus: $(head -1 "$tmp/order.txt")"
    else
      fail "corpus: paragraphs in the PDF text"; sed 's/^/    /' "$tmp/order.txt" | head -20 >&2
    fi
  else
    fail "bookbuild pdf on a generated corpus"; head -20 "$tmp/corpus.err" >&2
  fi
fi

# A failing build leaves the previous PDF untouched.
mkdir -p "$tmp/bad"; cp -r manuscript/. "$tmp/bad/"
sed -i 's|<section id="attachment-mechanics">|<secton id="attachment-mechanics">|; s|</section>|</secton>|' "$tmp/bad/guides/pulling-away.xml"
cp "$tmp/shipped.pdf" "$tmp/keep.pdf"
expect_exit 1 "pdf on a broken manuscript" -- "$BB" pdf -m "$tmp/bad" -o "$tmp/keep.pdf"
cmp -s "$tmp/shipped.pdf" "$tmp/keep.pdf" || fail "a failed pdf build changed the output"
expect_exit 0 "pdf --help" -- "$BB" pdf --help
grep -q "Example" /tmp/bb-out.$$ || fail "pdf --help has an example"
finish
