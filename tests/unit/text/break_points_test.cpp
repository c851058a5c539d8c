// Break opportunities: UAX #14 (libunibreak) plus bookbuild's rules.
#include <gtest/gtest.h>

#include "text/break_points.h"

#include <linebreak.h>

#include <string>
#include <vector>

using namespace bb::text;

namespace {
// The text with "|" at allowed breaks, "!" at mandatory, "~" after a soft
// hyphen, "=" after an explicit hyphen.
std::string show(std::string_view s, std::string_view lang = "en") {
    std::string out;
    size_t prev = 0;
    for (const auto& bp : break_points(s, lang)) {
        out.append(s.substr(prev, bp.offset - prev));
        switch (bp.kind) {
        case BreakKind::Allowed: out += '|'; break;
        case BreakKind::Mandatory: out += '!'; break;
        case BreakKind::SoftHyphen: out += '~'; break;
        case BreakKind::Hyphen: out += '='; break;
        }
        prev = bp.offset;
    }
    out.append(s.substr(prev));
    return out;
}
}  // namespace

TEST(BreakPoints, Words) {
    // UAX #14 allows a break on both sides of an em dash (class B2).
    EXPECT_EQ(show("He said “hello”—and left."), "He |said |“hello”|—|and |left.");
    EXPECT_EQ(show("well-known co-operate"), "well-=known |co-=operate");
    EXPECT_EQ(show("line\nnext"), "line\n!next");
    EXPECT_EQ(show(""), "");
}

TEST(BreakPoints, NoBreakSpaces) {
    EXPECT_EQ(show("100\u00A0km and 5\u202F%"), "100\u00A0km |and |5\u202F%");
    EXPECT_EQ(show("p.\u00A012"), "p.\u00A012");
}

TEST(BreakPoints, SoftHyphen) {
    EXPECT_EQ(show("hy\u00ADphen\u00ADation"), "hy\u00AD~phen\u00AD~ation");
}

TEST(BreakPoints, URLsBreakOnlyAfterSeparators) {
    EXPECT_EQ(show("see https://example.org/a-long/path?x=1&y=2 now"),
              "see |https://|example.|org/|a-|long/|path?|x=|1&|y=|2 |now");
    // Never between letters of a long component, never after the last char.
    EXPECT_EQ(show("www.menswork.org."), "www.|menswork.|org.");
    EXPECT_EQ(show("mail help@men.org today"), "mail |help@|men.|org |today");
    auto urls = find_urls("Visit (https://x.org/a), or “www.y.com”.");
    ASSERT_EQ(urls.size(), 2u);
    EXPECT_EQ(std::string("Visit (https://x.org/a), or “www.y.com”.").substr(urls[0].begin, urls[0].end - urls[0].begin),
              "https://x.org/a");
    EXPECT_TRUE(is_url("https://example.org"));
    EXPECT_TRUE(is_url("someone@example.org"));
    EXPECT_FALSE(is_url("e.g."));
    EXPECT_FALSE(is_url("and/or"));
}

// may_hold_url is the cheap test that lets a paragraph skip is_url for
// every word: where it says no, no part of the text is a URL.
TEST(BreakPoints, MayHoldUrlIsFalseOnlyWhereNoPartIsAUrl) {
    for (std::string text : {"see https://example.org/a now", "mail help@men.org today", "www.menswork.org.",
                             "no address here, e.g. and/or", "a.b/c:d", "ftp://x"}) {
        bool any = false;
        for (size_t b = 0; b < text.size(); ++b)
            for (size_t e = b + 1; e <= text.size(); ++e) any = any || is_url(text.substr(b, e - b));
        if (!may_hold_url(text)) {
            EXPECT_FALSE(any) << text;
        }
        if (any) {
            EXPECT_TRUE(may_hold_url(text)) << text;
        }
    }
    EXPECT_FALSE(may_hold_url("no address here, e.g. and/or"));
    EXPECT_TRUE(may_hold_url("mail help@men.org today"));
}

TEST(BreakPoints, EmergencyPoints) {
    EXPECT_EQ(emergency_points("abc"), (std::vector<size_t>{1, 2}));
    EXPECT_EQ(emergency_points("aé"), (std::vector<size_t>{1}));
    EXPECT_EQ(emergency_points("e\u0301x"), (std::vector<size_t>{3}));  // e + combining acute stay together
    EXPECT_TRUE(emergency_points("a").empty());
}

