#pragma once
/// Font metrics for layout, read with HarfBuzz, in the exact units the PDF
/// writer (libharu) draws with.
///
/// The rule that makes "what is drawn equals what was measured" true
/// (libraries.md 1.3): libharu writes a /W width per glyph computed as
///     width = advance_width_in_font_units * 1000 / units_per_em
/// in unsigned integer arithmetic, i.e. truncated toward zero. HarfBuzz with
/// its default scale (= upem) returns the same hmtx advance in font units, so
/// `Font::advance` = hb_font_get_glyph_h_advance(glyph) * 1000 / upem,
/// truncated, is libharu's /W width, character for character.
///
/// Kerning (libraries.md 1.6): libharu has no kerning; the PDF writer emits a
/// TJ array whose number between glyph i and i+1 is `-kern(cp_i, cp_i+1)`
/// (a TJ number is subtracted from the position, in 1/1000 em). Widths measured
/// with `kerning = true` include exactly these integers, so a kerned word is
/// drawn exactly as wide as measured.
#include <array>
#include <atomic>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

struct hb_blob_t;
struct hb_face_t;
struct hb_font_t;

namespace bb::text {

/// One TrueType font file. Immutable after `load` except for the kerning
/// caches (a lock-free table for common pairs, a locked map for the rest):
/// every method is safe to call from several threads at once.
class Font {
public:
    /// Loads `path`; returns nullptr and sets `*error` (when given) if the file
    /// is missing, is not a font, or has no TrueType (`glyf`) outlines, which
    /// libharu requires.
    static std::unique_ptr<Font> load(const std::string& path, std::string* error = nullptr);
    ~Font();
    Font(const Font&) = delete;
    Font& operator=(const Font&) = delete;

    const std::string& path() const { return path_; }
    /// Distinct for every Font loaded in this process, never reused (keys
    /// per-thread memos, where an address could be a later font's).
    uint64_t id() const { return id_; }
    /// Family and style name from the `name` table ("Charis SIL", "Bold").
    const std::string& family_name() const { return family_; }
    const std::string& style_name() const { return style_name_; }
    int units_per_em() const { return upem_; }

    /// Vertical metrics in 1/1000 em (descender is negative); from the
    /// font's horizontal extents (OS/2 typo metrics when USE_TYPO_METRICS,
    /// else hhea), and the OS/2 cap and x heights.
    int ascender() const { return ascender_; }
    int descender() const { return descender_; }
    int line_gap() const { return line_gap_; }
    int cap_height() const { return cap_height_; }
    int x_height() const { return x_height_; }

    /// True when the font maps `cp` to a real glyph (not .notdef). Always
    /// false for code points above U+FFFF: libharu cannot encode them.
    bool has_glyph(char32_t cp) const { return bmp(cp) >= 0; }
    /// True when the font has every printable ASCII character (U+0020 to
    /// U+007E): text in it needs no per-character coverage look-up there.
    bool covers_printable_ascii() const { return covers_ascii_; }
    /// Advance of `cp` in 1/1000 em, truncated like libharu's /W widths (see
    /// the file comment). For a code point the font lacks: the .notdef
    /// advance, which is what libharu would draw. O(1) for the BMP.
    int advance(char32_t cp) const {
        const int32_t a = bmp(cp);
        return a >= 0 ? a : notdef_advance_;
    }
    /// No advance() is wider: the font's widest glyph, 1/1000 em (-1 when
    /// unknown).
    int widest_advance() const { return widest_advance_; }
    /// Pair kerning between `left` and `right` in 1/1000 em (negative =
    /// closer), from the font's GPOS/kern data: HarfBuzz shapes the pair with
    /// `kern` on and ligatures off; the value is the change in the left
    /// glyph's advance, rounded to the nearest integer. Cached per pair.
    int kern(char32_t left, char32_t right) const {
        // A pair asked for before is one table read (a book asks ~600,000
        // times per 100 guides); the rest, out of line.
        const int l = kern_slot(left), r = kern_slot(right);
        if (l >= 0 && r >= 0)
            if (uint16_t* table = kern_table_.load(std::memory_order_acquire)) {
                const uint16_t known = std::atomic_ref<uint16_t>(table[static_cast<size_t>(l * kKernSlots + r)])
                                           .load(std::memory_order_relaxed);
                if (known) return static_cast<int>(known) - kKernBias;
            }
        return kern_first_time(left, right);
    }

    /// True when any two strings of ASCII digits of one length set alike in
    /// this font: '0'..'9' share one advance and kern alike against every
    /// printable ASCII character and the punctuation that surrounds page
    /// numbers (layout keeps a chapter set for "p. 123" when it now prints
    /// "p. 125"). Computed once, on first use.
    bool digits_interchangeable() const;

