#!/usr/bin/env bash
# Progress (issue 7): on a terminal, a long build shows how far it has come
# ("reading the manuscript's files 2400", "laying out chapters 412/1040", "writing pages 3200/6403", "writing
# chapters ..."), rewritten in place and erased at the end; nothing when stderr
# is not a terminal, or with -q. `script` (util-linux) gives the build a
# pseudo-terminal and records what it printed. BOOKBUILD_PROGRESS_DELAY_MS=0
# shows the line from the start (normally after a second), so the test does
# not depend on how fast this machine is.
. "$(dirname "$0")/lib.sh"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
command -v script >/dev/null || { echo "script (util-linux) is needed" >&2; exit 1; }
python3 bench/gen_corpus.py 100 "$tmp/m" >/dev/null || { fail "gen_corpus.py 100"; finish; }

# on_tty LOG COMMAND...: runs COMMAND on a pseudo-terminal, its output in LOG.
on_tty() {
  local log=$1; shift
  script -qec "$*" "$log" >/dev/null 2>&1
}

export BOOKBUILD_PROGRESS_DELAY_MS=0
on_tty "$tmp/pdf.log" "$BB" pdf -m "$tmp/m" -o "$tmp/book.pdf" || fail "pdf on a terminal"
grep -aq 'laying out chapters [0-9]*/[0-9]' "$tmp/pdf.log" && pass "pdf: chapters laid out of total" \
  || fail "pdf on a terminal shows no 'laying out chapters N/M'"
grep -aq "reading the manuscript's files" "$tmp/pdf.log" && pass "pdf: the files being read" \
  || fail "pdf on a terminal shows no 'reading the manuscript's files'"
grep -aq 'checking the manuscript' "$tmp/pdf.log" && pass "pdf: the manuscript being checked" \
  || fail "pdf on a terminal shows no 'checking the manuscript'"
grep -aq 'writing pages [0-9]*/[0-9]' "$tmp/pdf.log" && pass "pdf: pages written of total" \
  || fail "pdf on a terminal shows no 'writing pages N/M'"
# The line is rewritten in place (CR) and erased (CR, erase to end of line)
# before the "wrote" line, which starts a line of its own.
grep -aq $'\r\e\[K' "$tmp/pdf.log" && pass "pdf: the progress line is erased" || fail "pdf: progress line not erased"
grep -aq '^wrote .*book.pdf' <(tr '\r' '\n' <"$tmp/pdf.log" | sed 's/\x1b\[K//g') && pass "pdf: 'wrote' after the progress" \
  || fail "pdf: no clean 'wrote' line"
[ -s "$tmp/book.pdf" ] || fail "pdf on a terminal wrote no PDF"

on_tty "$tmp/epub.log" "$BB" epub -m "$tmp/m" -o "$tmp/book.epub" || fail "epub on a terminal"
grep -aq 'writing chapters [0-9]*/[0-9]' "$tmp/epub.log" && pass "epub: chapters written of total" \
  || fail "epub on a terminal shows no 'writing chapters N/M'"

# check: the load's progress, then the summary on a line of its own.
on_tty "$tmp/check.log" "$BB" check -m "$tmp/m" || fail "check on a terminal"
grep -aq "reading the manuscript's files" "$tmp/check.log" && pass "check: the files being read" \
  || fail "check on a terminal shows no 'reading the manuscript's files'"
grep -aq '^Benchmark Book of 100 Guides: 100 guides, ' <(tr '\r' '\n' <"$tmp/check.log" | sed 's/\x1b\[K//g') \
  && pass "check: the summary starts a line of its own" || fail "check: the summary follows the progress text"

# -q on a terminal: nothing.
on_tty "$tmp/quiet.log" "$BB" pdf -q -m "$tmp/m" -o "$tmp/quiet.pdf" || fail "pdf -q on a terminal"
grep -aq 'laying out\|writing pages' "$tmp/quiet.log" && fail "pdf -q showed progress" || pass "pdf -q: no progress"

# Not a terminal: nothing on stderr but diagnostics.
"$BB" pdf -m "$tmp/m" -o "$tmp/pipe.pdf" >"$tmp/out.txt" 2>"$tmp/err.txt" || fail "pdf to a pipe"
grep -aq 'laying out\|writing pages\|\[K' "$tmp/err.txt" "$tmp/out.txt" && fail "progress without a terminal" \
  || pass "no progress when stderr is not a terminal"
cmp -s "$tmp/book.pdf" "$tmp/pipe.pdf" && pass "the PDF is the same with and without progress" \
  || fail "progress changed the PDF"

# A quick build shows nothing with the normal delay (about a second).
unset BOOKBUILD_PROGRESS_DELAY_MS
on_tty "$tmp/quick.log" "$BB" epub -m tests/fixtures/full -o "$tmp/quick.epub" || fail "quick epub on a terminal"
grep -aq 'writing chapters' "$tmp/quick.log" && fail "a quick build showed progress" || pass "quick build: no progress"
finish
