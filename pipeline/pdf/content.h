#pragma once
/// A page's content stream (PDF operators), built without libharu and
/// deflated, so that pages can be made on several threads: libharu is not
/// thread-safe, and drawing word by word through its API (one call, one
/// float-to-text conversion and one buffer copy per operator) was most of the
/// writer's cost (bench/README.md, "PDF path, session 2"). The writer then
/// hands libharu the compressed bytes (write.cpp).
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "typeset/paged_doc.h"

namespace bb::pdf {

/// What a page's operators refer to: the page's resource names, as libharu
/// registered them for that page.
struct PageResources {
    std::vector<std::string> font_names;             ///< by PagedDoc font index ("F1"); "" = not on the page
    std::map<std::string, std::string> image_names;  ///< image path -> XObject name ("X1")
};

/// Per-font facts the operators need, by PagedDoc font index.
struct FontFacts {
    double space = 0;          ///< width of U+0020 in 1/1000 em, as libharu writes it in /W
    bool short_codes = false;  ///< its codes are font_embed.h's short ones, not Identity-H's
};

/// The uncompressed content stream of `page`: text as one TJ per line (runs
/// that continue one another; kerning as TJ numbers, notes §1.6; between runs
/// a real space glyph and the adjustment that puts the next run at its x;
/// in faces with short codes, the adjustment most of a line's spaces take
/// as word spacing, Tw),
/// lines, filled rectangles and images. Soft hyphens, surrogates and
/// characters beyond the BMP are not drawn.
std::string page_content(const typeset::Page& page, const PageResources& resources,
                         const std::vector<FontFacts>& fonts);

/// Deflates pages' content streams (zlib format, libdeflate level 1: see
/// content.cpp) on `jobs` threads, in page order as far as the threads
/// go: `make(i)` gives page i's uncompressed stream, `deliver(i, packed,
/// ok)` takes it deflated (ok false: deflate failed), on the thread that
/// made it. The streams do not depend on `jobs`.
void deflate_pages(size_t count, unsigned jobs, const std::function<std::string(size_t)>& make,
                   const std::function<void(size_t, std::string&&, bool)>& deliver);

}  // namespace bb::pdf
