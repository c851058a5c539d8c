#!/usr/bin/env bash
# --watch (issue 7: rebuild after every edit): `bookbuild epub|pdf|all|handout
# --watch` builds, then builds again when a manuscript, style or font file
# changes. Every build must give the bytes a separate `bookbuild` run gives
# for the files as they are then (the watch keeps fonts and the page-list's
# chapters between builds), a broken manuscript must be reported with its
# position and leave the last output alone, and Ctrl-C must leave no
# temporary file behind.
. "$(dirname "$0")/lib.sh"
tmp=$(mktemp -d)
watcher=
trap '[ -n "$watcher" ] && kill "$watcher" 2>/dev/null; rm -rf "$tmp"' EXIT
export SOURCE_DATE_EPOCH=1764288000
python3 bench/gen_corpus.py 12 "$tmp/m" >/dev/null || { fail "gen_corpus.py 12"; finish; }
# The style in a folder of its own (fonts are found in ../fonts beside it),
# so the test can change it.
mkdir -p "$tmp/styles"
cp styles/default.yaml "$tmp/styles/"
ln -s "$SRC/fonts" "$tmp/fonts"
style=$tmp/styles/default.yaml
limit=$((60 * $(slow_factor)))  # seconds a build may take here

# wait_for COUNT PATTERN FILE: until FILE has COUNT lines matching PATTERN.
wait_for() {
  local end=$((SECONDS + limit))
  while [ "$(grep -c -- "$2" "$3" 2>/dev/null || true)" -lt "$1" ]; do
    [ "$SECONDS" -ge "$end" ] && return 1
    sleep 0.05
  done
}

# edit GUIDE-FILE: a page's worth of text more before the first paragraph
# (so the later pages move), saved as an editor saves (a new file renamed
# over the old one).
edit() {
  python3 - "$1" <<'EOF'
import os, sys
p = sys.argv[1]
added = "<p>" + "A sentence the author added while the watch ran. " * 60 + "</p>"
t = open(p, encoding="utf-8").read().replace("<p>", added + "<p>", 1)
open(p + ".new", "w", encoding="utf-8").write(t)
os.replace(p + ".new", p)
EOF
}

# same_as_cold WHAT OUTPUT COMMAND...: OUTPUT is what a separate run makes.
same_as_cold() {
  local what=$1 out=$2; shift 2
  "$BB" "$@" -q -m "$tmp/m" -s "$style" -o "$tmp/cold" 2>/dev/null
  if [ -d "$out" ]; then diff -r -q "$tmp/cold" "$out" >/dev/null; else cmp -s "$tmp/cold" "$out"; fi \
    && pass "$what: the bytes of a separate run" || fail "$what: differs from a separate run"
  rm -rf "$tmp/cold"
}

