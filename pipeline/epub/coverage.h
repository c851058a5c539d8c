#pragma once
/// Which characters a TrueType font maps (its `cmap` table), so the EPUB
/// embeds a fallback family only when the book uses a character the main
/// families lack (the PDF falls back the same way, styles.md `fallback`).
#include <set>
#include <string>
#include <string_view>

namespace bb::epub {

/// The code points mapped by a TrueType/OpenType font's Unicode cmap
/// (format 4 or 12 subtable). Empty when the data is not a font or has no
/// Unicode cmap.
std::set<char32_t> font_coverage(std::string_view font_data);

/// The distinct code points of UTF-8 text above U+007F that are not
/// whitespace (ASCII is in every text font).
std::set<char32_t> characters_used(std::string_view text);

}  // namespace bb::epub
