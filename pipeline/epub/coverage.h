#pragma once
/// The characters a book uses, so the EPUB embeds a fallback family only when
/// the main families lack one of them, and each embedded face carries only
/// the glyphs the book can show (coverage itself is text::Font::has_glyph).
#include <set>
#include <string_view>

namespace bb::epub {

/// The distinct code points of UTF-8 text above U+007F that are not
/// whitespace (ASCII is in every text font).
std::set<char32_t> characters_used(std::string_view text);

}  // namespace bb::epub
