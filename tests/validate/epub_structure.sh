#!/usr/bin/env bash
# Structural checks on the unzipped EPUB of the shipped manuscript and of every
# fixture (tests/validate/epub/structure.py): hrefs and idrefs resolve, the nav
# lists every guide and section, every epub:type has its role, every
# manuscript paragraph is present in order. Also checks that the checker
# catches a broken EPUB, so it cannot pass vacuously.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/epub/build_all.sh"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
check=$(dirname "$0")/epub/structure.py
build_all_epubs
for epub in "${epubs[@]}"; do
  n=$(basename "$epub" .epub)
  dir=tests/fixtures/$n; [ "$n" = shipped ] && dir=manuscript
  python3 "$check" "$epub" "$dir" || fail "structure of $n.epub"
done
# The checker must fail on a damaged EPUB: drop a role, break a link, lose a paragraph.
python3 - "$tmp/shipped.epub" "$tmp/broken.epub" <<'PY'
import sys, zipfile
src, dst = zipfile.ZipFile(sys.argv[1]), zipfile.ZipFile(sys.argv[2], "w")
for info in src.infolist():
    data = src.read(info)
    if info.filename.endswith(".xhtml") and b'role="doc-chapter"' in data:
        data = data.replace(b' role="doc-chapter"', b"", 1).replace(b'href="directory.xhtml#', b'href="directory.xhtml#no-', 1)
        data = data.replace(b"Attachment theory is the explanatory framework here.", b"", 1)
    dst.writestr(info, data)
dst.close()
PY
python3 "$check" "$tmp/broken.epub" manuscript >"$tmp/broken.out" 2>&1 && fail "the structure check passed a broken EPUB"
for what in "has role None, wants 'doc-chapter'" "no id 'no-" "paragraph text not found"; do
  grep -q "$what" "$tmp/broken.out" && pass "the structure check catches: $what" || fail "the structure check misses: $what"
done
finish
