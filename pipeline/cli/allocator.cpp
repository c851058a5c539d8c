// The allocator's settings for a whole build, made when the program starts.
#ifdef BOOKBUILD_MIMALLOC
#include <mimalloc.h>

namespace {

// A big build grows to a few hundred MB of small objects that live to its
// end. In 4 KB pages that was ~85,000 page faults for the PDF of 1,000
// guides (8 % of the EPUB's samples in the kernel's fault path). Asking for
// transparent huge pages for mimalloc's segments (madvise, which Debian's
// default THP mode "madvise" honours) takes them to ~20,000, for ~15 MB more
// resident memory (bench/README.md). A constructor, not a call from main:
// the segments the C++ library's start-up takes are then huge-paged too.
[[gnu::constructor]] void use_huge_pages() { mi_option_set(mi_option_large_os_pages, 1); }

}  // namespace
#endif
