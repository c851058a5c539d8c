#!/usr/bin/env bash
# bench/epub.sh [N] [BOOKBUILD]: generates a corpus of N guides (default 1000)
# with bench/gen_corpus.py and times `bookbuild check` and `bookbuild epub` on
# it, three runs each.
set -euo pipefail
n=${1:-1000}
bb=${2:-build/bookbuild}
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
python3 "$here/gen_corpus.py" "$n" "$tmp/corpus"
"$bb" check -m "$tmp/corpus"
for i in 1 2 3; do
  /usr/bin/time -f "  check: %e s wall, %U s user, %M KB max RSS" "$bb" check -q -m "$tmp/corpus"
done
for i in 1 2 3; do
  SOURCE_DATE_EPOCH=1764288000 /usr/bin/time -f "  epub:  %e s wall, %U s user, %M KB max RSS" \
    "$bb" epub -m "$tmp/corpus" -o "$tmp/book.epub"
done
unzip -l "$tmp/book.epub" | tail -1 | awk '{printf "  %d files, %.1f MB uncompressed\n", $2, $1/1048576}'
