#!/usr/bin/env bash
# Hostile input too big to commit, generated here (issue 8); the small cases
# are tests/diagnostics/manuscript/* (nul-byte, billion-laughs,
# external-entity, url-schemes, control-in-metadata, figure-bad-content,
# figure-escapes, include-*, invalid-utf8, deep-nesting, ...) and are run
# through epub and pdf by outputs.sh.
#  - a 100 MB text node: refused at once by the 32 MB file limit, FILE:1:1;
#  - a 4 MB paragraph on one line (under the limit): loads; an error at its
#    end is quoted in a short excerpt with the right column;
#  - a 100,000-character word through pdf and epub: no crash;
#  - 10,000 guides (bench/gen_corpus.py): check succeeds within bounds of CPU
#    time and memory;
#  - hostile style files: alias bombs, 100,000-level nesting, NUL, invalid
#    UTF-8: exit 1 with FILE:LINE:COL, no crash.
. "$(dirname "$0")/lib.sh"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
export SOURCE_DATE_EPOCH=1764288000
slow=$(slow_factor)
style=styles/default.yaml

# A small valid book whose guide's paragraph is PARA (python3 writes it).
small_book() {  # small_book DIR PARA_FILE
  mkdir -p "$1"
  python3 - "$1" "$2" <<'EOF'
import sys
folder, para = sys.argv[1], open(sys.argv[2], encoding="utf-8").read()
open(folder + "/book.xml", "w", encoding="utf-8").write(f"""<book format="1">
  <meta>
    <title>T</title>
    <creator>C</creator>
    <identifier>urn:uuid:6f1c2a8e-4b7d-4c1e-9a35-2d8e7f0b5c41</identifier>
    <date>2026-01-01</date>
  </meta>
  <topics><topic id="t">Topic</topic></topics>
  <guide id="g" topics="t">
    <title>G</title>
    <truth>
      <p>{para}</p>
    </truth>
  </guide>
  <directory id="dir">
    <title>D</title>
    <entry id="e" kind="coach" topics="t" format="online">
      <name>E</name>
      <description><p>d</p></description>
    </entry>
  </directory>
</book>
""")
EOF
}
timed() {  # timed LIMIT_S OUT ERR CMD...: runs CMD, records exit, seconds, peak KB
  local limit=$1 o=$2 e=$3; shift 3
  /usr/bin/time -f "%e %U %S %M" -o "$tmp/time" timeout "$limit" "$@" >"$o" 2>"$e"
  rc=$?
  read -r wall user sys kb < <(tail -n 1 "$tmp/time") || true
  cpu=$(python3 -c "print(round(${user:-0} + ${sys:-0}, 1))")
}