    /// Width of `utf8` in 1/1000 em: sum of advances, plus `kern` of every
    /// adjacent pair when `kerning`. Soft hyphens (U+00AD) count as zero:
    /// they are never drawn.
    int64_t width_units(std::string_view utf8, bool kerning = true) const;
    /// Width in points at `size` points: width_units * size / 1000.
    double width(std::string_view utf8, double size, bool kerning = true) const;

    /// Per code point of `utf8`, its byte offset, advance and the kerning
    /// to the NEXT code point (0 for the last; all 0 when !kerning). This is
    /// what the PDF writer needs to emit the TJ array for a fragment.
    struct Glyph {
        size_t offset;
        char32_t cp;
        int advance;
        int kern_after;
    };
    std::vector<Glyph> shape(std::string_view utf8, bool kerning = true) const;

private:
    Font() = default;
    std::string path_, family_, style_name_;
    uint64_t id_ = 0;
    hb_blob_t* blob_ = nullptr;
    hb_face_t* face_ = nullptr;
    hb_font_t* font_ = nullptr;
    int upem_ = 1000;
    int ascender_ = 0, descender_ = 0, line_gap_ = 0, cap_height_ = 0, x_height_ = 0;
    int notdef_advance_ = 0;
    int widest_advance_ = -1;
    bool covers_ascii_ = false;
    // BMP advances, -1 where the font has no glyph: one pointer per 256
    // code points, to a block made on first use (lock-free to read once
    // made) or to a shared block of -1. A build loads a dozen faces, most
    // of them fallbacks asked for a few characters: filling every block a
    // face has at load was 7 % of a ten-guide build's instructions.
    mutable std::array<std::atomic<const int32_t*>, 256> bmp_{};
    mutable std::array<std::unique_ptr<int32_t[]>, 256> bmp_blocks_;
    mutable std::mutex bmp_mutex_;
    const int32_t* make_bmp_block(unsigned high) const;
    int32_t bmp(char32_t cp) const {
        if (cp > 0xFFFF) return -1;
        const int32_t* block = bmp_[cp >> 8].load(std::memory_order_acquire);
        if (!block) [[unlikely]]
            block = make_bmp_block(cp >> 8);
        return block[cp & 0xFF];
    }
    // Pair kerning of the common code points (Latin up to U+017F and the
    // General Punctuation block: quotes, dashes) without a lock: a square
    // table, made on first use, filled as pairs are first asked for
    // (kern_slot), each entry kern + kKernBias, 0 = not known yet. Two
    // threads may shape the same pair at once; they store the same value.
    // Other pairs: the locked map.
    static constexpr int kKernSlots = 0x180 + 0x70;
    static constexpr int kKernBias = 0x8000;
    static constexpr size_t kKernTableBytes = sizeof(uint16_t) * kKernSlots * kKernSlots;
    /// The pair's row or column in the table, -1 outside it.
    static int kern_slot(char32_t cp) {
        if (cp < 0x180) return static_cast<int>(cp);
        if (cp >= 0x2000 && cp < 0x2070) return static_cast<int>(0x180 + (cp - 0x2000));
        return -1;
    }
    mutable std::atomic<uint16_t*> kern_table_{nullptr};
    uint16_t* kern_table() const;
    int kern_first_time(char32_t left, char32_t right) const;
    mutable std::mutex kern_mutex_;
    mutable std::unordered_map<uint64_t, int> kern_cache_;
    int shape_pair(char32_t left, char32_t right) const;
    /// Shapes `text` as kern() does; per glyph, its advance minus its plain
    /// advance, in font units (empty when glyphs and characters differ).
    std::vector<int> shaped_advances(const std::vector<uint32_t>& text) const;
    mutable std::once_flag digits_once_;
    mutable bool digits_interchangeable_ = false;
};

/// Loads each font file once and keeps it for the whole run. Thread-safe:
/// different files load on different threads at once; a thread asking for
/// a file another is loading waits for that one load.
class FontSet {
public:
    /// The font at `path`, loading it on first use; nullptr (with `*error`
    /// set) when it cannot be loaded. A failed path is not retried.
    const Font* get(const std::string& path, std::string* error = nullptr);
    /// The fonts loaded so far.
    size_t size() const;

private:
    struct Slot {
        std::once_flag once;
        std::unique_ptr<Font> font;
        std::string error;
        std::atomic<const Font*> loaded{nullptr};  ///< font, once its load has finished
    };
    mutable std::mutex mutex_;  ///< guards the map, not the loads
    std::map<std::string, std::unique_ptr<Slot>> slots_;
};

}  // namespace bb::text
