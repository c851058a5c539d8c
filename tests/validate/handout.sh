#!/usr/bin/env bash
# bookbuild handout (issue 6) on the seed guide: every mode (none, 2up,
# booklet) on A4 and Letter passes qpdf --check with every font embedded; the
# QR codes decode (zbarimg, at 300 dpi) to exactly the URLs of the guide's
# practitioners; 2-up and booklet sheets carry the pages in the right order,
# read back from the text of each half sheet; an unknown guide id fails with
# a suggestion and writes nothing; --all and `bookbuild all` write one file
# per guide; rebuilds are byte-identical.
. "$(dirname "$0")/lib.sh"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
export SOURCE_DATE_EPOCH=1764288000
guide=pulling-away

# The practitioners' URLs, from the manuscript: the entries the guide names
# (entry-ref), or when it names none the directory entries that share a
# topic with it.
python3 - "$guide" >"$tmp/urls.txt" <<'PY' || fail "reading the practitioners' URLs"
import sys, xml.etree.ElementTree as ET
g = ET.parse(f"manuscript/guides/{sys.argv[1]}.xml").getroot()
pr = g.find("practitioners")
assert pr is not None, "the seed guide has practitioners"
named = {r.get("to") for r in pr.iter("entry-ref")}
topics = set(g.get("topics").split())
entries = ET.parse("manuscript/directory.xml").getroot().iter("entry")
urls = [e.findtext("url") for e in entries if e.findtext("url")
        and (e.get("id") in named if named else topics & set(e.get("topics").split()))]
assert urls, "no practitioner with a URL"
print("\n".join(sorted(urls)))
PY

# The folio printed in the footer of each half of each sheet ("-" for an
# empty half), as "L|R L|R ..."; the footer line is "from Title, pp. ... N".
halves() {
  local pdf=$1 w h pages out="" k half text
  read -r w h < <(pdfinfo "$pdf" | awk '/^Page size:/ {printf "%.0f %.0f\n", $3, $5}')
  pages=$(pdfinfo "$pdf" | awk '/^Pages:/ {print $2}')
  for k in $(seq 1 "$pages"); do
    for half in 0 1; do
      text=$(pdftotext -f "$k" -l "$k" -x $((half * w / 2)) -y 0 -W $((w / 2)) -H "$h" -layout "$pdf" - 2>/dev/null)
      folio=$(printf '%s\n' "$text" | grep -E '^ *from The Men.s Work Directory, pp?\. ' | awk '{print $NF}')
      [ -z "$folio" ] && { [ -z "$(printf '%s' "$text" | tr -d '[:space:]\f')" ] && folio=- || folio='?'; }
      [ "$half" = 0 ] && out+="$folio|" || out+="$folio "
    done
  done
  echo "${out% }"
}

# The order the imposition must produce for n pages (1-based, - = blank).
expected() {
  local mode=$1 n=$2 out="" i lo hi p
  pg() { [ "$1" -le "$n" ] && echo "$1" || echo -; }
  if [ "$mode" = 2up ]; then
    for ((i = 1; i <= n; i += 2)); do out+="$i|$(pg $((i + 1))) "; done
  else
    p=$(((n + 3) / 4 * 4))
    for ((lo = 1, hi = p; lo < hi; lo += 2, hi -= 2)); do out+="$(pg $hi)|$lo $((lo + 1))|$(pg $((hi - 1))) "; done
  fi
  echo "${out% }"
}

check_pdf() {  # NAME PDF
  local name=$1 pdf=$2
  if qpdf --check "$pdf" >"$tmp/qpdf.txt" 2>&1 && grep -q "No syntax or stream encoding errors" "$tmp/qpdf.txt"; then
    pass "$name: qpdf --check"
  else fail "$name: qpdf --check"; sed 's/^/    /' "$tmp/qpdf.txt" | head >&2; fi
  pdffonts "$pdf" >"$tmp/fonts.txt" 2>&1
  local nfonts notemb
  nfonts=$(tail -n +3 "$tmp/fonts.txt" | wc -l)
  notemb=$(tail -n +3 "$tmp/fonts.txt" | awk '$(NF-4) != "yes" || $(NF-2) != "yes"' | wc -l)
  if [ "$nfonts" -ge 2 ] && [ "$notemb" = 0 ]; then pass "$name: $nfonts fonts, all embedded"
  else fail "$name: pdffonts"; cat "$tmp/fonts.txt" >&2; fi
}

