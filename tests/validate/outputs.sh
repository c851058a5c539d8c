#!/usr/bin/env bash
# Outputs are never left broken (issue 8):
#  (a) every bad case (tests/diagnostics/manuscript/*, tests/diagnostics/style/*)
#      through `epub -o X` and `pdf -o X` with an existing X: exit 1 (not a
#      crash), within seconds, FILE:LINE:COL on stderr, X byte-identical, and
#      no other file left in X's folder;
#  (b) builds killed at random moments (SIGTERM, SIGINT and SIGKILL) leave X
#      as it was or the complete new file (qpdf --check / unzip -t), SIGTERM
#      and SIGINT leave no temporary file, and a SIGKILL leftover
#      (.NAME.tmp-PID-N) is removed by the next build;
#  (c) two builds racing for one output leave one of the two complete files;
#  (d) an output whose folder cannot be made (a file is in the way): exit 1,
#      the system's reason named, nothing written.
# BB_KILLS=N sets the kills per signal and format (default 8).
. "$(dirname "$0")/lib.sh"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
export SOURCE_DATE_EPOCH=1764288000
# Sanitized builds are several times slower: time limits scale.
slow=$(slow_factor)

# ---- (a) bad cases leave an existing output alone ------------------------
positioned='^[^ :][^:]*:[0-9]+:[0-9]+: error: '
# A file that does not exist has no line to point at.
missing='^[^ :][^:]*: error: .* does not exist'
checked=0
run_bad() {  # run_bad NAME FORMAT ARGS...
  local name=$1 fmt=$2; shift 2
  local out="$tmp/out-$fmt"; mkdir -p "$out"
  local target="$out/book.$fmt"
  printf 'previous %s output of %s\n' "$fmt" "$name" >"$target"
  cp "$target" "$tmp/before"
  local start=$SECONDS
  timeout $((20 * slow)) "$BB" "$fmt" "$@" -o "$target" >"$tmp/a.out" 2>"$tmp/a.err"
  local rc=$? took=$((SECONDS - start))
  checked=$((checked + 1))
  [ "$rc" = 1 ] || { fail "$name: $fmt exit $rc, wanted 1"; head -5 "$tmp/a.err" >&2; }
  [ "$took" -le $((10 * slow)) ] || fail "$name: $fmt took $took s"
  grep -Eq "$positioned|$missing" "$tmp/a.err" || { fail "$name: $fmt printed no FILE:LINE:COL error"; head -5 "$tmp/a.err" >&2; }
  cmp -s "$target" "$tmp/before" || fail "$name: $fmt changed the existing $target"
  local others
  others=$(find "$out" -mindepth 1 ! -name "book.$fmt" | head -3)
  [ -z "$others" ] || { fail "$name: $fmt left files behind: $others"; rm -rf "${out:?}"/.[!.]* "${out:?}"/*; }
}
# Under the sanitizer (5 × slower) each case runs through one writer, the
# two alternating, so the test stays within ctest's 10 minutes.
formats() { if [ "$slow" = 1 ]; then echo epub pdf; elif ((checked % 2)); then echo pdf; else echo epub; fi; }
cases=0
for dir in tests/diagnostics/manuscript/*/; do
  name=$(basename "$dir")
  case $name in _*) continue ;; esac
  grep -q ": error: " "$dir/expected.txt" || continue  # warnings only: builds
  cases=$((cases + 1))
  for fmt in $(formats); do run_bad "manuscript/$name" "$fmt" -m "${dir%/}" -s styles/default.yaml; done
done
for yaml in tests/diagnostics/style/*.yaml; do
  name=$(basename "$yaml" .yaml)
  grep -q ": error: " "tests/diagnostics/style/$name.expected" || continue
  cases=$((cases + 1))
  for fmt in $(formats); do run_bad "style/$name" "$fmt" -m manuscript -s "$yaml"; done
done
[ "$cases" -ge 100 ] && [ "$checked" -ge "$cases" ] || fail "only $checked bad-case builds of $cases cases ran"
pass "(a) $checked bad-case builds: exit 1, positioned errors, outputs untouched, no temporary files"

# ---- (b) killed builds ---------------------------------------------------
python3 bench/gen_corpus.py 40 "$tmp/book40" >/dev/null
python3 bench/gen_corpus.py 30 "$tmp/book30" --seed 7 >/dev/null
style=styles/default.yaml
# Reference outputs: the previous file (30 guides) and the complete new one (40).
for fmt in epub pdf; do
  "$BB" "$fmt" -q -m "$tmp/book30" -s $style -o "$tmp/prev.$fmt" || fail "building the 30-guide $fmt"
  start=$(date +%s%N)
  "$BB" "$fmt" -q -m "$tmp/book40" -s $style -o "$tmp/new.$fmt" || fail "building the 40-guide $fmt"
  echo $((($(date +%s%N) - start) / 1000000)) >"$tmp/ms.$fmt"
done
valid() {  # valid FORMAT FILE
  if [ "$1" = pdf ]; then qpdf --check "$2" >/dev/null 2>&1; else unzip -tqq "$2" >/dev/null 2>&1; fi
}
kills=${BB_KILLS:-$((slow > 1 ? 3 : 8))}
killed=0 completed=0 stale_seen=0
seed=${BB_SEED:-$RANDOM}
RANDOM=$seed
for fmt in epub pdf; do
  ms=$(cat "$tmp/ms.$fmt")
  for sig in TERM INT KILL; do
    for ((i = 0; i < kills; i++)); do
      dir="$tmp/kill"; rm -rf "$dir"; mkdir -p "$dir"
      target="$dir/book.$fmt"
      cp "$tmp/prev.$fmt" "$target"
      # A moment in [0, 0.9 × the build's time]: most kills land in the
      # work, some in or after the write.
      delay_ms=$((RANDOM % (ms * 9 / 10 + 1)))
      # setsid: the build is not in this shell's job control, so SIGINT
      # reaches it (a background job of a script ignores SIGINT otherwise).
      setsid "$BB" "$fmt" -q -m "$tmp/book40" -s $style -o "$target" >/dev/null 2>&1 &
      pid=$!
      sleep "$(printf '%d.%03d' $((delay_ms / 1000)) $((delay_ms % 1000)))"
      kill -s "$sig" "$pid" 2>/dev/null
      wait "$pid"
      rc=$?
      if [ "$rc" -ge 128 ]; then killed=$((killed + 1)); else completed=$((completed + 1)); fi
      what="$fmt SIG$sig after ${delay_ms} ms (exit $rc)"
      if cmp -s "$target" "$tmp/prev.$fmt"; then :
      elif cmp -s "$target" "$tmp/new.$fmt"; then :
      else fail "$what: the output is neither the previous nor the complete new file"; fi
      valid "$fmt" "$target" || fail "$what: the output does not pass its check"
      leftovers=$(find "$dir" -mindepth 1 ! -name "book.$fmt")
      if [ -n "$leftovers" ]; then
        if [ "$sig" != KILL ]; then
          fail "$what: left $leftovers"
        elif ! basename "$leftovers" | grep -Eq "^\.book\.$fmt\.tmp-[0-9]+-[0-9]+$"; then
          fail "$what: leftover with an unexpected name: $leftovers"
        else
          stale_seen=$((stale_seen + 1))
          # The next build of that target removes it (its process is gone).
          "$BB" "$fmt" -q -m "$tmp/book40" -s $style -o "$target" >/dev/null 2>&1 || fail "$what: rebuild"
          [ -z "$(find "$dir" -mindepth 1 ! -name "book.$fmt")" ] || fail "$what: the next build left the stale temporary file"
        fi
      fi
    done
  done
done
pass "(b) $((killed + completed)) killed builds (seed $seed; $killed died, $completed finished first, $stale_seen SIGKILL leftovers cleaned by the next build): outputs previous or complete"

# A SIGKILL leftover, made on purpose (the random kills rarely land inside the
# few milliseconds of the write): the next build removes it and still works.
dir="$tmp/stale"; mkdir -p "$dir"
sleep 0.01 & dead=$!; wait $dead
printf 'half' >"$dir/.book.pdf.tmp-$dead-0"
"$BB" pdf -q -m "$tmp/book30" -s $style -o "$dir/book.pdf" || fail "build beside a stale temporary file"
[ ! -e "$dir/.book.pdf.tmp-$dead-0" ] || fail "a dead build's temporary file was not removed"
cmp -s "$dir/book.pdf" "$tmp/prev.pdf" || fail "build beside a stale temporary file: wrong output"

# ---- (c) racing builds -----------------------------------------------------
for fmt in epub pdf; do
  for ((i = 0; i < 4; i++)); do
    dir="$tmp/race"; rm -rf "$dir"; mkdir -p "$dir"
    target="$dir/book.$fmt"
    "$BB" "$fmt" -q -m "$tmp/book30" -s $style -o "$target" >/dev/null 2>&1 & a=$!
    "$BB" "$fmt" -q -m "$tmp/book40" -s $style -o "$target" >/dev/null 2>&1 & b=$!
    wait $a || fail "race $fmt $i: first build failed"
    wait $b || fail "race $fmt $i: second build failed"
    if cmp -s "$target" "$tmp/prev.$fmt" || cmp -s "$target" "$tmp/new.$fmt"; then :
    else fail "race $fmt $i: the output is neither build's complete file"; fi
    valid "$fmt" "$target" || fail "race $fmt $i: the output does not pass its check"
    [ -z "$(find "$dir" -mindepth 1 ! -name "book.$fmt")" ] || fail "race $fmt $i: files left behind"
  done
done
pass "(c) 8 races of two builds for one output: one complete file, nothing left behind"

# ---- (d) an output folder that cannot be made ----------------------------
: >"$tmp/a-file"
for fmt in pdf epub; do
  rc=0
  "$BB" "$fmt" -q -m "$tmp/book30" -s $style -o "$tmp/a-file/book.$fmt" 2>"$tmp/d.err" || rc=$?
  [ "$rc" = 1 ] || fail "(d) $fmt: exit $rc, wanted 1"
  grep -q "a-file/book.$fmt: error: cannot write the .*Not a directory" "$tmp/d.err" ||
    { fail "(d) $fmt: no error naming the output and the reason"; cat "$tmp/d.err" >&2; }
  [ ! -s "$tmp/a-file" ] || fail "(d) $fmt: wrote into the file in the way"
done
pass "(d) an output folder that is a file: exit 1, the output and the reason named"
finish
