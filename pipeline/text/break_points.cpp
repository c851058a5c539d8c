#include "text/break_points.h"

#include <linebreak.h>

#include <algorithm>
#include <mutex>
#include <string>

#include "base/utf8.h"

namespace bb::text {

namespace {

void ensure_init() {
    static std::once_flag once;
    std::call_once(once, [] { init_linebreak(); });
}

// Code point ending just before byte `pos` (pos > 0, on a boundary).
char32_t cp_before(std::string_view s, size_t pos) {
    size_t start = pos - 1;
    while (start > 0 && (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80) --start;
    size_t i = start;
    return base::next_code_point(s, i);
}

char32_t cp_at(std::string_view s, size_t pos) {
    if (pos >= s.size()) return 0;
    return base::next_code_point(s, pos);
}

bool is_glue_char(char32_t cp) { return cp == 0xA0 || cp == 0x202F || cp == 0x2011 || cp == 0x2060 || cp == 0xFEFF; }

bool is_ascii_alnum(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

// Characters after which a URL may break (typst-like, Chicago-like).
bool is_url_break_char(char32_t cp) {
    switch (cp) {
    case '/': case '.': case '-': case '?': case '&': case '=': case '_': case '@': case '#': case ':':
        return true;
    default:
        return false;
    }
}

bool ends_token(unsigned char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '<' || c == '>' || c == '"'; }

// Non-ASCII characters that end a URL token: spaces and typographic quotes,
// brackets and dashes around it (“http://x.org”, «…», —).
bool ends_token_cp(char32_t cp) {
    return cp == 0xA0 || cp == 0x202F || (cp >= 0x2000 && cp <= 0x206F) || cp == 0xAB || cp == 0xBB ||
           cp == 0x3000;
}

bool is_trailing_punct(char c) {
    return c == '.' || c == ',' || c == ';' || c == ':' || c == '!' || c == '?' || c == ')' || c == ']' ||
           c == '}' || c == '\'' || c == '*';
}

}  // namespace

bool may_hold_url(std::string_view s) {
    return s.find("://") != std::string_view::npos || s.find("www.") != std::string_view::npos ||
           s.find('@') != std::string_view::npos;
}

std::vector<UrlRange> find_urls(std::string_view s) {
    std::vector<UrlRange> out;
    // Text with none of the marks (nearly every paragraph) needs no token scan.
    if (!may_hold_url(s)) return out;
    size_t i = 0;
    while (i < s.size()) {
        // One token: up to white space or a typographic delimiter.
        size_t b = i;
        size_t e = i;
        while (e < s.size()) {
            unsigned char c = static_cast<unsigned char>(s[e]);
            if (c < 0x80) {
                if (ends_token(c)) break;
                ++e;
            } else {
                size_t k = e;
                char32_t cp = base::next_code_point(s, k);
                if (ends_token_cp(cp)) break;
                e = k;
            }
        }
        if (e == b) {  // a delimiter: skip it
            size_t k = i;
            base::next_code_point(s, k);
            i = k;
            continue;
        }
        std::string_view tok = s.substr(b, e - b);
        size_t start = std::string_view::npos;
        if (size_t p = tok.find("://"); p != std::string_view::npos && p > 0) {
            size_t q = p;
            while (q > 0 && (is_ascii_alnum(tok[q - 1]) || tok[q - 1] == '+' || tok[q - 1] == '.' || tok[q - 1] == '-'))
                --q;
            if (q < p) start = q;
        }
        if (start == std::string_view::npos) {
            size_t p = 0;
            while (p < tok.size()) {  // "www." at the token start or after an opening bracket
                size_t w = tok.find("www.", p);
                if (w == std::string_view::npos) break;
                if (w == 0 || !is_ascii_alnum(tok[w - 1])) { start = w; break; }
                p = w + 1;
            }
        }
        if (start == std::string_view::npos) {
            size_t at = tok.find('@');
            if (at != std::string_view::npos && at > 0 && at + 1 < tok.size() && is_ascii_alnum(tok[at - 1]) &&
                is_ascii_alnum(tok[at + 1]) && tok.find('.', at) != std::string_view::npos) {
                size_t q = at;
                while (q > 0 && (is_ascii_alnum(tok[q - 1]) || tok[q - 1] == '.' || tok[q - 1] == '_' ||
                                 tok[q - 1] == '-' || tok[q - 1] == '+' || tok[q - 1] == '%'))
                    --q;
                start = q;
            }
        }
        if (start != std::string_view::npos) {
            size_t end = tok.size();
            while (end > start + 1 && is_trailing_punct(tok[end - 1])) {
                // Keep a ')' that closes a '(' inside the URL (Wikipedia links).
                if (tok[end - 1] == ')' && tok.substr(start, end - start).find('(') != std::string_view::npos) break;
                --end;
            }
            out.push_back({b + start, b + end});
        }
        i = e;
    }
    return out;
}

bool is_url(std::string_view word) { return !find_urls(word).empty(); }

std::vector<char> uax14_breaks(std::string_view s, std::string_view lang) {
    std::vector<char> brks(s.size(), LINEBREAK_NOBREAK);
    if (s.empty()) return brks;
    ensure_init();
    const std::string lang_z(lang.substr(0, lang.find_first_of("-_")));
    const char* language = lang_z.empty() ? nullptr : lang_z.c_str();
    // A run of ASCII letters is one letter to UAX #14: each is of class AL,
    // AL × AL (LB28), and no rule counts letters or looks past the one
    // next to a boundary. libunibreak gets each run as one '#', a fifth of
    // the text, and its answers are spread back: no break inside a run, the
    // run's answer after its last letter. '#' is AL too, and the first AL
    // its table holds: libunibreak 1.1 looks a class up by walking its
    // table from U+0000, and finds '#' in 10 steps, 'a'-'z' in 31 (its
    // look-ups were 5 % of an EPUB's instructions). No language's table
    // (en, de, es, fr, ru, zh: quotation marks) names an ASCII character.
    auto letter = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
    std::string packed;
    std::vector<uint32_t> from;  // packed byte k is byte from[k] of s
    packed.reserve(s.size() / 3);
    from.reserve(s.size() / 3);
    for (size_t i = 0; i < s.size();) {
        size_t j = i + 1;
        if (letter(s[i]))
            while (j < s.size() && letter(s[j])) ++j;
        packed += letter(s[i]) ? '#' : s[i];
        from.push_back(static_cast<uint32_t>(j - 1));
        i = j;
    }
    std::vector<char> answers(packed.size());
    set_linebreaks_utf8(reinterpret_cast<const utf8_t*>(packed.data()), packed.size(), language, answers.data());
    for (size_t k = 0; k < packed.size(); ++k) brks[from[k]] = answers[k];
    return brks;
}

std::vector<BreakPoint> break_points(std::string_view s, std::string_view lang) {
    std::vector<BreakPoint> out;
    if (s.empty()) return out;
    const std::vector<char> brks = uax14_breaks(s, lang);
    std::vector<UrlRange> urls = find_urls(s);
    size_t u = 0;
    for (size_t i = 0; i + 1 < s.size(); ++i) {
        size_t pos = i + 1;
        while (u < urls.size() && urls[u].end <= pos) ++u;
        bool in_url = u < urls.size() && urls[u].begin < pos && pos < urls[u].end;
        if (in_url) {
            // Our own rule replaces UAX #14 inside URLs: after a separator,
            // only at the end of a run of separators ("://" stays whole),
            // never right before the end.
            if ((static_cast<unsigned char>(s[pos]) & 0xC0) == 0x80) continue;
            char32_t before = cp_before(s, pos), after = cp_at(s, pos);
            if (is_url_break_char(before) && !is_url_break_char(after)) out.push_back({pos, BreakKind::Allowed});
            continue;
        }
        char b = brks[i];
        if (b != LINEBREAK_MUSTBREAK && b != LINEBREAK_ALLOWBREAK) continue;
        char32_t before = cp_before(s, pos), after = cp_at(s, pos);
        if (b == LINEBREAK_MUSTBREAK) {
            out.push_back({pos, BreakKind::Mandatory});
            continue;
        }
        if (is_glue_char(before) || is_glue_char(after)) continue;
        BreakKind kind = BreakKind::Allowed;
        if (before == 0xAD) kind = BreakKind::SoftHyphen;
        else if (before == '-' || before == 0x2010) kind = BreakKind::Hyphen;
        out.push_back({pos, kind});
    }
    return out;
}

namespace {
bool separates_words(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

/// A word UAX #14 never breaks inside, whatever the language: opening
/// brackets and quotes (OP, QU: no break after them, LB14, LB19), letters,
/// digits and apostrophes (AL, NU, QU: LB19, LB23, LB28), closing
/// punctuation (IS, EX, CP, QU: no break before them, LB13, LB19), in that
/// order. The randomised test holds it to libunibreak.
bool unbreakable_word(std::string_view w) {
    size_t i = 0;
    while (i < w.size() && (w[i] == '(' || w[i] == '[' || w[i] == '"' || w[i] == '\'')) ++i;
    while (i < w.size() && (is_ascii_alnum(w[i]) || w[i] == '\'')) ++i;
    while (i < w.size()) {
        switch (w[i]) {
        case '.': case ',': case ';': case ':': case '!': case '?': case ')': case ']': case '"': case '\'':
            ++i;
            continue;
        default:
            return false;
        }
    }
    return true;
}
}  // namespace

std::vector<BreakPoint> word_break_points(std::string_view s, std::string_view lang) {
    const ByteRange whole{0, s.size()};
    return word_break_points(s, std::span<const ByteRange>(&whole, 1), lang);
}

std::vector<BreakPoint> word_break_points(std::string_view s, std::span<const ByteRange> parts,
                                          std::string_view lang) {
    // The words that may break, one space apart, and where each came from.
    struct Piece {
        size_t at, from, size;  // offset in `words`, offset in s, bytes
    };
    std::string words;
    std::vector<Piece> pieces;
    for (const ByteRange& part : parts)
        for (size_t i = part.begin; i < part.end;) {
            if (separates_words(s[i])) {
                ++i;
                continue;
            }
            const size_t b = i;
            while (i < part.end && !separates_words(s[i])) ++i;
            if (i - b < 2 || unbreakable_word(s.substr(b, i - b))) continue;
            if (!words.empty()) words += ' ';
            pieces.push_back({words.size(), b, i - b});
            words.append(s.substr(b, i - b));
        }
    std::vector<BreakPoint> out;
    if (pieces.empty()) return out;
    size_t p = 0;
    for (const BreakPoint& bp : break_points(words, lang)) {
        while (p < pieces.size() && pieces[p].at + pieces[p].size <= bp.offset) ++p;
        if (p == pieces.size()) break;
        if (bp.offset > pieces[p].at) out.push_back({pieces[p].from + (bp.offset - pieces[p].at), bp.kind});
    }
    return out;
}

std::vector<size_t> emergency_points(std::string_view word) {
    std::vector<size_t> out;
    for (size_t i = 0; i < word.size();) {
        base::next_code_point(word, i);
        if (i >= word.size()) break;
        char32_t next = cp_at(word, i);
        if (next >= 0x300 && next <= 0x36F) continue;  // keep combining marks with their base
        out.push_back(i);
    }
    return out;
}

}  // namespace bb::text
