#pragma once
/// Cuts a Galley into pages: ragged bottoms; a page ends at the last slab
/// after which a break is allowed (widows, orphans, keep-with-next and kept
/// groups are already recorded on the slabs); spaces at the top of a page
/// are dropped; breaks to a recto insert a blank verso without furniture;
/// callout frames get a background and rule per page piece.
#include <map>
#include <span>
#include <string>
#include <vector>

#include "style/sheet.h"
#include "typeset/galley.h"
#include "typeset/paged_doc.h"

namespace bb::typeset {

/// What the furniture pass needs to know about each page.
struct PageFacts {
    bool blank = false;    ///< inserted to reach a recto: no furniture at all
    bool opening = false;  ///< opens a chapter: no running head
    /// Running-head fields on this page: the first value set on the page,
    /// else the value carried from the pages before.
    std::map<std::string, std::string> marks;
};

/// PageStart::chapter of a page with no content of its own (a blank verso).
inline constexpr uint32_t kNoChapter = UINT32_MAX;

/// Lays out `galley` on pages appended to `doc` (fonts are taken over from
/// the galley); `facts` gets one entry per page, and so does `doc.starts`
/// (the chapter of its first content slab, else kNoChapter, and its first
/// manuscript position). The slabs' items are moved
/// onto the pages (a big book would otherwise hold them twice).
void paginate(Galley&& galley, const style::Sheet& sheet, PagedDoc& doc, std::vector<PageFacts>& facts);

/// The same for `parts` read in order as one galley (fonts, frames and
/// paragraphs renumbered; in the parts after the first, a space right after
/// a space is one, the greater), without joining them: their slabs' items
/// are moved onto the pages, and a space that absorbs the next is given the
/// greater height where it is.
void paginate(std::span<Galley* const> parts, const style::Sheet& sheet, PagedDoc& doc,
              std::vector<PageFacts>& facts);

/// What a measure pass needs of the pages `paginate` would cut from
/// `parts`: the same pages, labels, anchors, page starts and callout
/// backgrounds, without the slabs' items, links, bookmarks or running-head
/// fields. The galleys are only read (a measure pass keeps them for the
/// next pass), so none is copied: the pages are those of paginate on their
/// measure_copy.
void paginate_measure(std::span<const Galley* const> parts, const style::Sheet& sheet, PagedDoc& doc,
                      std::vector<PageFacts>& facts);

/// Left edge of the text block on page `index` (0-based; index 0 is a recto).
double text_left(const style::Sheet& sheet, size_t index);

}  // namespace bb::typeset
