#!/usr/bin/env bash
# bench/profile.sh BOOKBUILD MANUSCRIPT_DIR OUT.txt: where the time of
# `bookbuild pdf` and `bookbuild epub` goes on one manuscript.
#
# Writes to OUT.txt: the stage times bookbuild itself reports
# (BOOKBUILD_TIMING=1), then a flat `perf` profile of each command (self time
# per function, cpu-clock sampling: this VM has no hardware counters, so
# `perf stat -e instructions` says "not supported"), top functions and the
# share of each library. Needs linux-perf (bench/run --profile installs it).
set -eu  # no pipefail: `perf report | head` ends perf with SIGPIPE
bb=$1 ms=$2 out=$3
root=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
export SOURCE_DATE_EPOCH=1764288000
: >"$out"
echo "manuscript: $ms ($(ls "$ms/guides" | wc -l) guides)" >>"$out"
echo "stage times (BOOKBUILD_TIMING=1 bookbuild pdf):" >>"$out"
BOOKBUILD_TIMING=1 "$bb" pdf -q -m "$ms" -s "$root/styles/default.yaml" -o "$tmp/book.pdf" 2>&1 | sed 's/^/  /' >>"$out"
for cmd in pdf epub; do
  ext=$cmd
  perf record -q -F 1999 -e cpu-clock -o "$tmp/$cmd.data" -- \
    "$bb" "$cmd" -q -m "$ms" -s "$root/styles/default.yaml" -o "$tmp/book.$ext" >/dev/null 2>&1
  {
    echo
    echo "== perf: bookbuild $cmd, share of samples by library =="
    perf report -i "$tmp/$cmd.data" --stdio --no-children --sort dso 2>/dev/null | grep -v '^#' | grep . | head -12
    echo
    echo "== perf: bookbuild $cmd, top functions (self) =="
    perf report -i "$tmp/$cmd.data" --stdio --no-children --sort dso,symbol 2>/dev/null | grep -v '^#' | grep . \
      | head -30 | cut -c1-160
  } >>"$out"
done
cat "$out"
