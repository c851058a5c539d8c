#include "manuscript/typography.h"

#include <array>
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

// The bytes the quiet stretch (see Pass::quiet_end) stops at: straight
// quotes, hyphens and every byte of a multi-byte character (decoded one at a
// time); 2 marks the letters a URL can start with.
constexpr std::array<uint8_t, 256> kByteClass = [] {
    std::array<uint8_t, 256> t{};
    for (int b = 0; b < 0x80; ++b) t[b] = 1;
    for (char c : {'"', '\'', '-'}) t[static_cast<unsigned char>(c)] = 0;
    for (char c : {'h', 'm', 'w', 'H', 'M', 'W'}) t[static_cast<unsigned char>(c)] = 2;
    return t;
}();

// A position in the runs: run `r`, byte `i`, at the start of a code point;
// r == runs.size() past the end. Empty runs are never stood on.
struct Cursor {
    size_t r, i;
};

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

namespace {

/// One application of the options to a sequence of runs. Walks the runs'
/// bytes once: stretches that cannot change (most of a text) are found a
/// byte at a time through kByteClass and kept as a pending byte range, so
/// only quotes, dashes, word starts that may be a URL and non-ASCII
/// characters are looked at as code points.
class Pass {
public:
    Pass(const std::vector<TextRun>& runs, const TypographyOptions& o, const QuoteMarks& q,
         std::vector<std::string>& out)
        : runs_(runs), o_(o), q_(q), out_(out) {}

    void run() {
        Cursor at{0, 0};
        settle(at);
        bool first = true;
        while (at.r < runs_.size()) {
            const size_t r = at.r;
            const std::string_view s = *runs_[r].text;
            size_t after = at.i;
            const char32_t c = base::next_code_point(s, after);
            // The first character of a run (but the first of all) ends a URL.
            const bool run_start = at.i == 0 && !first;
            first = false;
            if (is_space(c) || c == '"' || run_start) in_url_ = false;
            else if (!in_url_ && opens_after(prev_) && url_at(at)) in_url_ = true;
            if (runs_[r].frozen) {  // copied as it is, to the run's end
                keep(r, at.i, s.size());
                prev_ = last_code_point(s);
                at = {r + 1, 0};
                settle(at);
                continue;
            }
            if (in_url_) {
                const size_t end = url_end(s, after);
                keep(r, at.i, end);
                prev_ = end > after ? before(s, end) : c;
                at.i = end;
                settle(at);
                continue;
            }
            if (o_.dashes && c == '-' && peek(at, 1) == '-') {
                const bool em = peek(at, 2) == '-';
                emit(r, em ? "\u2014" : "\u2013", em ? 0x2014 : 0x2013);
                skip(at, em ? 3 : 2);
                continue;
            }
            if (o_.quotes && c == '"') {
                double_quote(at);
                continue;
            }
            if (o_.quotes && c == '\'') {
                single_quote(at);
                continue;
            }
            const size_t end = quiet_end(s, after);
            keep(r, at.i, end);
            prev_ = end > after ? static_cast<unsigned char>(s[end - 1]) : c;
            at.i = end;
            settle(at);
        }
        flush();
    }

private:
    // Moves past the end of a run (and past empty runs) to the next character.
    void settle(Cursor& at) const {
        while (at.r < runs_.size() && at.i >= runs_[at.r].text->size()) at = {at.r + 1, 0};
    }

    // The code point `k` characters after the one at `at` (k = 0: that one),
    // across runs; kNone past the end.
    char32_t peek(Cursor at, size_t k) const {
        for (;;) {
            if (at.r >= runs_.size()) return kNone;
            const std::string_view s = *runs_[at.r].text;
            const char32_t c = base::next_code_point(s, at.i);
            if (k-- == 0) return c;
            settle(at);
        }
    }

    // Moves `at` past `n` characters.
    void skip(Cursor& at, size_t n) const {
        for (; n > 0 && at.r < runs_.size(); --n) {
            base::next_code_point(*runs_[at.r].text, at.i);
            settle(at);
        }
    }

    bool starts_with(Cursor at, std::string_view lower) const {
        for (size_t k = 0; k < lower.size(); ++k) {
            char32_t c = peek(at, k);
            if (c >= 'A' && c <= 'Z') c += 32;
            if (c != static_cast<unsigned char>(lower[k])) return false;
        }
        return true;
    }

    bool url_at(Cursor at) const {
        const char32_t c = static_cast<unsigned char>((*runs_[at.r].text)[at.i]) | 0x20;  // ASCII lower case
        if (c != 'h' && c != 'm' && c != 'w') return false;  // checked at every word's start
        return starts_with(at, "http://") || starts_with(at, "https://") || starts_with(at, "mailto:") ||
               starts_with(at, "www.");
    }

    // The end of the quiet stretch from `i`: characters that are copied as
    // they are and leave nothing to decide (no quote, hyphen, non-ASCII
    // character or possible URL start).
    static size_t quiet_end(std::string_view s, size_t i) {
        for (; i < s.size(); ++i) {
            const uint8_t k = kByteClass[static_cast<unsigned char>(s[i])];
            if (k == 0) break;
            // A URL's first letter after an opening character (or after a
            // character that is not ASCII: decided by the caller).
            const auto before = static_cast<unsigned char>(s[i - 1]);
            if (k == 2 && (before >= 0x80 || opens_after(before))) break;
        }
        return i;
    }

