#!/usr/bin/env bash
# tests/validate/epub/screenshots.sh BOOK.epub OUTDIR [WIDTH]: renders every
# XHTML file of an EPUB with headless Debian Chromium into OUTDIR/NAME.png
# (full height), for looking at the generated pages. Not a test itself.
set -euo pipefail
epub=$1 out=$2 width=${3:-700}
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
mkdir -p "$out"
unzip -q "$epub" -d "$tmp"
for f in "$tmp"/OEBPS/text/*.xhtml; do
  name=$(basename "$f" .xhtml)
  # Tall window: headless Chromium captures the viewport, not the page.
  timeout 60 /usr/lib/chromium/chromium --headless --no-sandbox --disable-gpu --disable-dev-shm-usage \
    --hide-scrollbars --window-size="$width,2400" --screenshot="$out/$name.png" "file://$f" 2>/dev/null
done
ls "$out"
