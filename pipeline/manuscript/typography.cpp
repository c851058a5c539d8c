#include "manuscript/typography.h"

#include <cstdint>

#include "base/utf8.h"

namespace bb::manuscript {

QuoteMarks quote_marks(std::string_view lang) {
    std::string primary;
    for (char c : lang) {
        if (c == '-' || c == '_') break;
        primary += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    if (primary == "de") return {"\u201E", "\u201C", "\u201A", "\u2018", ""};
    if (primary == "fr") return {"\u00AB", "\u00BB", "\u201C", "\u201D", "\u00A0"};
    if (primary == "pl") return {"\u201E", "\u201D", "\u00AB", "\u00BB", ""};
    if (primary == "ru") return {"\u00AB", "\u00BB", "\u201E", "\u201C", ""};
    return {"\u201C", "\u201D", "\u2018", "\u2019", ""};
}

namespace {

constexpr char32_t kNone = 0;

bool is_space(char32_t c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0xA0 || c == 0x202F || (c >= 0x2000 && c <= 0x200A);
}

bool is_word(char32_t c) {
    if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    if (c < 0xC0 || c == 0xD7 || c == 0xF7) return false;
    if (c >= 0x2000 && c <= 0x2BFF) return false;  // punctuation, symbols, arrows
    if (c >= 0x3000 && c <= 0x303F) return false;
    return true;
}

bool is_digit(char32_t c) { return c >= '0' && c <= '9'; }

// A quote after one of these opens; after anything else it closes.
bool opens_after(char32_t prev) {
    if (prev == kNone || is_space(prev)) return true;
    switch (prev) {
        case '(': case '[': case '{': case '/': case '-':
        case 0x2013: case 0x2014:                           // – —
        case 0x201C: case 0x2018: case 0x201E: case 0x201A:  // “ ‘ „ ‚
        case 0x00AB: case 0x2039:                           // « ‹
            return true;
        default: return false;
    }
}

struct Flat {
    std::vector<char32_t> cps;
    std::vector<uint32_t> run;  // run index of each code point
    std::vector<uint32_t> off;  // its byte offset in that run
};

bool starts_with_at(const std::vector<char32_t>& cps, size_t i, std::string_view s) {
    if (i + s.size() > cps.size()) return false;
    for (size_t k = 0; k < s.size(); ++k) {
        char32_t c = cps[i + k];
        if (c >= 'A' && c <= 'Z') c += 32;
        if (c != static_cast<unsigned char>(s[k])) return false;
    }
    return true;
}

bool url_at(const std::vector<char32_t>& cps, size_t i) {
    const char32_t c = cps[i] | 0x20;  // ASCII lower case
    if (c != 'h' && c != 'm' && c != 'w') return false;  // checked at every word's start
    return starts_with_at(cps, i, "http://") || starts_with_at(cps, i, "https://") ||
           starts_with_at(cps, i, "mailto:") || starts_with_at(cps, i, "www.");
}

}  // namespace

namespace {
/// True when the runs hold something the pass would change: a straight quote
/// (with `quotes`) or two hyphens in a row, across runs too (with `dashes`).
/// Most runs hold neither, and are left alone without being decoded.
bool has_work(const std::vector<TextRun>& runs, const TypographyOptions& o) {
    bool after_hyphen = false;  // the text so far ends with '-'
    for (const TextRun& run : runs) {
        const std::string_view s = *run.text;
        if (s.empty()) continue;
        // memchr, not a loop over every byte: most paragraphs are long and
        // have no straight quote.
        if (o.quotes && (s.find('"') != std::string_view::npos || s.find('\'') != std::string_view::npos))
            return true;
        if (o.dashes) {
            if (after_hyphen && s.front() == '-') return true;
            if (s.find("--") != std::string_view::npos) return true;
        }
        after_hyphen = s.back() == '-';
    }
    return false;
}
}  // namespace

void apply_typography(const std::vector<TextRun>& runs, const TypographyOptions& o) {
    if (!o.quotes && !o.dashes) return;
    if (!has_work(runs, o)) return;
    // Scratch space kept between calls (one set per thread): a big book
    // makes this call for every paragraph.
    thread_local Flat f;
    thread_local std::vector<std::string> out;
    // Decoded into arrays sized once for the bytes (an upper bound on the
    // code points), then cut to what was written.
    size_t bytes = 0;
    for (const TextRun& run : runs) bytes += run.text->size();
    f.cps.resize(bytes);
    f.run.resize(bytes);
    f.off.resize(bytes);
    size_t n = 0;
    for (size_t r = 0; r < runs.size(); ++r) {
        std::string_view s = *runs[r].text;
        for (size_t i = 0; i < s.size();) {
            f.run[n] = static_cast<uint32_t>(r);
            f.off[n] = static_cast<uint32_t>(i);
            const unsigned char b = static_cast<unsigned char>(s[i]);
            if (b < 0x80) {
                f.cps[n] = b;
                ++i;
            } else {
                f.cps[n] = base::next_code_point(s, i);
            }
            ++n;
        }
    }
    f.cps.resize(n);
    f.run.resize(n);
    f.off.resize(n);
    thread_local std::string marks_lang = "\x01";
    thread_local QuoteMarks q;
    if (marks_lang != o.lang) {
        q = quote_marks(o.lang);
        marks_lang = o.lang;
    }
    if (out.size() < runs.size()) out.resize(runs.size());
    for (size_t r = 0; r < runs.size(); ++r) {
        out[r].clear();
        out[r].reserve(runs[r].text->size() + 8);
    }
    char32_t prev = kNone;     // last code point written (decides quote direction)
    int open_single = 0;       // nesting of secondary quotes, to tell ' closing from apostrophe
    int open_double = 0;       // open primary quotes, so `"word "` still closes
    bool in_url = false;       // inside a URL token: copied verbatim
    // Characters copied unchanged are not appended one by one: a pending
    // byte range of one run grows until something else is written.
    size_t pending_run = SIZE_MAX, pending_from = 0, pending_to = 0;
    auto flush = [&] {
        if (pending_run == SIZE_MAX) return;
        out[pending_run].append(*runs[pending_run].text, pending_from, pending_to - pending_from);
        pending_run = SIZE_MAX;
    };
    auto emit = [&](size_t r, std::string_view s, char32_t last) {
        flush();
        out[r] += s;
        prev = last;
    };
    // French closing guillemet: the space before it becomes a no-break space.
    auto trim_space_before = [&](size_t r) {
        flush();
        for (size_t k = r + 1; k-- > 0;) {
            std::string& s = out[k];
            while (!s.empty() && s.back() == ' ') s.pop_back();
            if (!s.empty() || runs[k].frozen) return;
        }
    };
    for (size_t i = 0; i < n; ++i) {
        char32_t c = f.cps[i];
        size_t r = f.run[i];
        char32_t next = i + 1 < n ? f.cps[i + 1] : kNone;
        if (is_space(c) || c == '"' || (i > 0 && f.run[i - 1] != r)) in_url = false;
        else if (!in_url && opens_after(prev) && url_at(f.cps, i)) in_url = true;
        // Anything else is copied as it is.
        auto copy = [&] {
            const size_t from = f.off[i];
            const size_t to = i + 1 < n && f.run[i + 1] == r ? f.off[i + 1] : runs[r].text->size();
            if (pending_run == r && pending_to == from) {
                pending_to = to;
            } else {
                flush();
                pending_run = r;
                pending_from = from;
                pending_to = to;
            }
            prev = c;
        };
        if (runs[r].frozen || in_url) {
            copy();
            continue;
        }
        if (o.dashes && c == '-' && next == '-') {
            if (i + 2 < f.cps.size() && f.cps[i + 2] == '-') {
                emit(r, "\u2014", 0x2014);
                i += 2;
            } else {
                emit(r, "\u2013", 0x2013);
                i += 1;
            }
            continue;
        }
        if (o.quotes && c == '"') {
            bool closes_anyway = open_double > 0 && is_space(prev) && !is_word(next) && next != '"';
            if (opens_after(prev) && !closes_anyway) {
                ++open_double;
                emit(r, q.open_double + q.inner_space, 0x201C);
                if (!q.inner_space.empty())
                    while (i + 1 < f.cps.size() && f.cps[i + 1] == ' ') ++i;
            } else {
                if (open_double > 0) --open_double;
                if (!q.inner_space.empty()) trim_space_before(r);
                emit(r, q.inner_space + q.close_double, 0x201D);
            }
            continue;
        }
        if (o.quotes && c == '\'') {
            const char* apostrophe = "\u2019";
            if (is_word(prev)) {
                // don't, rock'n'roll: apostrophe; at a word's end it closes an open quote
                if (is_word(next) || open_single == 0) emit(r, apostrophe, 0x2019);
                else {
                    --open_single;
                    emit(r, q.close_single, 0x2019);
                }
            } else if (opens_after(prev)) {
                if (is_digit(next) || next == kNone || is_space(next)) emit(r, apostrophe, 0x2019);  // ’90s
                else {
                    ++open_single;
                    emit(r, q.open_single, 0x2018);
                }
            } else if (open_single > 0) {  // after punctuation: 'Stop!'
                --open_single;
                emit(r, q.close_single, 0x2019);
            } else {
                emit(r, apostrophe, 0x2019);
            }
            continue;
        }
        copy();
        // The rest of a word (ASCII letters and digits after a letter or
        // digit) can neither open a URL nor need a change: copied at once.
        if (c < 0x80 && is_word(c)) {
            size_t j = i + 1;
            while (j < n && f.run[j] == r && f.cps[j] < 0x80 && is_word(f.cps[j])) ++j;
            if (j > i + 1) {
                pending_to = j < n && f.run[j] == r ? f.off[j] : runs[r].text->size();
                prev = f.cps[j - 1];
                i = j - 1;
            }
        }
    }
    flush();
    // The old text's buffer stays in `out` for the next call.
    for (size_t r = 0; r < runs.size(); ++r) std::swap(*runs[r].text, out[r]);
}

std::string typographic(std::string_view text, const TypographyOptions& options) {
    std::string s(text);
    apply_typography({TextRun{&s, false}}, options);
    return s;
}

}  // namespace bb::manuscript
