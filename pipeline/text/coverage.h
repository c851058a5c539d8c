#pragma once
/// Which font of a chain (main font, then fallbacks) draws each character,
/// and which characters no font can draw (libharu would silently draw
/// .notdef boxes: libraries.md 1.3).
#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "text/font_metrics.h"

namespace bb::text {

/// True for code points that are never drawn and so need no glyph: controls,
/// soft hyphen U+00AD, zero-width space/joiners U+200B..U+200D, word joiner
/// U+2060, BOM U+FEFF, variation selectors.
inline bool is_invisible(char32_t cp) {
    if (cp < 0x7F) return cp < 0x20;  // asked for every character: ASCII decides in two tests
    return cp < 0xA0 || cp == 0xAD || (cp >= 0x200B && cp <= 0x200F) || cp == 0x2060 || cp == 0xFEFF ||
           (cp >= 0xFE00 && cp <= 0xFE0F);
}

/// Index into `chain` of the first font that has a glyph for `cp`, or -1.
/// Invisible code points (see is_invisible) give 0.
int covering_font(char32_t cp, std::span<const Font* const> chain);

/// A code point no font of the chain covers, at byte `offset` of the text.
struct Uncovered {
    size_t offset;
    char32_t cp;
};

/// Every uncovered code point of `utf8` in order (code points above U+FFFF
/// are always uncovered: libharu cannot draw them). The caller turns each
/// into a warning naming U+XXXX, the font, and the manuscript position.
std::vector<Uncovered> uncovered(std::string_view utf8, std::span<const Font* const> chain);

/// A maximal byte range [begin, end) of the text drawn with chain[font].
/// Uncovered characters stay in the surrounding run (font of the previous
/// character, or 0), spaces and invisibles never start a new run, and
/// combining marks (U+0300..U+036F) stay with their base when it covers them.
struct FontRun {
    size_t begin, end;
    int font;
};

/// Splits `utf8` into runs by covering font. Empty text gives no runs.
std::vector<FontRun> split_by_coverage(std::string_view utf8, std::span<const Font* const> chain);

/// "U+00E9" style name of a code point, for warnings.
std::string code_point_name(char32_t cp);

}  // namespace bb::text