// libunibreak is given each run of ASCII letters as one letter
// (uax14_breaks): on any text its answers are those for the whole text.
// Only BMP text: the paragraph setter never passes anything else (the PDF
// fonts cannot encode it; Flow prints U+FFFD), and Debian's libunibreak 1.1
// aborts on a regional-indicator pair (an assertion in set_linebreaks).
TEST(BreakPoints, LetterRunsGiveLibunibreaksOwnAnswers) {
    // Letters next to every kind of neighbour UAX #14 has rules for.
    const std::vector<std::string> pieces = {
        "a", "word", "Zebra", "x", " ", "  ", "\n", "\t", "-", "\xE2\x80\x94" /* em dash */, "\xE2\x80\x93",
        "\xC2\xAD" /* soft hyphen */, "\xC2\xA0" /* NBSP */, "\xE2\x80\xAF", "1", "1995", ",", ".", ";", ":", "!",
        "?", "(", ")", "[", "]", "\"", "'", "\xE2\x80\x9C", "\xE2\x80\x9D", "\xE2\x80\x98", "\xE2\x80\x99",
        "\xC2\xAB", "\xC2\xBB", "/", "%", "$", "\xE2\x82\xAC", "+", "#", "&", "@", "_", "*",
        "caf\xC3\xA9", "\xC3\xBC", "e\xCC\x81" /* combining acute */, "\xD7\xA9\xD7\x9C" /* Hebrew */,
        "\xE6\x97\xA5\xE6\x9C\xAC" /* CJK */, "\xE3\x80\x82", "\xE2\x80\x8B" /* ZWSP */, "\xE2\x81\xA0" /* WJ */,
        "https://example.org/a-b", "\xE2\x80\xA6", "\xEF\xBB\xBF",
    };
    unsigned x = 12345;
    auto next = [&] { return (x = x * 1103515245u + 12345u) >> 8; };
    init_linebreak();
    int texts = 0;
    for (const char* lang : {"en", "de", "fr", "zh", ""}) {
        for (int t = 0; t < 400; ++t) {
            std::string s;
            for (int k = 0, n = 1 + next() % 30; k < n; ++k) s += pieces[next() % pieces.size()];
            std::vector<char> direct(s.size());
            set_linebreaks_utf8(reinterpret_cast<const utf8_t*>(s.data()), s.size(), *lang ? lang : nullptr,
                                direct.data());
            ASSERT_EQ(uax14_breaks(s, lang), direct) << "lang '" << lang << "': " << s;
            ++texts;
        }
    }
    EXPECT_EQ(texts, 2000);
}

// word_break_points skips the words libunibreak is never asked about; on
// random texts of every kind of piece, in every language table, it gives
// exactly break_points' opportunities inside words.
TEST(BreakPoints, WordBreakPointsAreThoseInsideWords) {
    const std::vector<std::string> pieces = {
        "a", "word", "Zebra", "x", "don't", "'tis", "1", "1995", "3rd", " ", " ", " ", "  ", "\n", "\t", "\r",
        "-", "\xE2\x80\x94", "\xE2\x80\x93", "\xE2\x80\x90", "\xC2\xAD", "\xC2\xA0", "\xE2\x80\xAF", ",", ".",
        ";", ":", "!", "?", "(", ")", "[", "]", "{", "}", "\"", "'", "\xE2\x80\x9C", "\xE2\x80\x9D", "\xE2\x80\x98",
        "\xE2\x80\x99", "\xE2\x80\x9E", "\xC2\xAB", "\xC2\xBB", "/", "%", "$", "\xE2\x82\xAC", "+", "#", "&",
        "@", "_", "*", "caf\xC3\xA9", "e\xCC\x81", "\xCC\x81", "\xD7\xA9\xD7\x9C", "\xE6\x97\xA5\xE6\x9C\xAC",
        "\xE3\x80\x82", "\xE2\x80\x8B", "\xE2\x81\xA0", "https://example.org/a-b", "www.x.org", "a@b.org",
        "\xE2\x80\xA6", "\xE2\x80\xA8", "\xF0\x9F\x98\x80", "\xE2\x80\x8D",
    };
    auto inside_words = [](std::string_view s, std::string_view lang) {
        std::vector<std::pair<size_t, BreakKind>> out;
        auto space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
        for (const auto& bp : break_points(s, lang))
            if (!space(s[bp.offset - 1]) && !space(s[bp.offset])) out.emplace_back(bp.offset, bp.kind);
        return out;
    };
    unsigned x = 777;
    auto next = [&] { return (x = x * 1103515245u + 12345u) >> 8; };
    int checked = 0, found = 0;
    for (const char* lang : {"en", "de", "fr", "es", "ru", "zh", ""}) {
        for (int t = 0; t < 1500; ++t) {
            std::string s;
            for (int k = 0, n = 1 + next() % 24; k < n; ++k) s += pieces[next() % pieces.size()];
            std::vector<std::pair<size_t, BreakKind>> fast;
            for (const auto& bp : word_break_points(s, lang)) fast.emplace_back(bp.offset, bp.kind);
            const auto expected = inside_words(s, lang);
            ASSERT_EQ(fast, expected) << "lang '" << lang << "': " << s;
            found += static_cast<int>(expected.size());
            // Given some of the words only (cut at word edges, as the
            // paragraph builder cuts out the words it already knows): the
            // same opportunities in those words, none in the others.
            std::vector<ByteRange> parts;
            auto space = [&](size_t i) { return i == s.size() || s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r'; };
            for (size_t i = 0, from = 0; i <= s.size(); ++i)
                if (space(i) && (i == s.size() || next() % 3 == 0)) {
                    if (next() % 2) parts.push_back({from, i});
                    from = i;
                }
            std::vector<std::pair<size_t, BreakKind>> in_parts, expected_in_parts;
            for (const auto& bp : word_break_points(s, parts, lang)) in_parts.emplace_back(bp.offset, bp.kind);
            for (const auto& e : expected)
                for (const ByteRange& r : parts)
                    if (e.first > r.begin && e.first < r.end) expected_in_parts.push_back(e);
            ASSERT_EQ(in_parts, expected_in_parts) << "lang '" << lang << "': " << s;
            ++checked;
        }
    }
    EXPECT_EQ(checked, 10500);
    EXPECT_GT(found, 5000);  // the texts do have breaks inside words
    EXPECT_EQ(show("well-known co-operate"), "well-=known |co-=operate");
    std::string marks;
    for (const auto& bp : word_break_points("He said “hello”—and left, don't (1995).", "en"))
        marks += std::to_string(bp.offset) + " ";
    EXPECT_EQ(marks, "19 22 ");  // around the em dash only
}
