#include "epub/coverage.h"

#include <cstdint>

#include "base/utf8.h"

namespace bb::epub {

namespace {

/// Big-endian reads that treat reads past the end as zero (a truncated
/// font yields an empty or partial set, never a crash).
struct Reader {
    std::string_view d;
    uint32_t u8(size_t o) const { return o < d.size() ? static_cast<unsigned char>(d[o]) : 0; }
    uint32_t u16(size_t o) const { return (u8(o) << 8) | u8(o + 1); }
    uint32_t u32(size_t o) const { return (u16(o) << 16) | u16(o + 2); }
};

void format4(const Reader& r, size_t at, std::set<char32_t>& out) {
    const size_t segs = r.u16(at + 6) / 2;
    const size_t ends = at + 14, starts = ends + 2 * segs + 2, deltas = starts + 2 * segs,
                 offsets = deltas + 2 * segs;
    for (size_t i = 0; i < segs; ++i) {
        uint32_t end = r.u16(ends + 2 * i), start = r.u16(starts + 2 * i);
        uint32_t delta = r.u16(deltas + 2 * i), range = r.u16(offsets + 2 * i);
        if (start > end) continue;
        for (uint32_t c = start; c <= end && c != 0xFFFF; ++c) {
            uint32_t glyph;
            if (range == 0) {
                glyph = (c + delta) & 0xFFFF;
            } else {
                size_t g = offsets + 2 * i + range + 2 * (c - start);
                glyph = r.u16(g);
                if (glyph) glyph = (glyph + delta) & 0xFFFF;
            }
            if (glyph) out.insert(c);
        }
    }
}

void format12(const Reader& r, size_t at, std::set<char32_t>& out) {
    const uint32_t groups = r.u32(at + 12);
    for (uint32_t i = 0; i < groups && at + 16 + 12 * i + 12 <= r.d.size(); ++i) {
        uint32_t start = r.u32(at + 16 + 12 * i), end = r.u32(at + 20 + 12 * i);
        uint32_t glyph = r.u32(at + 24 + 12 * i);
        if (end > 0x10FFFF || start > end) continue;
        for (uint32_t c = start; c <= end; ++c)
            if (glyph + (c - start) != 0) out.insert(c);
    }
}

}  // namespace

std::set<char32_t> font_coverage(std::string_view data) {
    std::set<char32_t> out;
    Reader r{data};
    const uint32_t tables = r.u16(4);
    size_t cmap = 0;
    for (uint32_t i = 0; i < tables; ++i) {
        size_t rec = 12 + 16 * i;
        if (r.u32(rec) == 0x636D6170) cmap = r.u32(rec + 8);  // 'cmap'
    }
    if (cmap == 0 || cmap >= data.size()) return out;
    // Prefer the full-Unicode subtable (format 12), else the BMP one (format 4).
    size_t best = 0;
    int best_rank = 0;
    for (uint32_t i = 0, n = r.u16(cmap + 2); i < n; ++i) {
        size_t rec = cmap + 4 + 8 * i;
        uint32_t platform = r.u16(rec), encoding = r.u16(rec + 2);
        size_t at = cmap + r.u32(rec + 4);
        uint32_t format = r.u16(at);
        bool unicode = platform == 0 || (platform == 3 && (encoding == 1 || encoding == 10));
        int rank = !unicode ? 0 : format == 12 ? 2 : format == 4 ? 1 : 0;
        if (rank > best_rank) best = at, best_rank = rank;
    }
    if (best_rank == 2) format12(r, best, out);
    else if (best_rank == 1) format4(r, best, out);
    return out;
}

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
