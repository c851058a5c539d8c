#pragma once
/// The characters a book uses, so the EPUB embeds a fallback family only when
/// the main families lack one of them, and each embedded face carries only
/// the glyphs the book can show (coverage itself is text::Font::has_glyph).
#include <cstdint>
#include <set>
#include <string_view>
#include <vector>

namespace bb::epub {

/// Gathers the characters of many texts: a bit per BMP code point, so each
/// character costs a bit test rather than a set insertion (the typographic
/// quotes alone are a few hundred thousand characters in a big book).
class CharacterCollector {
public:
    /// Adds the code points of UTF-8 `text` above U+007F that are not
    /// whitespace or invisible format characters; of the spaces a font
    /// draws (kDrawnSpaces), notes which occur.
    void add(std::string_view text);
    /// Adds what `other` collected.
    void add_all(const CharacterCollector& other);
    /// What was added, in code point order.
    std::set<char32_t> result() const;
    /// Which of kDrawnSpaces occurred.
    std::set<char32_t> drawn_spaces() const;

    /// Spaces beyond ASCII that a reading system draws with the text's
    /// font (no-break, thin, hair, narrow no-break; and the soft hyphen):
    /// a subset keeps those the book uses.
    static constexpr char32_t kDrawnSpaces[] = {0xA0, 0xAD, 0x2009, 0x200A, 0x202F};

private:
    unsigned spaces_ = 0;  ///< bit i: kDrawnSpaces[i] occurred
    std::vector<uint64_t> bmp_ = std::vector<uint64_t>(0x10000 / 64);
    std::set<char32_t> beyond_;  ///< above U+FFFF (rare)
};

/// The distinct code points of UTF-8 text above U+007F that are not
/// whitespace (ASCII is in every text font).
std::set<char32_t> characters_used(std::string_view text);

}  // namespace bb::epub
