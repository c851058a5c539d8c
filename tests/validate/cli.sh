#!/usr/bin/env bash
# The command line: exit codes, help, version, the check summary, JSON
# diagnostics, and that a failing run leaves outputs untouched.
. "$(dirname "$0")/lib.sh"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT

expect_exit 0 "--version" -- "$BB" --version
grep -q "^bookbuild [0-9]" /tmp/bb-out.$$ || fail "--version prints 'bookbuild X.Y.Z'"
expect_exit 0 "--help" -- "$BB" --help
grep -q "check" /tmp/bb-out.$$ || fail "--help lists the check command"
expect_exit 0 "check --help" -- "$BB" check --help
grep -q "Example" /tmp/bb-out.$$ || fail "check --help has an example"
expect_exit 2 "no command is a usage error" -- "$BB"
expect_exit 2 "unknown command is a usage error" -- "$BB" frobnicate
expect_exit 2 "unknown option is a usage error" -- "$BB" check --no-such-option
expect_exit 2 "bad --diagnostics value is a usage error" -- "$BB" check --diagnostics=xml

# The shipped manuscript checks clean, with the summary line.
expect_exit 0 "check on the shipped manuscript" -- "$BB" check
grep -Eq "^The Men.s Work Directory: 1 guide, [0-9]+ sections?, 2 questions, [0-9]+ entr(y|ies), [0-9]+ topics?, [0-9]+ warnings?$" /tmp/bb-out.$$ \
  || { fail "check summary line"; cat /tmp/bb-out.$$ >&2; }
expect_exit 0 "check -q prints no summary" -- "$BB" check -q
[ -s /tmp/bb-out.$$ ] && fail "check -q printed to stdout"

# --strict: the shipped guide's empty book list is a warning, so strict fails.
expect_exit 1 "check --strict turns the empty-books warning into an error" -- "$BB" check --strict
grep -q "error:" /tmp/bb-err.$$ || fail "--strict prints the warning as an error"

# A broken manuscript: exit 1, FILE:LINE:COL, JSON diagnostics.
mkdir -p "$tmp/bad"
cp -r manuscript/. "$tmp/bad/"
sed -i 's|<summary>|<summry>|; s|</summary>|</summry>|' "$tmp/bad/guides/pulling-away.xml"
expect_exit 1 "check on a manuscript with an unknown element" -- "$BB" check -m "$tmp/bad"
grep -Eq "pulling-away.xml:[0-9]+:[0-9]+: error: .*summry.*did you mean <summary>" /tmp/bb-err.$$ \
  || { fail "unknown element message with position and suggestion"; cat /tmp/bb-err.$$ >&2; }
expect_exit 1 "json diagnostics" -- "$BB" check -m "$tmp/bad" --diagnostics=json
head -1 /tmp/bb-err.$$ | grep -Eq '^\{"file":"[^"]*pulling-away.xml","line":[0-9]+,"column":[0-9]+,"severity":"error","message":".*"\}$' \
  || { fail "json diagnostic shape"; head -3 /tmp/bb-err.$$ >&2; }

# A broken style and a broken manuscript: both reported in one run, the
# style's first (the two are read at once, on two threads), in both output
# formats, whatever the thread that finishes first.
sed 's/^page:/pgae:/' styles/default.yaml >"$tmp/bad-style.yaml"
for run in 1 2 3; do
  expect_exit 1 "broken style and manuscript (run $run)" -- "$BB" check -m "$tmp/bad" -s "$tmp/bad-style.yaml"
  grep -n "error:" /tmp/bb-err.$$ | head -2 >"$tmp/first-two.txt"
  if grep -q "^1:.*bad-style.yaml:[0-9]*:[0-9]*: error: .*pgae" "$tmp/first-two.txt" \
     && grep -q "pulling-away.xml:[0-9]*:[0-9]*: error: .*summry" /tmp/bb-err.$$; then
    pass "style error first, then the manuscript's (run $run)"
  else fail "style and manuscript errors in one run, style first (run $run)"; cat /tmp/bb-err.$$ >&2; fi
done
expect_exit 1 "broken style and manuscript, json" -- "$BB" check -m "$tmp/bad" -s "$tmp/bad-style.yaml" --diagnostics=json
head -1 /tmp/bb-err.$$ | grep -q '"file":"[^"]*bad-style.yaml","line":[0-9]*,' \
  || { fail "json: the style's error first, with its file and line"; head -3 /tmp/bb-err.$$ >&2; }

expect_exit 1 "missing manuscript folder" -- "$BB" check -m "$tmp/nope"
expect_exit 1 "missing style file" -- "$BB" check -s "$tmp/nope.yaml"

