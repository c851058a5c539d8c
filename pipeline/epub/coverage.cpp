#include "epub/coverage.h"

#include <cstring>
#include <iterator>

#include "base/utf8.h"

namespace bb::epub {

void CharacterCollector::add(std::string_view text) {
    size_t i = 0;
    while (i < text.size()) {
        // ASCII (most of an XHTML file) is skipped eight bytes at a time.
        uint64_t word;
        while (i + 8 <= text.size() && (std::memcpy(&word, text.data() + i, 8), (word & 0x8080808080808080ULL) == 0))
            i += 8;
        if (i >= text.size()) break;
        if (static_cast<unsigned char>(text[i]) < 0x80) {
            ++i;
            continue;
        }
        char32_t c = base::next_code_point(text, i);
        // Spaces and invisible format characters need no glyph of their own.
        bool invisible = c == 0xA0 || (c >= 0x2000 && c <= 0x200F) || c == 0x202F || c == 0x2060 || c == 0xFEFF ||
                         c == 0xAD || (c >= 0xFE00 && c <= 0xFE0F);
        if (invisible) {
            for (unsigned k = 0; k < std::size(kDrawnSpaces); ++k)
                if (c == kDrawnSpaces[k]) spaces_ |= 1u << k;
            continue;
        }
        if (c < 0x10000) bmp_[c >> 6] |= uint64_t{1} << (c & 63);
        else beyond_.insert(c);
    }
}

void CharacterCollector::add_all(const CharacterCollector& other) {
    for (size_t w = 0; w < bmp_.size(); ++w) bmp_[w] |= other.bmp_[w];
    spaces_ |= other.spaces_;
    beyond_.insert(other.beyond_.begin(), other.beyond_.end());
}

std::set<char32_t> CharacterCollector::result() const {
    std::set<char32_t> out;
    for (size_t w = 0; w < bmp_.size(); ++w)
        for (uint64_t bits = bmp_[w]; bits; bits &= bits - 1)
            out.insert(static_cast<char32_t>(w * 64 + static_cast<size_t>(__builtin_ctzll(bits))));
    out.insert(beyond_.begin(), beyond_.end());
    return out;
}

std::set<char32_t> CharacterCollector::drawn_spaces() const {
    std::set<char32_t> out;
    for (unsigned k = 0; k < std::size(kDrawnSpaces); ++k)
        if (spaces_ & (1u << k)) out.insert(kDrawnSpaces[k]);
    return out;
}

std::set<char32_t> characters_used(std::string_view text) {
    CharacterCollector c;
    c.add(text);
    return c.result();
}

}  // namespace bb::epub
