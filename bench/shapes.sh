#!/usr/bin/env bash
# bench/shapes.sh: bookbuild on other shapes of book (bench/shapes.py), to
# find costs that grow faster than the book. Prints a Markdown table.
#
#   bench/shapes.sh                          every shape at N = 100, practitioners and one-file also at 1000
#   bench/shapes.sh --runs 3                 medians of 3 runs
#   bench/shapes.sh --compare OLD/bookbuild  a second binary in the same runs, interleaved
#   bench/shapes.sh --cases "corpus:1000 few-guides:1000"   only these SHAPE:N
#
# Uses the Release build and the corpora of bench/run (BENCH_BUILD, default
# build-bench; run bench/run --quick --sizes "100 1000" --peer-sizes "" first
# when $BENCH_BUILD/corpus/N/manuscript is missing). The shapes are made once
# in $BENCH_BUILD/shapes/.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
cd "$root"
runs=1
compare=""
cases="corpus:100 practitioners:100 practitioners:1000 figures:100 one-file:100 one-file:1000 intl:100
       corpus:1000 long-paragraphs:1000 long-words:1000 few-guides:1000 giant-paragraph:100"
while (($#)); do
  case "$1" in
    --runs) runs=$2; shift ;;
    --compare) compare=$2; shift ;;
    --cases) cases=$2; shift ;;
    -h|--help) awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; exit 0 ;;
    *) echo "bench/shapes.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
  shift
done
build=${BENCH_BUILD:-$root/build-bench}
bb=$build/bookbuild
[ -x "$bb" ] || { echo "bench/shapes.sh: no $bb (run bench/run first)" >&2; exit 1; }
export SOURCE_DATE_EPOCH=1764288000

for c in $cases; do
  shape=${c%%:*} n=${c##*:} src=$build/corpus/${c##*:}/manuscript dst=$build/shapes/$shape-$n
  [ -d "$src" ] || { echo "bench/shapes.sh: no corpus $src (run bench/run first)" >&2; exit 1; }
  [ -f "$dst/book.xml" ] || python3 "$here/shapes.py" "$shape" "$src" "$dst"
done

# one BINARY COMMAND DIR: "wall_s rss_mb" of one run
one() {
  local tv; tv=$(mktemp)
  local t0 t1; t0=$(date +%s%N)
  /usr/bin/time -v -o "$tv" "$1" "$2" -q -m "$3" -o "$build/shapes/out.$2" >/dev/null 2>&1 || echo "FAILED: $1 $2 $3" >&2
  t1=$(date +%s%N)
  printf '%.3f %d\n' "$(echo "scale=4; ($t1 - $t0) / 1000000000" | bc)" \
    $(( $(awk -F': ' '/Maximum resident/{print $2}' "$tv") / 1024 ))
  rm -f "$tv"
}
median() { sort -n | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}'; }

printf '| shape | N | command |%s now (s, MB) |\n|---|---:|---|%s---:|\n' \
  "${compare:+ $compare (s, MB) |}" "${compare:+---:|}"
for c in $cases; do
  shape=${c%%:*} n=${c##*:} dir=$build/shapes/$shape-$n
  for cmd in pdf epub; do
    new_t=() new_m=() old_t=() old_m=()
    for _ in $(seq 1 "$runs"); do
      if [ -n "$compare" ]; then read -r t m < <(one "$compare" "$cmd" "$dir"); old_t+=("$t"); old_m+=("$m"); fi
      read -r t m < <(one "$bb" "$cmd" "$dir"); new_t+=("$t"); new_m+=("$m")
    done
    old=""
    [ -n "$compare" ] && old=" $(printf '%s\n' "${old_t[@]}" | median), $(printf '%s\n' "${old_m[@]}" | sort -n | tail -1) |"
    printf '| %s | %s | `%s` |%s %s, %s |\n' "$shape" "$n" "$cmd" "$old" \
      "$(printf '%s\n' "${new_t[@]}" | median)" "$(printf '%s\n' "${new_m[@]}" | sort -n | tail -1)"
  done
done
