#!/usr/bin/env bash
# bench/ab.sh: two bookbuild binaries on one command, in alternating order.
#
#   bench/ab.sh [--runs K] OLD NEW COMMAND MANUSCRIPT [OPTIONS...]
#   bench/ab.sh --runs 12 /tmp/old/bookbuild build-bench/bookbuild epub build-bench/corpus/1000/manuscript
#
# Runs OLD and NEW K times each (default 11) on the same command, OLD first
# in odd runs and NEW first in even ones: running one always first favoured
# the second by up to ~5 % on this machine (two copies of one binary,
# bench/README.md, session 17). Prints, for each, the median wall time (ms)
# with its range, the median user CPU (s) and the median max RSS (MB).
# Outputs go to a temporary folder, removed at the end; the style is
# styles/default.yaml. Time nothing else meanwhile: builds and tests on the
# same cores move these figures more than most changes do.
set -euo pipefail
runs=11
if [ "${1:-}" = "--runs" ]; then runs=$2; shift 2; fi
if (($# < 4)); then
  sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//' >&2
  exit 2
fi
old=$1 new=$2 command=$3 manuscript=$4
shift 4
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

run() {  # run LABEL BINARY: one timed build, a line "LABEL ms user_s rss_kb"
  local t0 t1
  t0=$(date +%s%N)
  /usr/bin/time -f "%U %M" -o "$work/time" "$2" "$command" -q -m "$manuscript" \
    -s "$root/styles/default.yaml" -o "$work/out.$1" "${extra[@]}" >/dev/null 2>&1 ||
    { echo "bench/ab.sh: $2 $command failed" >&2; exit 1; }
  t1=$(date +%s%N)
  echo "$1 $(((t1 - t0) / 1000000)) $(cat "$work/time")" >>"$work/runs"
}
extra=("$@")
for ((r = 1; r <= runs; r++)); do
  if ((r % 2)); then run old "$old"; run new "$new"; else run new "$new"; run old "$old"; fi
done
python3 - "$work/runs" <<'EOF'
import statistics as st, sys
runs = {}
for line in open(sys.argv[1]):
    label, ms, user, rss = line.split()
    runs.setdefault(label, []).append((int(ms), float(user), int(rss) / 1024))
for label in ("old", "new"):
    v = runs[label]
    ms = [x[0] for x in v]
    print(f"{label}: {st.median(ms):.0f} ms ({min(ms)}-{max(ms)}), user {st.median(x[1] for x in v):.2f} s, "
          f"max RSS {st.median(x[2] for x in v):.0f} MB, {len(v)} runs")
EOF