check_qr() {  # NAME PDF
  local name=$1 pdf=$2
  rm -f "$tmp"/qr-*.png
  pdftoppm -png -r 300 "$pdf" "$tmp/qr"
  zbarimg -q --raw "$tmp"/qr-*.png 2>/dev/null | sort >"$tmp/decoded.txt"
  if cmp -s "$tmp/decoded.txt" "$tmp/urls.txt"; then pass "$name: $(wc -l <"$tmp/decoded.txt") QR codes decode to the practitioners' URLs"
  else fail "$name: QR codes decoded to:"; cat "$tmp/decoded.txt" >&2; echo "  wanted:" >&2; cat "$tmp/urls.txt" >&2; fi
}

# A style with much larger text, so the guide runs to enough pages for a
# booklet of several sheets.
printf 'extends: %s/styles/handout.yaml\ntext: {size: 20pt, leading: 26pt}\n' "$SRC" >"$tmp/big.yaml"

for sheet in A4 Letter; do
  for mode in none 2up booklet; do
    name="$mode-$sheet"; pdf="$tmp/$name.pdf"
    if ! "$BB" handout "$guide" --impose "$mode" --sheet "$sheet" -o "$pdf" >"$tmp/out.txt" 2>"$tmp/err.txt"; then
      fail "handout $name"; sed 's/^/    /' "$tmp/err.txt" | head -20 >&2; continue
    fi
    grep -Eq "^wrote $pdf \([0-9]+ pages, [0-9]+ KB\)$" "$tmp/out.txt" || fail "$name: summary line: $(cat "$tmp/out.txt")"
    check_pdf "$name" "$pdf"
    check_qr "$name" "$pdf"
    [ "$mode" = none ] && continue
    read -r w h < <(pdfinfo "$pdf" | awk '/^Page size:/ {printf "%.0f %.0f\n", $3, $5}')
    want_w=842; [ "$sheet" = Letter ] && want_w=792
    [ "$w" = "$want_w" ] && [ "$w" -gt "$h" ] || fail "$name: sheet is ${w}x${h}, wanted landscape $sheet"
    for style in handout big; do
      sopt=(); [ "$style" = big ] && sopt=(-s "$tmp/big.yaml")
      "$BB" handout -q "$guide" "${sopt[@]}" -o "$tmp/flat.pdf" 2>/dev/null
      n=$(pdfinfo "$tmp/flat.pdf" | awk '/^Pages:/ {print $2}')
      "$BB" handout -q "$guide" "${sopt[@]}" --impose "$mode" --sheet "$sheet" --crop-marks -o "$tmp/imp.pdf" 2>/dev/null
      got=$(halves "$tmp/imp.pdf"); want=$(expected "$mode" "$n")
      if [ "$got" = "$want" ]; then pass "$name ($style style, $n pages, crop marks): order $got"
      else fail "$name ($style style, $n pages): order '$got', wanted '$want'"; fi
      [ "$style" = big ] && check_pdf "$name big crop-marks" "$tmp/imp.pdf"
    done
  done
done
# The seed guide in particular (3 pages): one booklet sheet, blank | 1 then 2 | 3.
[ "$(halves "$tmp/booklet-A4.pdf")" = "-|1 2|3" ] || fail "seed booklet: $(halves "$tmp/booklet-A4.pdf")"
[ "$(halves "$tmp/2up-A4.pdf")" = "1|2 3|-" ] || fail "seed 2-up: $(halves "$tmp/2up-A4.pdf")"

