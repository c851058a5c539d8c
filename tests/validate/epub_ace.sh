#!/usr/bin/env bash
# Ace by DAISY (axe-core on the rendered content plus EPUB accessibility rules)
# on the EPUB of the shipped manuscript and of every fixture: no critical,
# serious or moderate violation. Ace is installed on first use into ace/ beside
# the bookbuild binary, from /work/shared/tools/ace (pinned, Debian Chromium).
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/epub/build_all.sh"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
tools=${BB_ACE_TOOLS:-/work/shared/tools/ace}
export ACE_DIR=${ACE_DIR:-$(cd "$(dirname "$BB")" && pwd)/ace}
if [ ! -x "$ACE_DIR/node_modules/.bin/ace-cli" ]; then
  echo "installing Ace into $ACE_DIR"
  bash "$tools/install.sh" "$ACE_DIR" >"$tmp/install.log" 2>&1 \
    || { fail "Ace install failed"; tail -20 "$tmp/install.log" >&2; finish; }
fi
build_all_epubs
for epub in "${epubs[@]}"; do
  line=$(bash "$tools/ace.sh" "$epub" "$tmp/report-$(basename "$epub" .epub)")
  rc=$?
  if [ $rc -eq 2 ]; then
    fail "Ace could not run on $(basename "$epub"): $line"
  elif [[ $line =~ ^ace:\ 0\ critical,\ 0\ serious,\ 0\ moderate ]]; then
    pass "$(basename "$epub"): $line"
  else
    fail "$(basename "$epub"): $line"
  fi
done
finish
