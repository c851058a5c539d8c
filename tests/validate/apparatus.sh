#!/usr/bin/env bash
# The book apparatus read back from the outside (issue 5): for the shipped
# manuscript, every fixture and a generated 40-guide book (parts, references,
# practitioners, related guides, several pages per guide), build the PDF and
# the EPUB and run apparatus/check_apparatus.py: page labels (roman front
# matter, arabic body), outline items on their headings' pages, every printed
# page number in a link (contents, "Browse by topic", "p. N" references)
# equal to the label of the page it links to, and the EPUB's page-break
# markers: one per PDF page with its label, in the nav's page-list, each
# where that PDF page's text begins. Then epubcheck on the generated book with
# its page-list, and a damaged EPUB (markers moved) to show the check fails.
. "$(dirname "$0")/lib.sh"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
export SOURCE_DATE_EPOCH=1764288000
python3 bench/gen_corpus.py 40 "$tmp/gen40" >/dev/null || fail "gen_corpus.py 40"
for dir in manuscript tests/fixtures/*/ "$tmp/gen40"; do
  dir=${dir%/}
  [ -f "$dir/book.xml" ] || continue
  name=$(basename "$dir"); [ "$dir" = manuscript ] && name=shipped
  if ! "$BB" pdf -q -m "$dir" -o "$tmp/$name.pdf" 2>"$tmp/$name.err" ||
     ! "$BB" epub -q -m "$dir" -o "$tmp/$name.epub" 2>>"$tmp/$name.err"; then
    fail "$name: build"; sed 's/^/    /' "$tmp/$name.err" | head -20 >&2; continue
  fi
  if python3 "$SRC/tests/validate/apparatus/check_apparatus.py" "$tmp/$name.pdf" "$tmp/$name.epub" >"$tmp/$name.txt" 2>&1; then
    pass "$name: $(grep -E '^(outline|internal|EPUB markers where)' "$tmp/$name.txt" | tr '\n' ';')"
  else
    fail "$name: apparatus read-back"; sed 's/^/    /' "$tmp/$name.txt" | head -30 >&2
  fi
done

# epubcheck on the generated book, whose page-list has every kind of marker.
# -Xss and "No errors or warnings detected": epubcheck 4.2's reading-order
# check recurses per reference, and when its stack overflows it still ends
# with "0 fatals / 0 errors / 0 warnings" (w3c/epubcheck#1358).
if java -Xss512m -jar /usr/bin/epubcheck "$tmp/gen40.epub" >"$tmp/epubcheck.txt" 2>&1 &&
   grep -q "No errors or warnings detected" "$tmp/epubcheck.txt" &&
   grep -q "0 fatals / 0 errors / 0 warnings" "$tmp/epubcheck.txt"; then
  pass "gen40: epubcheck clean with the page-list"
else
  fail "gen40: epubcheck"; grep -E "ERROR|WARN|Messages" "$tmp/epubcheck.txt" | head >&2
fi

# bookbuild epub takes its page-list from the settled measure pass, all from
# the PDF's full layout: the same pages, so the same bytes.
"$BB" all -q -m "$tmp/gen40" -o "$tmp/all40" 2>/dev/null || fail "all -m gen40"
cmp -s "$tmp/all40/book.epub" "$tmp/gen40.epub" && pass "epub alone = the EPUB of all (page-list from the measure pass)" \
  || fail "bookbuild epub and bookbuild all make different EPUBs"

# --no-page-list leaves it out; the check then fails (so it can fail).
"$BB" epub -q --no-page-list -m "$tmp/gen40" -o "$tmp/nolist.epub" 2>/dev/null || fail "epub --no-page-list"
if unzip -p "$tmp/nolist.epub" OEBPS/text/nav.xhtml | grep -q 'page-list'; then fail "--no-page-list still has a page-list"
else pass "--no-page-list: no page-list"; fi
if python3 "$SRC/tests/validate/apparatus/check_apparatus.py" "$tmp/gen40.pdf" "$tmp/nolist.epub" >/dev/null 2>&1; then
  fail "the read-back passes an EPUB without page-list"
else pass "the read-back fails an EPUB without page-list"; fi

# Damage: swap two markers' labels in one guide file; the check must see it.
mkdir -p "$tmp/bad" && (cd "$tmp/bad" && unzip -q "$tmp/gen40.epub")
python3 - "$tmp"/bad/OEBPS/text/guide-*.xhtml <<'PY'
import re, sys
# Move the first marker that has three plain words after it three words on.
for p in sys.argv[1:]:
    s = open(p, encoding="utf-8").read()
    for span in re.finditer(r'<span id="page-[^"]*" epub:type="pagebreak"[^>]*/>', s):
        rest = s[span.end():]
        words = re.match(r'(?:[^<\s]+\s+){3}', rest)
        if words:
            s = s[:span.start()] + rest[:words.end()] + span.group(0) + rest[words.end():]
            open(p, "w", encoding="utf-8").write(s)
            print(p, "moved", span.group(0)[:30])
            sys.exit(0)
sys.exit("no marker followed by three words")
PY
(cd "$tmp/bad" && rm -f ../bad.epub && zip -X -0 -q ../bad.epub mimetype && zip -X -r -q ../bad.epub META-INF OEBPS)
if python3 "$SRC/tests/validate/apparatus/check_apparatus.py" "$tmp/gen40.pdf" "$tmp/bad.epub" >"$tmp/bad.txt" 2>&1; then
  fail "a marker moved three words goes unnoticed"
elif grep -q "marker in" "$tmp/bad.txt"; then pass "a marker moved three words is caught: $(grep -m1 'marker in' "$tmp/bad.txt" | cut -c1-100)"
else fail "the damaged EPUB fails for another reason"; head -5 "$tmp/bad.txt" >&2; fi

# Damage the PDF: every internal destination moved one page on; the printed
# page numbers no longer match where links go, and the check must say so.
qpdf --qdf --object-streams=disable "$tmp/gen40.pdf" "$tmp/q.pdf"
python3 - "$tmp/q.pdf" <<'PY'
import re, sys
p = sys.argv[1]; b = open(p, "rb").read()
pages = [int(m) for m in re.findall(rb"%% Page \d+\n%% Original object ID: \d+ 0\n(\d+) 0 obj", b)]
nxt = {a: c for a, c in zip(pages, pages[1:] + pages[:1])}
b = re.sub(rb"\[\s*(\d+) 0 R\s*/XYZ", lambda m: b"[ %d 0 R /XYZ" % nxt.get(int(m.group(1)), int(m.group(1))), b)
open(p, "wb").write(b)
PY
fix-qdf "$tmp/q.pdf" >"$tmp/bad.pdf" 2>/dev/null
if python3 "$SRC/tests/validate/apparatus/check_apparatus.py" "$tmp/bad.pdf" "$tmp/gen40.epub" >"$tmp/badpdf.txt" 2>&1; then
  fail "links moved a page on go unnoticed"
elif grep -q "prints .* but goes to page" "$tmp/badpdf.txt"; then pass "links moved a page on are caught: $(grep -m1 'prints' "$tmp/badpdf.txt" | cut -c1-100)"
else fail "the damaged PDF fails for another reason"; head -5 "$tmp/badpdf.txt" >&2; fi
finish
