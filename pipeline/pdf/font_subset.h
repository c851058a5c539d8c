#pragma once
/// Font subsetting with HarfBuzz's subsetter before a face is given to
/// libharu: libharu drops unused glyph outlines but keeps every other table
/// whole (notes §1.2), so a one-page handout would carry ~35 KB per face.
#include <set>
#include <string>

namespace bb::pdf {

/// The TrueType bytes of `path` reduced to the glyphs of `code_points` (plus
/// .notdef), keeping cmap, metrics, names and hinting so libharu can load it.
/// Returns "" and sets `error` when the file cannot be read or subset.
std::string subset_font(const std::string& path, const std::set<char32_t>& code_points, std::string& error);

}  // namespace bb::pdf
