// Value syntax: ids, language tags, dates, identifiers, ISBNs, URLs, e-mail.
#include "manuscript/values.h"

#include <gtest/gtest.h>

namespace bb::manuscript {
namespace {

TEST(Values, Ids) {
    for (const char* ok : {"a", "pulling-away", "0-9", "x1", "a-"}) EXPECT_EQ(check_id(ok), "") << ok;
    for (const char* bad : {"", "-a", "A", "a_b", "a b", "caf\u00e9", "a--b", "pulling-away--faq"})
        EXPECT_NE(check_id(bad), "") << bad;
}

TEST(Values, LanguageTags) {
    for (const char* ok : {"en", "en-US", "de-AT", "pt-BR", "zh-Hant-TW", "sr-Latn", "es-419", "de-CH-1996",
                           "en-x-private", "x-klingon", "sgn-ase", "fr-u-ca-gregory"})
        EXPECT_EQ(check_lang(ok), "") << ok;
    for (const char* bad : {"", "english", "e", "en_US", "en-", "-en", "en-x", "1en", "en-US-"})
        EXPECT_NE(check_lang(bad), "") << bad;
}

TEST(Values, Dates) {
    EXPECT_EQ(check_date("2026-11-28"), "");
    EXPECT_EQ(check_date("2024-02-29"), "");
    EXPECT_EQ(check_date("2000-02-29"), "");
    for (const char* bad : {"2023-02-29", "1900-02-29", "2026-13-01", "2026-00-10", "2026-04-31", "2026-4-1",
                            "26-04-01", "2026/04/01", "2026-04-01T00:00"})
        EXPECT_NE(check_date(bad), "") << bad;
}

TEST(Values, IsbnCheckDigits) {
    EXPECT_EQ(check_isbn("978-0-306-40615-7"), "");
    EXPECT_EQ(check_isbn("9780306406157"), "");
    EXPECT_EQ(check_isbn("0-306-40615-2"), "");
    EXPECT_EQ(check_isbn("0-8044-2957-X"), "");
    EXPECT_NE(check_isbn("978-0-306-40615-8"), "");
    EXPECT_NE(check_isbn("0-306-40615-3"), "");
    EXPECT_NE(check_isbn("12345"), "");
    EXPECT_NE(check_isbn("977-0-306-40615-0"), "");  // not a Bookland prefix
}

TEST(Values, Identifiers) {
    EXPECT_EQ(check_identifier("urn:uuid:6f1c2a8e-4b7d-4c1e-9a35-2d8e7f0b5c41"), "");
    EXPECT_EQ(check_identifier("urn:isbn:9780306406157"), "");
    EXPECT_EQ(check_identifier("978-0-306-40615-7"), "");
    EXPECT_NE(check_identifier("urn:uuid:6f1c2a8e4b7d4c1e9a352d8e7f0b5c41"), "");
    EXPECT_NE(check_identifier("urn:uuid:6f1c2a8e-4b7d-4c1e-9a35-2d8e7f0b5cXX"), "");
    EXPECT_NE(check_identifier("my-book"), "");
    EXPECT_NE(check_identifier("urn:isbn:978-0-306-40615-0"), "");
}

TEST(Values, Urls) {
    for (const char* ok : {"https://example.org", "http://example.org/a?b=c#d", "https://sub.example.org:8080/x",
                           "https://user@example.org/"})
        EXPECT_EQ(check_http_url(ok), "") << ok;
    for (const char* bad : {"", "example.org", "www.example.org", "ftp://example.org", "https://", "https:///x",
                            "https://exa mple.org", "https://example..org", "mailto:a@b.org", "https://a.org:x/"})
        EXPECT_NE(check_http_url(bad), "") << bad;
    EXPECT_EQ(check_link_url("mailto:editors@example.org"), "");
    EXPECT_EQ(check_link_url("mailto:editors@example.org?subject=Hi"), "");
    EXPECT_NE(check_link_url("mailto:editors"), "");
    EXPECT_EQ(check_link_url("HTTPS://EXAMPLE.ORG"), "");
}

TEST(Values, Email) {
    EXPECT_EQ(check_email("coach@example.org"), "");
    EXPECT_EQ(check_email("first.last+tag@sub.example.co.uk"), "");
    for (const char* bad : {"", "coach", "coach@", "@example.org", "coach@example", "a@b@c.org", "a b@c.org",
                            "coach@example.o", "coach@-x.org"})
        EXPECT_NE(check_email(bad), "") << bad;
}

TEST(Values, ImagePaths) {
    EXPECT_EQ(check_image_path("cycle.png"), "");
    EXPECT_EQ(check_image_path("figures/a.JPEG"), "");
    EXPECT_NE(check_image_path("/abs.png"), "");
    EXPECT_NE(check_image_path("../x.png"), "");
    EXPECT_NE(check_image_path("a.svg"), "");
}

TEST(Values, SplitWords) {
    EXPECT_EQ(split_words("  a\tb\n c "), (std::vector<std::string>{"a", "b", "c"}));
    EXPECT_TRUE(split_words(" ").empty());
}

}  // namespace
}  // namespace bb::manuscript
