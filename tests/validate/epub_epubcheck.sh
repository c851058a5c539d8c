#!/usr/bin/env bash
# epubcheck (Debian's 4.2.6, EPUB 3.2 rules) on the EPUB of the shipped
# manuscript and of every fixture: no fatal, no error, no warning.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/epub/build_all.sh"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
command -v java >/dev/null || { fail "java not found (apt-get install default-jre-headless)"; finish; }
build_all_epubs
for epub in "${epubs[@]}"; do
  # /usr/bin/epubcheck is a bare jar: run it with java -jar (notes/libraries.md).
  # -Xss: its reading-order check recurses per link (a 1,000-guide book overflows the default stack).
  java -Xss512m -jar /usr/bin/epubcheck "$epub" >"$tmp/check.out" 2>&1
  rc=$?
  summary=$(grep -E '^Messages:' "$tmp/check.out")
  if [ $rc -eq 0 ] && grep -q "No errors or warnings detected" "$tmp/check.out" \
     && [[ $summary == "Messages: 0 fatals / 0 errors / 0 warnings / 0 infos" ]]; then
    pass "epubcheck $(basename "$epub"): $summary"
  else
    fail "epubcheck $(basename "$epub") (exit $rc): $summary"
    grep -E '^(FATAL|ERROR|WARNING|INFO)' "$tmp/check.out" | head -20 | sed 's/^/    /' >&2
  fi
done
finish