    // The end of a URL's rest from `i`: up to a space or a straight quote.
    static size_t url_end(std::string_view s, size_t i) {
        while (i < s.size()) {
            size_t next = i;
            const char32_t c = base::next_code_point(s, next);
            if (is_space(c) || c == '"') break;
            i = next;
        }
        return i;
    }

    // The code point that ends at byte `end` of `s`.
    static char32_t before(std::string_view s, size_t end) {
        size_t i = end - 1;
        while (i > 0 && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) --i;
        return base::next_code_point(s, i);
    }
    static char32_t last_code_point(std::string_view s) { return before(s, s.size()); }

    void double_quote(Cursor& at) {
        const size_t r = at.r;
        const char32_t next = peek(at, 1);
        const bool closes_anyway = open_double_ > 0 && is_space(prev_) && !is_word(next) && next != '"';
        if (opens_after(prev_) && !closes_anyway) {
            ++open_double_;
            emit(r, q_.open_double + q_.inner_space, 0x201C);
            skip(at, 1);
            if (!q_.inner_space.empty())
                while (peek(at, 0) == ' ') skip(at, 1);
        } else {
            if (open_double_ > 0) --open_double_;
            if (!q_.inner_space.empty()) trim_space_before(r);
            emit(r, q_.inner_space + q_.close_double, 0x201D);
            skip(at, 1);
        }
    }

    void single_quote(Cursor& at) {
        const size_t r = at.r;
        const char32_t next = peek(at, 1);
        const char* apostrophe = "\u2019";
        if (is_word(prev_)) {
            // don't, rock'n'roll: apostrophe; at a word's end it closes an open quote
            if (is_word(next) || open_single_ == 0) emit(r, apostrophe, 0x2019);
            else {
                --open_single_;
                emit(r, q_.close_single, 0x2019);
            }
        } else if (opens_after(prev_)) {
            if (is_digit(next) || next == kNone || is_space(next)) emit(r, apostrophe, 0x2019);  // ’90s
            else {
                ++open_single_;
                emit(r, q_.open_single, 0x2018);
            }
        } else if (open_single_ > 0) {  // after punctuation: 'Stop!'
            --open_single_;
            emit(r, q_.close_single, 0x2019);
        } else {
            emit(r, apostrophe, 0x2019);
        }
        skip(at, 1);
    }

    // Bytes [from, to) of run r are copied unchanged: added to the pending
    // range when they continue it.
    void keep(size_t r, size_t from, size_t to) {
        if (pending_run_ == r && pending_to_ == from) {
            pending_to_ = to;
            return;
        }
        flush();
        pending_run_ = r;
        pending_from_ = from;
        pending_to_ = to;
    }

    void flush() {
        if (pending_run_ == SIZE_MAX) return;
        out_[pending_run_].append(*runs_[pending_run_].text, pending_from_, pending_to_ - pending_from_);
        pending_run_ = SIZE_MAX;
    }

    void emit(size_t r, std::string_view s, char32_t last) {
        flush();
        out_[r] += s;
        prev_ = last;
    }

    // French closing guillemet: the space before it becomes a no-break space.
    void trim_space_before(size_t r) {
        flush();
        for (size_t k = r + 1; k-- > 0;) {
            std::string& s = out_[k];
            while (!s.empty() && s.back() == ' ') s.pop_back();
            if (!s.empty() || runs_[k].frozen) return;
        }
    }

    const std::vector<TextRun>& runs_;
    const TypographyOptions& o_;
    const QuoteMarks& q_;
    std::vector<std::string>& out_;
    char32_t prev_ = kNone;  // last code point written (decides quote direction)
    int open_single_ = 0;    // nesting of secondary quotes, to tell ' closing from apostrophe
    int open_double_ = 0;    // open primary quotes, so `"word "` still closes
    bool in_url_ = false;    // inside a URL token: copied verbatim
    // Characters copied unchanged are not appended one by one: a pending
    // byte range of one run grows until something else is written.
    size_t pending_run_ = SIZE_MAX, pending_from_ = 0, pending_to_ = 0;
};

}  // namespace

void apply_typography(const std::vector<TextRun>& runs, const TypographyOptions& o) {
    if (!o.quotes && !o.dashes) return;
    if (!has_work(runs, o)) return;
    // Output buffers kept between calls (one set per thread): a big book
    // makes this call for every paragraph.
    thread_local std::vector<std::string> out;
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
    Pass(runs, o, q, out).run();
    // The old text's buffer stays in `out` for the next call.
    for (size_t r = 0; r < runs.size(); ++r) std::swap(*runs[r].text, out[r]);
}

std::string typographic(std::string_view text, const TypographyOptions& options) {
    std::string s(text);
    apply_typography({TextRun{&s, false}}, options);
    return s;
}

}  // namespace bb::manuscript