guide=$(ls "$tmp"/m/guides/*.xml | sed -n 5p)

# start_watch LOG ARGS...: `bookbuild ARGS` in the background, its output
# in LOG.out and LOG.err; stop_watch: Ctrl-C, and wait for it to end.
start_watch() {
  local log=$1; shift
  "$BB" "$@" >"$log.out" 2>"$log.err" &
  watcher=$!
}
stop_watch() {
  kill -INT "$watcher"
  wait "$watcher" 2>/dev/null
  watcher=
}

# ---- epub
start_watch "$tmp/epub" epub --watch -m "$tmp/m" -s "$style" -o "$tmp/out/book.epub"
wait_for 1 '^wrote ' "$tmp/epub.out" || fail "epub --watch: no first build"
wait_for 1 'watching' "$tmp/epub.err" || fail "epub --watch: does not say it is watching"
same_as_cold "epub --watch, first build" "$tmp/out/book.epub" epub

edit "$guide"
wait_for 2 '^wrote ' "$tmp/epub.out" || fail "epub --watch: no build after an edit"
grep -q "guide-00004.xml changed" "$tmp/epub.err" && pass "epub --watch names the file that changed" \
  || fail "epub --watch: no 'guide-00004.xml changed' line"
same_as_cold "epub --watch after an edit (page numbers moved)" "$tmp/out/book.epub" epub

cp "$tmp/out/book.epub" "$tmp/last.epub"
cp "$guide" "$tmp/good.xml"
sed -i '0,/<p>/s/<p>/<p><em>unclosed /' "$guide"
wait_for 1 'guide-00004.xml:[0-9]*:[0-9]*: error' "$tmp/epub.err" \
  && pass "epub --watch reports a broken guide with file:line:column" || fail "epub --watch: no positioned error"
cmp -s "$tmp/last.epub" "$tmp/out/book.epub" && pass "epub --watch: a failed build leaves the EPUB alone" \
  || fail "epub --watch: the EPUB changed on a failed build"
cp "$tmp/good.xml" "$guide"
wait_for 3 '^wrote ' "$tmp/epub.out" || fail "epub --watch: no build once the guide was fixed"
same_as_cold "epub --watch after the fix" "$tmp/out/book.epub" epub

# A style change: another book (the kept fonts and chapters are dropped).
sed -i 's/^\(  size: \)10pt$/\110.5pt/' "$style"
grep -q '^  size: 10.5pt$' "$style" || fail "the test's style edit did not apply"
wait_for 4 '^wrote ' "$tmp/epub.out" || fail "epub --watch: no build after a style change"
same_as_cold "epub --watch after a style change" "$tmp/out/book.epub" epub

stop_watch
ls -A "$tmp/out" | grep -v '^book.epub$' | grep -q . && fail "epub --watch left files beside the EPUB: $(ls -A "$tmp/out")" \
  || pass "epub --watch: Ctrl-C leaves only the EPUB"

# ---- pdf
start_watch "$tmp/pdf" pdf --watch -m "$tmp/m" -s "$style" -o "$tmp/out/book.pdf"
wait_for 1 'watching' "$tmp/pdf.err" || fail "pdf --watch: no first build"
edit "$guide"
wait_for 2 '^wrote ' "$tmp/pdf.out" || fail "pdf --watch: no build after an edit"
pages() { sed -n "$1p" "$tmp/pdf.out" | sed 's/.*(\([0-9]*\) pages.*/\1/'; }
[ "$(pages 1)" != "$(pages 2)" ] && pass "pdf --watch: the edit moved pages ($(pages 1) -> $(pages 2))" \
  || fail "pdf --watch: the edit should change the page count"
same_as_cold "pdf --watch after an edit" "$tmp/out/book.pdf" pdf
stop_watch

# ---- all
start_watch "$tmp/all" all --watch -m "$tmp/m" -s "$style" -o "$tmp/all"
wait_for 1 'watching' "$tmp/all.err" || fail "all --watch: no first build"
edit "$guide"
wait_for 2 '^wrote .*guide-00011.pdf' "$tmp/all.out" || fail "all --watch: no build after an edit"
same_as_cold "all --watch after an edit (every file)" "$tmp/all" all
# A word changed (no page moves): only that guide's handout is made again;
# a handout removed meanwhile is made again at the next build.
word() {
  python3 - "$1" "$2" <<'EOF'
import os, sys
p = sys.argv[1]
t = open(p, encoding="utf-8").read().replace("<p>", "<p>" + sys.argv[2] + " ", 1)
open(p + ".new", "w", encoding="utf-8").write(t)
os.replace(p + ".new", p)
EOF
}
word "$guide" Indeed
wait_for 3 '^wrote .*book.pdf' "$tmp/all.out" && wait_for 1 '^left 11 handouts' "$tmp/all.out" \
  && pass "all --watch: a one-word edit makes one handout again, leaves 11" \
  || fail "all --watch: no 'left 11 handouts' after a one-word edit"
same_as_cold "all --watch after a one-word edit" "$tmp/all" all
rm "$tmp/all/handouts/guide-00000.pdf"
word "$guide" Truly
wait_for 2 '^wrote .*guide-00000.pdf' "$tmp/all.out" || fail "all --watch: a removed handout was not made again"
wait_for 2 '^left 1[01] handouts' "$tmp/all.out"
same_as_cold "all --watch after a handout was removed" "$tmp/all" all
stop_watch

# ---- handout
start_watch "$tmp/handout" handout guide-00004 --watch -m "$tmp/m" -s "$SRC/styles/handout.yaml" \
  --book-style "$style" -o "$tmp/out/handout.pdf"
wait_for 1 'watching' "$tmp/handout.err" || fail "handout --watch: no first build"
word "$guide" Surely
wait_for 2 '^wrote ' "$tmp/handout.out" || fail "handout --watch: no build after an edit"
"$BB" handout guide-00004 -q -m "$tmp/m" -s "$SRC/styles/handout.yaml" --book-style "$style" \
  -o "$tmp/cold-handout.pdf" 2>/dev/null
cmp -s "$tmp/cold-handout.pdf" "$tmp/out/handout.pdf" && pass "handout --watch after an edit: the bytes of a separate run" \
  || fail "handout --watch after an edit: differs from a separate run"
stop_watch

# Files the build does not read are not changes: a file outside the
# manuscript, and an editor's swap file inside it.
start_watch "$tmp/other" epub --watch -m "$tmp/m" -s "$style" -o "$tmp/out/book.epub"
wait_for 1 'watching' "$tmp/other.err" || fail "epub --watch: no first build"
touch "$tmp/unrelated.txt" "$tmp/m/guides/.guide-00004.xml.swp" "$tmp/m/guides/guide-00004.xml~"
sleep 1
[ "$(grep -c '^wrote ' "$tmp/other.out")" = 1 ] && ! grep -q 'changed' "$tmp/other.err" \
  && pass "epub --watch: files the build does not read change nothing" \
  || fail "epub --watch built again for a file it does not read: $(grep changed "$tmp/other.err")"
# A file made in the manuscript and moved out of it before the quiet ends
# (a tool's temporary file) is no change, and the watch goes on.
echo scratch >"$tmp/m/guides/scratch.tmp" && mv "$tmp/m/guides/scratch.tmp" "$tmp/scratch.tmp"
sleep 1
kill -0 "$watcher" 2>/dev/null && ! grep -q 'changed' "$tmp/other.err" \
  && pass "epub --watch: a temporary file renamed away changes nothing" \
  || fail "epub --watch stopped or built again for a temporary file: $(tail -2 "$tmp/other.err")"
word "$guide" Again
wait_for 2 '^wrote ' "$tmp/other.out" && pass "epub --watch: still watching after it" \
  || fail "epub --watch: no build for an edit after a temporary file"
stop_watch

# Nothing to watch: an error, not a wait for ever.
expect_exit 1 "epub --watch on a missing manuscript folder" -- timeout 20 "$BB" epub --watch -m "$tmp/missing" -o "$tmp/x.epub"
finish
