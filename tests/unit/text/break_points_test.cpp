// Break opportunities: UAX #14 (libunibreak) plus bookbuild's rules.
#include <gtest/gtest.h>

#include "text/break_points.h"

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

TEST(BreakPoints, EmergencyPoints) {
    EXPECT_EQ(emergency_points("abc"), (std::vector<size_t>{1, 2}));
    EXPECT_EQ(emergency_points("aé"), (std::vector<size_t>{1}));
    EXPECT_EQ(emergency_points("e\u0301x"), (std::vector<size_t>{3}));  // e + combining acute stay together
    EXPECT_TRUE(emergency_points("a").empty());
}
