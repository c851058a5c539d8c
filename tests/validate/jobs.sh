#!/usr/bin/env bash
# The same bytes whatever the number of threads (issue 7): a generated
# 40-guide book (parts, cross-references with page numbers, practitioners)
# built with -j 1 (every parallel stage on one thread), -j 2 and -j 5 (more
# threads than this machine has cores, so the threads interleave), and with
# BOOKBUILD_JOBS=1; the EPUB, the PDF, a handout and everything `all`
# writes are compared byte for byte. Then bad -j values: a usage error
# (exit 2) naming the option, and no output written.
. "$(dirname "$0")/lib.sh"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
export SOURCE_DATE_EPOCH=1764288000
python3 bench/gen_corpus.py 40 "$tmp/gen40" >/dev/null || fail "gen_corpus.py 40"
m="$tmp/gen40"

same() {  # same DESCRIPTION FILE1 FILE2...
  local what=$1 first=$2; shift 2
  for other in "$@"; do
    if ! cmp -s "$first" "$other"; then
      fail "$what: $(basename "$first") and $(basename "$other") differ"
      return
    fi
  done
  pass "$what: the same bytes ($(wc -c <"$first") bytes)"
}

for cmd in epub pdf; do
  for j in 1 2 5; do
    "$BB" "$cmd" -q -j "$j" -m "$m" -o "$tmp/j$j.$cmd" 2>"$tmp/err" || { fail "$cmd -j $j"; head "$tmp/err" >&2; }
  done
  BOOKBUILD_JOBS=1 "$BB" "$cmd" -q -m "$m" -o "$tmp/env1.$cmd" 2>"$tmp/err" || fail "$cmd with BOOKBUILD_JOBS=1"
  BOOKBUILD_JOBS=1 "$BB" "$cmd" -q -j 0 -m "$m" -o "$tmp/j0.$cmd" 2>"$tmp/err" || fail "$cmd -j 0"
  "$BB" "$cmd" -q -m "$m" -o "$tmp/default.$cmd" 2>"$tmp/err" || fail "$cmd, default threads"
  same "$cmd on 1, 2, 5 threads, BOOKBUILD_JOBS=1, -j 0 and the default" \
    "$tmp/j1.$cmd" "$tmp/j2.$cmd" "$tmp/j5.$cmd" "$tmp/env1.$cmd" "$tmp/j0.$cmd" "$tmp/default.$cmd"
done

for j in 1 4; do
  "$BB" handout -q -j "$j" -m "$m" -o "$tmp/handout-j$j.pdf" guide-00003 guide-00017 2>"$tmp/err" ||
    { fail "handout -j $j"; head "$tmp/err" >&2; }
done
same "a handout of two guides on 1 and 4 threads" "$tmp/handout-j1.pdf" "$tmp/handout-j4.pdf"

for j in 1 3; do
  "$BB" all -q -j "$j" -m "$m" -o "$tmp/all-j$j" >/dev/null 2>"$tmp/err" || { fail "all -j $j"; head "$tmp/err" >&2; }
done
if diff -r "$tmp/all-j1" "$tmp/all-j3" >/dev/null; then
  pass "all on 1 and 3 threads: the same $(find "$tmp/all-j1" -type f | wc -l) files, byte for byte"
else
  fail "all on 1 and 3 threads: $(diff -rq "$tmp/all-j1" "$tmp/all-j3" | head -3 | tr '\n' ';')"
fi

# A BOOKBUILD_JOBS that is not a number of threads: a warning naming it,
# one thread per core, the same bytes.
BOOKBUILD_JOBS=abc "$BB" epub -q -m "$m" -o "$tmp/envbad.epub" 2>"$tmp/err" || fail "epub with BOOKBUILD_JOBS=abc"
grep -q "^BOOKBUILD_JOBS: warning: .*'abc'" "$tmp/err" && pass "BOOKBUILD_JOBS=abc: a warning naming it" \
  || { fail "BOOKBUILD_JOBS=abc: no warning"; head -3 "$tmp/err" >&2; }
same "epub with BOOKBUILD_JOBS=abc" "$tmp/default.epub" "$tmp/envbad.epub"

for bad in -1 abc 257; do
  expect_exit 2 "pdf -j $bad is a usage error" -- "$BB" pdf -q -j "$bad" -m "$m" -o "$tmp/bad.pdf"
  grep -q -- "--jobs" /tmp/bb-err.$$ || fail "pdf -j $bad: the message does not name --jobs"
  [ -e "$tmp/bad.pdf" ] && fail "pdf -j $bad wrote a file"
done
finish
