// Smart quotes and dashes: pure functions, per language, across runs.
#include "manuscript/typography.h"

#include <gtest/gtest.h>

#include "manuscript/typography_book.h"

namespace bb::manuscript {
namespace {

std::string en(std::string_view s) { return typographic(s, {true, true, "en"}); }
std::string lang(std::string_view l, std::string_view s) { return typographic(s, {true, true, std::string(l)}); }

TEST(Typography, EnglishQuotesAndApostrophes) {
    EXPECT_EQ(en("\"Hello,\" she said."), "\u201CHello,\u201D she said.");
    EXPECT_EQ(en("'single' quotes"), "\u2018single\u2019 quotes");
    EXPECT_EQ(en("don't"), "don\u2019t");
    EXPECT_EQ(en("the '90s"), "the \u201990s");
    EXPECT_EQ(en("the boys' toys"), "the boys\u2019 toys");
    EXPECT_EQ(en("\"He said 'no' twice.\""), "\u201CHe said \u2018no\u2019 twice.\u201D");
    EXPECT_EQ(en("('quoted')"), "(\u2018quoted\u2019)");
    EXPECT_EQ(en("'Stop!' he said"), "\u2018Stop!\u2019 he said");
}

TEST(Typography, Dashes) {
    EXPECT_EQ(en("pages 10--20"), "pages 10\u201320");
    EXPECT_EQ(en("wait---what"), "wait\u2014what");
    EXPECT_EQ(en("a ---- b"), "a \u2014- b");
    EXPECT_EQ(en("one-word"), "one-word");
    EXPECT_EQ(en("--\"quote\""), "\u2013\u201Cquote\u201D");
}

TEST(Typography, OptionsOff) {
    EXPECT_EQ(typographic("\"a\" -- b", {false, true, "en"}), "\"a\" \u2013 b");
    EXPECT_EQ(typographic("\"a\" -- b", {true, false, "en"}), "\u201Ca\u201D -- b");
    EXPECT_EQ(typographic("\"a\" -- b", {false, false, "en"}), "\"a\" -- b");
}

TEST(Typography, Languages) {
    EXPECT_EQ(lang("de", "Er sagte \"ja\" und 'nein'."), "Er sagte \u201Eja\u201C und \u201Anein\u2018.");
    EXPECT_EQ(lang("de-AT", "\"ja\""), "\u201Eja\u201C");
    EXPECT_EQ(lang("pl", "Powiedzia\u0142 \"tak\"."), "Powiedzia\u0142 \u201Etak\u201D.");
    EXPECT_EQ(lang("ru", "\u041E\u043D \"\u0434\u0430\"."), "\u041E\u043D \u00AB\u0434\u0430\u00BB.");
    EXPECT_EQ(lang("el", "\"\u03BD\u03B1\u03B9\""), "\u201C\u03BD\u03B1\u03B9\u201D");  // falls back to English
    EXPECT_EQ(lang("xx", "it's"), "it\u2019s");
}

TEST(Typography, FrenchSpacesInsideGuillemets) {
    EXPECT_EQ(lang("fr", "Il dit \"oui\"."), "Il dit \u00AB\u00A0oui\u00A0\u00BB.");
    // spaces already typed inside are replaced, not doubled
    EXPECT_EQ(lang("fr", "Il dit \" oui \"."), "Il dit \u00AB\u00A0oui\u00A0\u00BB.");
    EXPECT_EQ(lang("fr", "l'homme"), "l\u2019homme");
    EXPECT_EQ(quote_marks("fr-CA").open_double, "\u00AB");
}

TEST(Typography, DirectionAcrossRuns) {
    // "<em>word</em>" : the closing quote follows the emphasised word
    std::string a = "\"", b = "word", c = "\" and 'x";
    apply_typography({{&a}, {&b}, {&c}}, {true, true, "en"});
    EXPECT_EQ(a, "\u201C");
    EXPECT_EQ(b, "word");
    EXPECT_EQ(c, "\u201D and \u2018x");
    // a run boundary right after a word: apostrophe decided by the next run
    std::string d = "don", e = "'t";
    apply_typography({{&d}, {&e}}, {true, true, "en"});
    EXPECT_EQ(e, "\u2019t");
}

TEST(Typography, FrenchClosingAcrossRuns) {
    std::string a = "\"mot ", b = "\"";
    apply_typography({{&a}, {&b}}, {true, true, "fr"});
    EXPECT_EQ(a, "\u00AB\u00A0mot");
    EXPECT_EQ(b, "\u00A0\u00BB");
}

TEST(Typography, UrlsAreNeverTouched) {
    EXPECT_EQ(en("see https://example.org/it's--here now--ok"), "see https://example.org/it's--here now\u2013ok");
    // a URL cannot hold a raw '"', so a quote ends it
    EXPECT_EQ(en("\"https://example.org/a--b\" -- ok"), "\u201Chttps://example.org/a--b\u201D \u2013 ok");
    EXPECT_EQ(en("www.a--b.org"), "www.a--b.org");
    std::string frozen = "https://x.org/it's--here", after = " -- 'ok'";
    apply_typography({{&frozen, true}, {&after}}, {true, true, "en"});
    EXPECT_EQ(frozen, "https://x.org/it's--here");
    EXPECT_EQ(after, " \u2013 \u2018ok\u2019");
}

TEST(Typography, UrlStartsAfterAnyOpeningCharacter) {
    // after a guillemet or curly quote (not ASCII) as after a space or '('
    EXPECT_EQ(en("\u00ABhttp://a.org/x--y\u00BB -- z"), "\u00ABhttp://a.org/x--y\u00BB \u2013 z");
    EXPECT_EQ(en("\u201Cwww.a--b.org\u201D"), "\u201Cwww.a--b.org\u201D");
    EXPECT_EQ(en("(mailto:a--b@c.org)"), "(mailto:a--b@c.org)");
    // inside a word it is just letters
    EXPECT_EQ(en("xhttp://a--b"), "xhttp://a\u2013b");
    // a non-ASCII space ends a URL
    EXPECT_EQ(en("http://a.org\u00A0--\u00A0b"), "http://a.org\u00A0\u2013\u00A0b");
}

TEST(Typography, DashesAndSpacesTakenFromTheNextRuns) {
    // "--" split by markup becomes one dash in the first run
    std::string a = "a -", b = "-", c = "- b";
    apply_typography({{&a}, {&b}, {&c}}, {true, true, "en"});
    EXPECT_EQ(a, "a \u2014");
    EXPECT_EQ(b, "");
    EXPECT_EQ(c, " b");
    // French: the spaces typed after an opening quote go, in later runs too
    std::string d = "\"", e = "  ", f = " mot\"";
    apply_typography({{&d}, {&e}, {&f}}, {true, true, "fr"});
    EXPECT_EQ(d, "\u00AB\u00A0");
    EXPECT_EQ(e, "");
    EXPECT_EQ(f, "mot\u00A0\u00BB");
}

TEST(Typography, InlinesLinkTextEqualToHrefIsFrozen) {
    using namespace model;
    Inlines content;
    content.push_back({InlineKind::Text, "\"", {}, {}, {}});
    Inline link{InlineKind::Link, "", "https://a.org/x--y", {}, {}};
    link.children.push_back({InlineKind::Text, "https://a.org/x--y", {}, {}, {}});
    content.push_back(link);
    content.push_back({InlineKind::Text, "\" -- done", {}, {}, {}});
    Inline em{InlineKind::Emph, "", "", {}, {}};
    em.children.push_back({InlineKind::Text, "it's", {}, {}, {}});
    content.push_back(em);
    apply_typography(content, {true, true, "en"});
    EXPECT_EQ(content[0].text, "\u201C");
    EXPECT_EQ(content[1].children[0].text, "https://a.org/x--y");
    EXPECT_EQ(content[1].target, "https://a.org/x--y");
    EXPECT_EQ(content[2].text, "\u201D \u2013 done");
    EXPECT_EQ(content[3].children[0].text, "it\u2019s");
}

}  // namespace
}  // namespace bb::manuscript
