# Sourced by the epub_*.sh validate scripts (not a test itself: only
# tests/validate/*.sh are registered). Builds the EPUB of the shipped
# manuscript and of every fixture manuscript under tests/fixtures/ into $tmp,
# with a fixed SOURCE_DATE_EPOCH, and lists them in $epubs.
# Needs: lib.sh sourced, $tmp set.
epubs=()
build_all_epubs() {
  local name dir
  for dir in manuscript tests/fixtures/*/; do
    dir=${dir%/}
    [ -f "$dir/book.xml" ] || continue
    name=$(basename "$dir")
    [ "$dir" = manuscript ] && name=shipped
    if SOURCE_DATE_EPOCH=1764288000 "$BB" epub -q -m "$dir" -o "$tmp/$name.epub" 2>"$tmp/$name.err"; then
      epubs+=("$tmp/$name.epub")
    else
      fail "bookbuild epub -m $dir"
      sed 's/^/    /' "$tmp/$name.err" | head -20 >&2
    fi
  done
  [ ${#epubs[@]} -ge 2 ] || fail "expected the shipped manuscript and at least one fixture, built ${#epubs[@]}"
}
