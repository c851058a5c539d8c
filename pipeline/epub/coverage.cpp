#include "epub/coverage.h"

#include "base/utf8.h"

namespace bb::epub {

std::set<char32_t> characters_used(std::string_view text) {
    std::set<char32_t> out;
    size_t i = 0;
    while (i < text.size()) {
        if (static_cast<unsigned char>(text[i]) < 0x80) {
            ++i;
            continue;
        }
        char32_t c = base::next_code_point(text, i);
        // Spaces and invisible format characters need no glyph of their own.
        bool invisible = c == 0xA0 || (c >= 0x2000 && c <= 0x200F) || c == 0x202F || c == 0x2060 || c == 0xFEFF ||
                         c == 0xAD || (c >= 0xFE00 && c <= 0xFE0F);
        if (!invisible) out.insert(c);
    }
    return out;
}

}  // namespace bb::epub