# ---- 100 MB text node ---------------------------------------------------------
python3 -c "
import sys
sys.stdout.write('lorem ipsum dolor sit amet ' * (100 * 1024 * 1024 // 27))" >"$tmp/para100"
small_book "$tmp/big" "$tmp/para100"
for cmd in check epub pdf; do
  printf 'previous\n' >"$tmp/out.$cmd"
  args=(); [ $cmd != check ] && args=(-o "$tmp/out.$cmd")
  timed $((30 * slow)) "$tmp/o" "$tmp/e" "$BB" $cmd -m "$tmp/big" -s $style "${args[@]}"
  if [ "$rc" = 1 ] && grep -Eq "book.xml:1:1: error: the file is 100.0 MB; a manuscript file may be at most 32 MB" "$tmp/e"; then
    pass "100 MB text node: $cmd refuses it in $wall s"
  else
    fail "100 MB text node: $cmd exit $rc in $wall s"; head -c 600 "$tmp/e" >&2
  fi
  [ "$(wc -c <"$tmp/e")" -lt 2000 ] || fail "100 MB text node: $cmd printed $(wc -c <"$tmp/e") bytes of diagnostics"
  python3 -c "import sys; sys.exit(0 if float('$wall') <= 10 * $slow else 1)" || fail "100 MB text node: $cmd took $wall s"
  grep -qx previous "$tmp/out.$cmd" || fail "100 MB text node: $cmd touched its output"
done
rm -rf "$tmp/big" "$tmp/para100"

# ---- a 4 MB line --------------------------------------------------------------
python3 -c "
import sys
sys.stdout.write('word ' * (4 * 1024 * 1024 // 5) + 'end <emm>x</emm>')" >"$tmp/para4"
small_book "$tmp/long" "$tmp/para4"
timed $((60 * slow)) "$tmp/o" "$tmp/e" "$BB" check -m "$tmp/long" -s $style
col=$(python3 -c "print(len('      <p>') + len('word ' * (4 * 1024 * 1024 // 5) + 'end <') + 1)")
if [ "$rc" = 1 ] && grep -q "book.xml:12:$col: error: .*<emm>" "$tmp/e"; then
  pass "a 4 MB line: the error names book.xml:12:$col ($wall s)"
else
  fail "a 4 MB line: exit $rc"; head -c 600 "$tmp/e" >&2
fi
[ "$(wc -c <"$tmp/e")" -lt 2000 ] || fail "a 4 MB line: $(wc -c <"$tmp/e") bytes of diagnostics (the excerpt is not cut)"
sed -i 's|<emm>x</emm>|<em>x</em>|' "$tmp/long/book.xml"
timed $((60 * slow)) "$tmp/o" "$tmp/e" "$BB" check -m "$tmp/long" -s $style
[ "$rc" = 0 ] && pass "a 4 MB line loads ($wall s, $((kb / 1024)) MB)" || { fail "a 4 MB line: check exit $rc"; head -5 "$tmp/e" >&2; }
rm -rf "$tmp/long" "$tmp/para4"

# ---- an overlong word through both writers ------------------------------------
python3 -c "
import sys
sys.stdout.write('Before ' + 'x' * 100000 + ' after, and ' + 'é' * 20000 + '.')" >"$tmp/word"
small_book "$tmp/word-book" "$tmp/word"
for fmt in epub pdf; do
  timed $((120 * slow)) "$tmp/o" "$tmp/e" "$BB" $fmt -m "$tmp/word-book" -s $style -o "$tmp/word.$fmt"
  if [ "$rc" = 0 ] || { [ "$rc" = 1 ] && grep -Eq "^[^:]+:[0-9]+:[0-9]+: error: " "$tmp/e"; }; then
    pass "a 100,000-character word: $fmt exit $rc in $wall s"
  else
    fail "a 100,000-character word: $fmt exit $rc"; head -5 "$tmp/e" >&2
  fi
done
[ -f "$tmp/word.pdf" ] && { qpdf --check "$tmp/word.pdf" >/dev/null 2>&1 || fail "overlong word: qpdf --check"; }

# ---- 10,000 guides ------------------------------------------------------------
# Bounds on this machine (2 cores): generation ~15 s; check ~15 s of CPU and
# ~1.1 GB. The limits leave room for slower machines.
python3 bench/gen_corpus.py 10000 "$tmp/g10k" >/dev/null
timed $((600 * slow)) "$tmp/o" "$tmp/e" "$BB" check -m "$tmp/g10k" -s $style
if [ "$rc" = 0 ] && grep -q "10000 guides" "$tmp/o"; then
  pass "10,000 guides: check in $wall s ($cpu s CPU, $((kb / 1024)) MB)"
else
  fail "10,000 guides: check exit $rc"; head -5 "$tmp/e" >&2
fi
python3 -c "import sys; sys.exit(0 if float('$cpu') <= 60 * $slow else 1)" || fail "10,000 guides: check used $cpu s of CPU"
[ "$kb" -le $((2500 * 1024 * (slow > 1 ? 3 : 1))) ] || fail "10,000 guides: check used $((kb / 1024)) MB"
rm -rf "$tmp/g10k"

# ---- hostile style files ------------------------------------------------------
python3 - "$tmp" <<'EOF'
import sys
d = sys.argv[1]
with open(d + "/laughs.yaml", "w") as f:
    f.write("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n")
    for i in range(1, 30):
        f.write(f"a{i}: &a{i} [" + ", ".join([f"*a{i-1}"] * 10) + "]\n")
    f.write("page: *a29\n")
open(d + "/deep-seq.yaml", "w").write("page: " + "[" * 100000 + "]" * 100000 + "\n")
open(d + "/deep-map.yaml", "w").write("page: " + "{a: " * 100000 + "1" + "}" * 100000 + "\n")
open(d + "/deep-block.yaml", "w").write("".join(" " * i + "k:\n" for i in range(3000)))
open(d + "/nul.yaml", "wb").write(b"page:\n  size: \"A4\x00\"\n")
open(d + "/invalid-utf8.yaml", "wb").write(b"page:\n  size: \"A4\xff\"\n")
open(d + "/binary.yaml", "wb").write(bytes(range(256)) * 4)
EOF
for f in laughs deep-seq deep-map deep-block nul invalid-utf8 binary; do
  timed $((20 * slow)) "$tmp/o" "$tmp/e" "$BB" check -s "$tmp/$f.yaml"
  if [ "$rc" = 1 ] && grep -Eq "^$tmp/$f.yaml:[0-9]+:[0-9]+: error: " "$tmp/e"; then
    pass "style $f.yaml: exit 1, $(grep -Eo "^$tmp/$f.yaml:[0-9]+:[0-9]+: error: .{0,60}" "$tmp/e" | head -1 | sed "s|^$tmp/||")"
  else
    fail "style $f.yaml: exit $rc"; head -c 600 "$tmp/e" >&2
  fi
  [ "$(wc -c <"$tmp/e")" -lt 20000 ] || fail "style $f.yaml: $(wc -c <"$tmp/e") bytes of diagnostics"
done
finish