# Every page's footer says where the guide is in the book; the guide's title
# is on the first page only.
pdftotext -layout "$tmp/none-A4.pdf" "$tmp/none.txt"
pages=$(pdfinfo "$tmp/none-A4.pdf" | awk '/^Pages:/ {print $2}')
footers=$(grep -cE "^from The Men.s Work Directory, pp?\. [0-9]+(–[0-9]+)? +[0-9]+$" "$tmp/none.txt")
[ "$footers" = "$pages" ] && pass "a footer on each of the $pages pages" || fail "$footers footers on $pages pages"
grep -q "Contents" "$tmp/none.txt" && fail "the handout has a contents page"
grep -q "^The Directory" "$tmp/none.txt" && fail "the handout has the directory"
# --book-folios: the first page is numbered as the guide's first page in the book.
"$BB" handout -q "$guide" --book-folios -o "$tmp/folios.pdf" 2>/dev/null
first=$(grep -oE "pp?\. [0-9]+" "$tmp/none.txt" | head -1 | grep -oE "[0-9]+")
pdftotext -f 1 -l 1 -layout "$tmp/folios.pdf" - | grep -qE "^from .* $first$" \
  && pass "--book-folios: page 1 is numbered $first" || fail "--book-folios: page 1 is not numbered $first"

# Same inputs, same bytes.
"$BB" handout -q "$guide" --impose booklet -o "$tmp/again.pdf" 2>/dev/null
cmp -s "$tmp/again.pdf" "$tmp/booklet-A4.pdf" && pass "byte-identical rebuild" || fail "two builds differ"

# An unknown guide id: exit 1, a suggestion, nothing written or changed.
expect_exit 1 "unknown guide id" -- "$BB" handout pulling-awya -o "$tmp/nothing.pdf"
grep -q "unknown guide 'pulling-awya'; did you mean 'pulling-away'?" /tmp/bb-err.$$ \
  || { fail "unknown guide: no suggestion"; cat /tmp/bb-err.$$ >&2; }
[ -e "$tmp/nothing.pdf" ] && fail "a file was written for an unknown guide"
cp "$tmp/none-A4.pdf" "$tmp/keep.pdf"
expect_exit 1 "a known and an unknown guide id" -- "$BB" handout "$guide" nope -o "$tmp/keep.pdf"
cmp -s "$tmp/none-A4.pdf" "$tmp/keep.pdf" || fail "a failed handout build changed the output"
expect_exit 2 "no guide id and no --all" -- "$BB" handout
expect_exit 2 "an unknown --impose" -- "$BB" handout "$guide" --impose 4up
expect_exit 2 "--crop-marks without imposition" -- "$BB" handout "$guide" --crop-marks -o "$tmp/nothing.pdf"
[ -e "$tmp/nothing.pdf" ] && fail "a file was written for a usage error"
expect_exit 0 "handout --help" -- "$BB" handout --help
grep -q "Example" /tmp/bb-out.$$ || fail "handout --help has an example"

# --all: one file per guide into the folder; `bookbuild all` does the same.
nguides=$(python3 -c "
import glob, xml.etree.ElementTree as ET
print(sum(1 for f in glob.glob('manuscript/guides/*.xml') if ET.parse(f).getroot().tag == 'guide'))")
expect_exit 0 "handout --all" -- "$BB" handout --all -o "$tmp/all"
[ "$(ls "$tmp/all" | wc -l)" = "$nguides" ] && [ -f "$tmp/all/$guide.pdf" ] \
  && pass "--all wrote $nguides file(s)" || fail "--all wrote: $(ls "$tmp/all")"
cmp -s "$tmp/all/$guide.pdf" "$tmp/none-A4.pdf" || fail "--all and a single handout differ"
expect_exit 0 "bookbuild all" -- "$BB" all -o "$tmp/out"
[ -f "$tmp/out/handouts/$guide.pdf" ] && pass "bookbuild all wrote handouts/$guide.pdf" \
  || fail "bookbuild all wrote no handouts: $(ls -R "$tmp/out")"
finish