# all: writes output/check.txt; a failing run leaves the previous outputs alone.
expect_exit 0 "all into a fresh folder" -- "$BB" all -o "$tmp/out"
[ -s "$tmp/out/check.txt" ] || fail "all wrote check.txt"
sum_before=$(cd "$tmp/out" && find . -type f -exec sha256sum {} + | sort)
expect_exit 1 "all on a broken manuscript" -- "$BB" all -m "$tmp/bad" -o "$tmp/out"
sum_after=$(cd "$tmp/out" && find . -type f -exec sha256sum {} + | sort)
[ "$sum_before" = "$sum_after" ] || fail "a failed run changed the output folder"
# Run from a folder with no styles/, on a manuscript with none beside it:
# the styles that come with bookbuild are used (found from the binary), and
# every output is what a run from the project folder makes.
mkdir -p "$tmp/away/m" "$tmp/elsewhere"
cp -r manuscript "$tmp/away/m/"
bb_abs=$(realpath "$BB")
SOURCE_DATE_EPOCH=1764288000 "$bb_abs" all -q -m "$tmp/away/m/manuscript" -o "$tmp/from-root" 2>/dev/null
if (cd "$tmp/elsewhere" && SOURCE_DATE_EPOCH=1764288000 "$bb_abs" all -q -m "$tmp/away/m/manuscript" -o out 2>"$tmp/away.err"); then
  if diff -r "$tmp/from-root" "$tmp/elsewhere/out" >/dev/null; then
    pass "all from a folder without styles/: the shipped styles, the same $(find "$tmp/from-root" -type f | wc -l) files"
  else fail "all from a folder without styles/ made other files: $(diff -rq "$tmp/from-root" "$tmp/elsewhere/out" | head -2)"; fi
else
  fail "all from a folder without styles/"; head -3 "$tmp/away.err" >&2
fi
# Run from a folder without styles/, the book's own style wins over the
# shipped one however -m is written ("dir/manuscript/", "."): a broken
# styles/default.yaml beside the manuscript is reported, not passed over.
mkdir -p "$tmp/own/styles"
cp -r manuscript "$tmp/own/"
printf 'page: [unclosed\n' >"$tmp/own/styles/default.yaml"
expect_exit 1 "check -m DIR/manuscript/ takes the style beside it" -- \
  bash -c "cd '$tmp/elsewhere' && '$bb_abs' check -m '$tmp/own/manuscript/'"
grep -q "own/styles/default.yaml" /tmp/bb-err.$$ || fail "check -m DIR/: the book's style is not the one reported"
(cd "$tmp/own/manuscript" && "$bb_abs" check -m . >/dev/null 2>"$tmp/dot.err"); rc=$?
[ $rc = 1 ] && grep -q "styles/default.yaml" "$tmp/dot.err" && pass "check -m . takes the style beside the manuscript (exit 1)" \
  || fail "check -m . did not take the book's style (exit $rc)"

# A styles/ folder above a copy of the binary is not taken for bookbuild's own
# (only a project folder is): the copy still uses the shipped style.
mkdir -p "$tmp/zz/b" "$tmp/zz/styles"
cp "$bb_abs" "$tmp/zz/b/bookbuild"
printf 'page: [planted\n' >"$tmp/zz/styles/default.yaml"
expect_exit 0 "a copied binary ignores a styles/ planted above it" -- \
  bash -c "cd '$tmp/elsewhere' && '$tmp/zz/b/bookbuild' check -q -m '$tmp/away/m/manuscript'"

# handout and all take the same handout style: with a book style of its own
# and no handout.yaml beside it, both set the handouts in the book's style.
mkdir -p "$tmp/mine/styles"
cp -r manuscript "$tmp/mine/"
ln -s "$SRC/fonts" "$tmp/mine/fonts"
sed 's/margins: {top: 18mm/margins: {top: 25mm/' styles/default.yaml >"$tmp/mine/styles/default.yaml"
(cd "$tmp/elsewhere" && SOURCE_DATE_EPOCH=1764288000 "$bb_abs" all -q -m "$tmp/mine/manuscript" -o mine-all 2>/dev/null &&
  SOURCE_DATE_EPOCH=1764288000 "$bb_abs" handout -q --all -m "$tmp/mine/manuscript" -o mine-handouts 2>/dev/null)
if [ -s "$tmp/elsewhere/mine-all/handouts/pulling-away.pdf" ] &&
   cmp -s "$tmp/elsewhere/mine-all/handouts/pulling-away.pdf" "$tmp/elsewhere/mine-handouts/pulling-away.pdf"; then
  pass "handout --all and all make the same handout from a book with its own style"
else fail "handout --all and all made different handouts (or none)"; fi
finish
