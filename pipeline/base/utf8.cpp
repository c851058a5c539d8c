#include "base/utf8.h"

#include <cstdint>
#include <cstring>

namespace bb::base {

namespace {
// Length and validity of the sequence at s[i] (RFC 3629); 0 when invalid.
size_t sequence_length(std::string_view s, size_t i, char32_t* out) {
    auto b = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
    unsigned char c = b(i);
    if (c < 0x80) { *out = c; return 1; }
    size_t n;
    char32_t cp, min;
    if ((c & 0xE0) == 0xC0) n = 2, cp = c & 0x1F, min = 0x80;
    else if ((c & 0xF0) == 0xE0) n = 3, cp = c & 0x0F, min = 0x800;
    else if ((c & 0xF8) == 0xF0) n = 4, cp = c & 0x07, min = 0x10000;
    else return 0;
    if (i + n > s.size()) return 0;
    for (size_t k = 1; k < n; ++k) {
        if ((b(i + k) & 0xC0) != 0x80) return 0;
        cp = (cp << 6) | (b(i + k) & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
    *out = cp;
    return n;
}
}  // namespace

char32_t next_multibyte_code_point(std::string_view s, size_t& i) {
    char32_t cp = 0;
    size_t n = sequence_length(s, i, &cp);
    if (n == 0) { ++i; return 0xFFFD; }
    i += n;
    return cp;
}

void append_multibyte_utf8(std::string& out, char32_t cp) {
    if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

size_t skip_ascii(std::string_view s, size_t i) {
    constexpr uint64_t kHighBits = 0x8080808080808080ull;
    for (uint64_t word; i + 8 <= s.size(); i += 8) {
        std::memcpy(&word, s.data() + i, 8);
        if (word & kHighBits) break;
    }
    while (i < s.size() && static_cast<unsigned char>(s[i]) < 0x80) ++i;
    return i;
}

size_t find_invalid_utf8(std::string_view s) {
    char32_t cp;
    for (size_t i = skip_ascii(s, 0); i < s.size(); i = skip_ascii(s, i)) {
        size_t n = sequence_length(s, i, &cp);
        if (n == 0) return i;
        i += n;
    }
    return std::string_view::npos;
}

size_t code_point_count(std::string_view s) {
    size_t n = 0;
    for (char c : s)
        if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
    return n;
}

}  // namespace bb::base
