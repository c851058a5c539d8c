// Character level: UTF-8, control characters, strict reference decoding.
#include "manuscript/xml_text.h"

#include <gtest/gtest.h>

#include "helpers.h"

namespace bb::manuscript {
namespace {

struct Decoded {
    std::string text;
    std::vector<std::string> lines;
};

Decoded decode(const std::string& raw, bool attribute = false) {
    base::SourceMap sources;
    base::Sink sink;
    uint32_t f = sources.add("x.xml", raw);
    Decoded d;
    d.text = decode_references(raw, {f, 0}, attribute, sink);
    d.lines = test::first_lines(sink, sources, "");
    return d;
}

TEST(Entities, FivePredefinedAndNumeric) {
    auto d = decode("&amp;&lt;&gt;&quot;&apos; &#233;&#x2014;&#160;");
    EXPECT_TRUE(d.lines.empty());
    EXPECT_EQ(d.text, "&<>\"' \u00E9\u2014\u00A0");
    auto upper = decode("&#X41;");  // XML spells hexadecimal references with a lower-case x
    ASSERT_EQ(upper.lines.size(), 1u);
    EXPECT_EQ(upper.lines[0], "x.xml:1:1: error: malformed character reference '&#X41;'");
}

TEST(Entities, UndefinedEntityIsAnErrorAtItsPosition) {
    auto d = decode("a&nbsp;b");
    ASSERT_EQ(d.lines.size(), 1u);
    EXPECT_EQ(d.lines[0].substr(0, 24), "x.xml:1:2: error: undefi");
    EXPECT_EQ(d.text, "a&nbsp;b");
}

TEST(Entities, BareAmpersand) {
    auto d = decode("Tom & Jerry &amp Co &;");
    ASSERT_EQ(d.lines.size(), 3u);
    EXPECT_EQ(d.lines[0], "x.xml:1:5: error: bare '&'; write &amp; for an ampersand");
    EXPECT_EQ(d.lines[1].substr(0, 11), "x.xml:1:13:");
    EXPECT_EQ(d.lines[2].substr(0, 11), "x.xml:1:21:");
}

TEST(Entities, InvalidCodePoints) {
    for (const char* raw : {"&#0;", "&#x1F;", "&#xD800;", "&#xFFFE;", "&#x110000;", "&#99999999999999;"}) {
        auto d = decode(raw);
        ASSERT_EQ(d.lines.size(), 1u) << raw;
        EXPECT_NE(d.lines[0].find("is not a valid XML character"), std::string::npos) << raw;
    }
    EXPECT_TRUE(decode("&#9;&#xA;&#x10FFFF;").lines.empty());
    EXPECT_NE(decode("&#x;").lines.at(0).find("malformed character reference"), std::string::npos);
}

TEST(Entities, LineEndsAndAttributeNormalisation) {
    EXPECT_EQ(decode("a\r\nb\rc").text, "a\nb\nc");
    EXPECT_EQ(decode("a\r\nb\tc\nd", true).text, "a b c d");
    EXPECT_EQ(decode("a&#10;b", true).text, "a\nb");  // a reference keeps its character
    EXPECT_EQ(decode("a<b", true).lines.size(), 1u);
    EXPECT_EQ(decode("x ]]> y").lines.size(), 1u);
}

TEST(Characters, InvalidUtf8StopsTheFile) {
    base::SourceMap sources;
    base::Sink sink;
    std::string bytes = "<a>ok\n caf\xE9</a>";
    uint32_t f = sources.add("x.xml", bytes);
    EXPECT_FALSE(check_characters(bytes, f, sink));
    auto lines = test::first_lines(sink, sources, "");
    ASSERT_EQ(lines.size(), 1u);
    EXPECT_EQ(lines[0], "x.xml:2:5: error: invalid UTF-8 byte 0xE9; manuscript files must be UTF-8");
    for (std::string bad : {"\xC0\x80", "\xED\xA0\x80", "\xF4\x90\x80\x80", "\xE2\x82"}) {
        base::Sink s2;
        EXPECT_FALSE(check_characters(bad, f, s2));
    }
}

TEST(Characters, ControlCharactersAreReportedEach) {
    base::SourceMap sources;
    base::Sink sink;
    std::string bytes = "a\x01 b\tc\n\x1F \xEF\xBF\xBF";
    uint32_t f = sources.add("x.xml", bytes);
    EXPECT_TRUE(check_characters(bytes, f, sink));
    auto lines = test::first_lines(sink, sources, "");
    ASSERT_EQ(lines.size(), 3u);
    EXPECT_EQ(lines[0], "x.xml:1:2: error: control character U+0001 is not allowed in XML");
    EXPECT_EQ(lines[1], "x.xml:2:1: error: control character U+001F is not allowed in XML");
    EXPECT_EQ(lines[2], "x.xml:2:3: error: control character U+FFFF is not allowed in XML");
}

TEST(Characters, EveryControlCharacterIsFoundWhereverItSits) {
    // The scan reads eight bytes at a time: a control character at any
    // offset of a long ASCII text (and every one of them) is reported.
    for (unsigned char control = 0x01; control < 0x20; ++control) {
        if (control == '\t' || control == '\n' || control == '\r') continue;
        for (size_t at = 0; at < 24; ++at) {
            std::string bytes(40, 'x');
            bytes[at] = static_cast<char>(control);
            base::Sink sink;
            EXPECT_TRUE(check_characters(bytes, 0, sink));
            ASSERT_EQ(sink.error_count(), 1u) << int(control) << " at " << at;
            EXPECT_EQ(sink.all()[0].span.offset, at);
        }
    }
    base::Sink clean;
    EXPECT_TRUE(check_characters(std::string(37, ' ') + "\t\n\r~ caf\u00E9 ~~~~~~~~~~~", 0, clean));
    EXPECT_EQ(clean.error_count(), 0u);
}

}  // namespace
}  // namespace bb::manuscript
