#pragma once
/// Font subsetting with HarfBuzz's subsetter, shared by both writers: the PDF
/// (libharu drops unused glyph outlines but keeps every other table whole,
/// notes §1.2, so a one-page handout would carry ~35 KB per face) and the EPUB
/// (which would otherwise carry every font file whole, ~1.9 MB for one guide).
#include <set>
#include <string>

namespace bb::text {

/// Who reads the subset font.
enum class SubsetFor {
    Pdf,   ///< libharu: layout tables dropped (it places glyphs by its own /W widths)
    Epub,  ///< reading systems shape text themselves: GSUB/GPOS/GDEF/kern kept
};

/// The TrueType bytes of `path` reduced to the glyphs of `code_points` (plus
/// .notdef), keeping cmap, metrics, names and hinting. Returns "" and sets
/// `error` when the file cannot be read or subset.
std::string subset_font(const std::string& path, const std::set<char32_t>& code_points, SubsetFor purpose,
                        std::string& error);

}  // namespace bb::text
