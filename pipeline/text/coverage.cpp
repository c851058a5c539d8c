#include "text/coverage.h"

#include <cstdio>

#include "base/utf8.h"

namespace bb::text {

namespace {
bool is_space(char32_t cp) { return cp == ' ' || cp == 0xA0 || cp == 0x202F || cp == '\t'; }
bool is_combining(char32_t cp) { return cp >= 0x300 && cp <= 0x36F; }
}  // namespace

int covering_font(char32_t cp, std::span<const Font* const> chain) {
    if (is_invisible(cp)) return 0;
    for (size_t k = 0; k < chain.size(); ++k)
        if (chain[k] && chain[k]->has_glyph(cp)) return static_cast<int>(k);
    return -1;
}

namespace {
/// True when the chain's first font draws every ASCII character (controls
/// are invisible and count as covered): most text then needs no look-up.
bool ascii_in_first(std::span<const Font* const> chain) {
    return !chain.empty() && chain[0] && chain[0]->covers_printable_ascii();
}
}  // namespace

std::vector<Uncovered> uncovered(std::string_view utf8, std::span<const Font* const> chain) {
    std::vector<Uncovered> out;
    const bool ascii = ascii_in_first(chain);
    for (size_t i = 0; i < utf8.size();) {
        if (ascii && static_cast<unsigned char>(utf8[i]) < 0x80) {
            i = base::skip_ascii(utf8, i);
            continue;
        }
        size_t at = i;
        char32_t cp = base::next_code_point(utf8, i);
        if (covering_font(cp, chain) < 0) out.push_back({at, cp});
    }
    return out;
}

std::vector<FontRun> split_by_coverage(std::string_view utf8, std::span<const Font* const> chain) {
    std::vector<FontRun> runs;
    int current = -1;  // font of the open run; -1 before the first decided character
    size_t start = 0;
    const bool ascii = ascii_in_first(chain);
    for (size_t i = 0; i < utf8.size();) {
        if (ascii && current == 0) {
            // Printable ASCII (space included) stays in the first font's
            // open run, as the tests below would decide one by one.
            while (i < utf8.size() && static_cast<unsigned char>(utf8[i]) >= 0x20 &&
                   static_cast<unsigned char>(utf8[i]) < 0x7F)
                ++i;
            if (i >= utf8.size()) break;
        }
        size_t at = i;
        char32_t cp = base::next_code_point(utf8, i);
        int f;
        if (ascii && cp > ' ' && cp < 0x7F) {
            f = 0;  // what covering_font would say
        } else if (is_space(cp) || is_invisible(cp)) {
            // Spaces join whatever run is open: the main font usually has
            // them, and switching fonts for a space only adds fragments.
            f = current;
            if (f >= 0 && !chain[f]->has_glyph(cp) && !is_invisible(cp)) {
                int main = covering_font(cp, chain);
                if (main >= 0) f = main;
            }
        } else if (is_combining(cp) && current >= 0 && chain[current]->has_glyph(cp)) {
            f = current;
        } else {
            f = covering_font(cp, chain);
            if (f < 0) f = current >= 0 ? current : 0;
        }
        if (f < 0) continue;  // leading spaces: decided by the next character
        if (current < 0) {
            current = f;
            start = 0;
        } else if (f != current) {
            runs.push_back({start, at, current});
            start = at;
            current = f;
        }
    }
    if (!utf8.empty()) runs.push_back({start, utf8.size(), current < 0 ? 0 : current});
    return runs;
}

std::string code_point_name(char32_t cp) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "U+%04X", static_cast<unsigned>(cp));
    return buf;
}

}  // namespace bb::text
