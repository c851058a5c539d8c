#include "pdf/content.h"

#include <algorithm>
#include <array>
#include <atomic>
#include <cmath>
#include <optional>
#include <thread>

#include "base/deflate.h"
#include "base/threads.h"
#include "base/utf8.h"
#include "pdf/font_embed.h"
#include "pdf/number.h"

namespace bb::pdf {

namespace {

using typeset::Item;
using typeset::TextRun;

/// libdeflate level of the content streams: its fastest. Measured on the
/// 638 pages of 100 generated guides (3.3 MB of operators), zlib's level 1
/// deflated in 53 ms to 1.09 MB, its level 6 (libharu's) in 89 ms to
/// 0.96 MB; libdeflate's level 1 is about twice as fast as zlib's and a
/// little smaller (bench/README.md).
constexpr int kLevel = 1;

void num(std::string& out, double v, int decimals) {
    append_number(out, v, decimals);
}

void coord(std::string& out, double v) {
    num(out, v, 3);
}

void channel(std::string& out, uint8_t c) {
    num(out, c / 255.0, 4);
}

void color(std::string& out, const typeset::Rgb& c, const char* op) {
    channel(out, c.r);
    out += ' ';
    channel(out, c.g);
    out += ' ';
    channel(out, c.b);
    out += ' ';
    out += op;
    out += '\n';
}

bool drawable(char32_t cp) {
    return cp != 0xAD && cp <= 0xFFFF && !(cp >= 0xD800 && cp <= 0xDFFF);
}

/// A TJ array being written: glyphs go into literal strings of 2-byte codes
/// (binary, half the size of hex and what deflate has to read), numbers
/// between them. A real space between runs whose adjustment rounds to zero
/// simply continues the string.
class TjWriter {
public:
    TjWriter(std::string& out, bool short_codes) : out_(out), short_codes_(short_codes) { out_ += '['; }
    void glyph(char32_t cp) {
        if (!open_) {
            out_ += '(';
            open_ = true;
        }
        if (short_codes_) {
            unsigned char code[2] = {0, 0};
            const int n = short_code(cp, code);
            byte(code[0]);
            if (n == 2) byte(code[1]);
            return;
        }
        byte(static_cast<unsigned char>(cp >> 8));
        byte(static_cast<unsigned char>(cp & 0xFF));
    }
    /// Characters a face with short codes draws as their own bytes (ASCII
    /// that needs no escape: kPlainByte).
    void plain(const char* bytes, size_t count) {
        if (!open_) {
            out_ += '(';
            open_ = true;
        }
        out_.append(bytes, count);
    }
    bool short_codes() const { return short_codes_; }
    /// A TJ number (1/1000 em, positive moves left), rounded to `decimals`.
    void adjust(double v, int decimals) {
        if (open_) out_ += ')';
        open_ = false;
        out_ += ' ';
        num(out_, v, decimals);
        out_ += ' ';
    }
    void finish() {
        if (open_) out_ += ')';
        open_ = false;
        out_ += "] TJ\n";
    }

private:
    void byte(unsigned char c) {
        // Escaped: the delimiters, and CR, which a reader would take for
        // an end of line and turn into LF (ISO 32000-1 §7.3.4.2).
        if (c == '(' || c == ')' || c == '\\') {
            out_ += '\\';
            out_ += static_cast<char>(c);
        } else if (c == '\r') {
            out_ += "\\r";
        } else {
            out_ += static_cast<char>(c);
        }
    }
    std::string& out_;
    const bool short_codes_;
    bool open_ = false;
};

/// A byte a face with short codes draws as itself inside a string: ASCII
/// but the string's delimiters, its escape, CR, and the space (whose number
/// depends on the line).
constexpr std::array<bool, 256> kPlainByte = [] {
    std::array<bool, 256> t{};
    for (int b = 0; b < 0x80; ++b) t[b] = true;
    for (char c : {'(', ')', '\\', '\r', ' '}) t[static_cast<unsigned char>(c)] = false;
    return t;
}();

/// Whether every character of `s` is drawn: a run with one that is not
/// loses its kerning (its indices would be off).
bool draws_all(std::string_view s) {
    for (size_t i = base::skip_ascii(s, 0); i < s.size(); i = base::skip_ascii(s, i))  // ASCII is always drawn
        if (!drawable(base::next_code_point(s, i))) return false;
    return true;
}

/// Calls `f(cp, after)` for every character of the run that is drawn, with
/// `after` the TJ number written after it (hundredths of 1/1000 em; 0 for
/// none): its kerning, or a justified space's stretch. A run with characters
/// that are not drawn loses its kerning (its indices would be off). With
/// `plain`, stretches of kPlainByte characters with no number after them
/// go to `plain(bytes, count)` at once instead (most of a line, for a face
/// with short codes).
template <class F, class P>
void each_glyph(const TextRun& t, F&& f, P&& plain, bool stretches) {
    const std::string& s = t.text;
    const std::vector<typeset::Kern> none;
    const std::vector<typeset::Kern>& kerning = draws_all(s) ? t.kerning : none;
    size_t k = 0;
    uint32_t index = 0;
    for (size_t i = 0; i < s.size(); ++index) {
        while (k < kerning.size() && kerning[k].index < index) ++k;
        if (stretches) {
            // Up to the next kerned glyph, which has its number after it.
            const uint32_t kerned_at = k < kerning.size() ? kerning[k].index : UINT32_MAX;
            size_t j = i;
            uint32_t at = index;
            while (j < s.size() && at < kerned_at && kPlainByte[static_cast<unsigned char>(s[j])]) ++j, ++at;
            if (j > i) {
                plain(s.data() + i, j - i);
                i = j;
                index = at - 1;  // the loop's ++index makes it `at`
                continue;
            }
        }
        const unsigned char b = static_cast<unsigned char>(s[i]);
        char32_t cp = b;
        if (b < 0x80) {
            ++i;
        } else {
            cp = base::next_code_point(s, i);
            if (!drawable(cp)) continue;
        }
        const bool kerned = k < kerning.size() && kerning[k].index == index && i < s.size();
        f(cp, kerned ? -static_cast<long long>(kerning[k].hundredths) : 0);
    }
}

/// The TJ number (hundredths) after the space before run `r` of a line:
/// what puts run r at its x.
long long space_before_run(const std::vector<Item>& items, size_t r, double space) {
    const auto& run = std::get<TextRun>(items[r]);
    const auto& prev = std::get<TextRun>(items[r - 1]);
    const double gap = (run.x - (prev.x + prev.width)) * 1000.0 / run.size;  // 1/1000 em
    return std::llround((space - gap) * 100);
}

/// How many of a line's spaces take each TJ number (a line has few).
class SpaceTally {
public:
    void add(long long number) {
        for (int i = 0; i < n_; ++i)
            if (number_[i] == number) {
                ++count_[i];
                return;
            }
        if (n_ < kKinds) {
            number_[n_] = number;
            count_[n_++] = 1;
        }
    }
    /// The number most spaces take, 0 winning a tie; nullopt with no space.
    std::optional<long long> common() const {
        if (n_ == 0) return std::nullopt;
        long long best = 0;
        uint32_t best_count = 0;
        for (int i = 0; i < n_; ++i)
            if (number_[i] == 0) best_count = count_[i];
        for (int i = 0; i < n_; ++i)
            if (number_[i] != 0 && count_[i] > best_count) {
                best = number_[i];
                best_count = count_[i];
            }
        return best;
    }

private:
    static constexpr int kKinds = 8;
    long long number_[kKinds];
    uint32_t count_[kKinds];
    int n_ = 0;
};

/// Adds the TJ numbers each_glyph gives the run's spaces, reading its bytes
/// (a character starts at every byte that is not a continuation byte: the
/// text is valid UTF-8) without decoding them.
void tally_spaces(const TextRun& t, SpaceTally& tally) {
    const std::string& s = t.text;
    if (s.find(' ') == std::string::npos) return;
    const bool kerned = !t.kerning.empty() && draws_all(s);
    size_t k = 0;
    uint32_t index = 0;
    for (size_t i = 0; i < s.size(); ++i) {
        const unsigned char b = static_cast<unsigned char>(s[i]);
        if ((b & 0xC0) == 0x80) continue;
        if (b == ' ') {
            long long number = 0;
            if (kerned) {
                while (k < t.kerning.size() && t.kerning[k].index < index) ++k;
                if (k < t.kerning.size() && t.kerning[k].index == index && i + 1 < s.size())
                    number = -static_cast<long long>(t.kerning[k].hundredths);
            }
            tally.add(number);
        }
        ++index;
    }
}

/// The TJ number most of the spaces of the line made of runs [first, end)
/// take (0 on a tie with no number), or nullopt when it has no space. A
/// justified line's spaces all stretch alike: word spacing (Tw) can give
/// them that, and the TJ is then one string where it was a string and a
/// number per word.
std::optional<long long> common_space_number(const std::vector<Item>& items, size_t first, size_t end,
                                             double space) {
    SpaceTally tally;
    for (size_t r = first; r < end; ++r) {
        if (r > first) tally.add(space_before_run(items, r, space));
        tally_spaces(std::get<TextRun>(items[r]), tally);
    }
    return tally.common();
}

/// The run's code units and TJ numbers; `word` is the number word spacing
/// already gives each space (see common_space_number).
void append_run(TjWriter& tj, const TextRun& t, long long word) {
    each_glyph(
        t,
        [&](char32_t cp, long long after) {
            tj.glyph(cp);
            const long long rest = cp == ' ' ? after - word : after;
            if (rest != 0) tj.adjust(static_cast<double>(rest) / 100.0, 2);
        },
        [&](const char* bytes, size_t count) { tj.plain(bytes, count); }, tj.short_codes());
}

}  // namespace

std::string page_content(const typeset::Page& p, const PageResources& res, const std::vector<FontFacts>& fonts) {
    std::string out;
    out.reserve(4096);
    const double h = p.height;
    bool in_text = false;
    int64_t cur_font = -1;
    double cur_size = -1;
    std::optional<typeset::Rgb> cur_fill;
    double cur_word_spacing = 0;  // Tw, in text space units (0 where a page starts)
    auto end_text = [&] {
        if (in_text) out += "ET\n";
        in_text = false;
    };
    auto set_fill = [&](const typeset::Rgb& c) {
        if (cur_fill && *cur_fill == c) return;
        color(out, c, "rg");
        cur_fill = c;
    };
    for (size_t i = 0; i < p.items.size(); ++i) {
        const Item& item = p.items[i];
        if (const auto* t = std::get_if<TextRun>(&item)) {
            // Runs that continue one another on a line (same font, size,
            // colour and baseline, left to right) go out as one TJ: one text
            // matrix per line instead of one per word.
            size_t end = i + 1;
            while (end < p.items.size()) {
                const auto* n = std::get_if<TextRun>(&p.items[end]);
                const auto* prev = std::get_if<TextRun>(&p.items[end - 1]);
                if (!n || n->font != t->font || n->size != t->size || !(n->color == t->color) || n->y != t->y ||
                    n->x < prev->x + prev->width - 0.01)
                    break;
                ++end;
            }
            if (!in_text) {
                out += "BT\n";
                in_text = true;
            }
            if (t->font != cur_font || t->size != cur_size) {
                out += '/';
                out += res.font_names[t->font];
                out += ' ';
                num(out, t->size, 3);
                out += " Tf\n";
                cur_font = t->font;
                cur_size = t->size;
            }
            set_fill(t->color);
            // Tm places every line absolutely.
            out += "1 0 0 1 ";
            coord(out, t->x);
            out += ' ';
            coord(out, h - t->y);
            out += " Tm\n";
            const double space = fonts[t->font].space;
            // Word spacing applies to the one-byte code 32 only: to the
            // faces with short codes (ISO 32000-1 §9.3.3). Other faces'
            // spaces each keep their TJ number.
            long long word = 0;
            if (fonts[t->font].short_codes)
                if (std::optional<long long> common = common_space_number(p.items, i, end, space)) {
                    word = *common;
                    // Tw is in text space units: the TJ number × size / 1000, moving right.
                    const double word_spacing = -static_cast<double>(word) / 100.0 / 1000.0 * t->size;
                    if (word_spacing != cur_word_spacing) {
                        num(out, word_spacing, 5);
                        out += " Tw\n";
                        cur_word_spacing = word_spacing;
                    }
                }
            TjWriter tj(out, fonts[t->font].short_codes);
            for (size_t r = i; r < end; ++r) {
                if (r > i) {
                    tj.glyph(0x20);
                    const long long rest = space_before_run(p.items, r, space) - word;
                    if (rest != 0) tj.adjust(static_cast<double>(rest) / 100.0, 2);
                }
                append_run(tj, std::get<TextRun>(p.items[r]), word);
            }
            tj.finish();
            i = end - 1;
        } else if (const auto* l = std::get_if<typeset::Line>(&item)) {
            end_text();
            color(out, l->color, "RG");
            num(out, l->thickness, 3);
            out += " w\n";
            coord(out, l->x1);
            out += ' ';
            coord(out, h - l->y1);
            out += " m\n";
            coord(out, l->x2);
            out += ' ';
            coord(out, h - l->y2);
            out += " l\nS\n";
        } else if (const auto* r = std::get_if<typeset::Rect>(&item)) {
            end_text();
            set_fill(r->fill);
            coord(out, r->x);
            out += ' ';
            coord(out, h - r->y - r->h);
            out += ' ';
            coord(out, r->w);
            out += ' ';
            coord(out, r->h);
            out += " re\nf\n";
        } else if (const auto* im = std::get_if<typeset::Image>(&item)) {
            end_text();
            auto it = res.image_names.find(im->path);
            if (it == res.image_names.end()) continue;
            out += "q\n";
            coord(out, im->w);
            out += " 0 0 ";
            coord(out, im->h);
            out += ' ';
            coord(out, im->x);
            out += ' ';
            coord(out, h - im->y - im->h);
            out += " cm\n/";
            out += it->second;
            out += " Do\nQ\n";
        }
    }
    end_text();
    return out;
}

void deflate_pages(size_t count, unsigned jobs, const std::function<std::string(size_t)>& make,
                   const std::function<void(size_t, std::string&&, bool)>& deliver) {
    std::atomic<size_t> next{0};
    auto work = [&] {
        base::Deflater& deflater = base::thread_deflater(kLevel);
        for (size_t i = next++; i < count; i = next++) {
            std::string packed;
            const bool ok = deflater.compress(make(i), base::Deflater::Format::Zlib, packed);
            packed.shrink_to_fit();
            deliver(i, std::move(packed), ok);
        }
    };
    base::run_on_threads(static_cast<unsigned>(std::max<size_t>(1, std::min<size_t>(jobs, count))), work);
}

}  // namespace bb::pdf
