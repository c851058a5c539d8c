// pdf::embed_font's ToUnicode map, and its /W widths seen through a reader:
// words end where the layout measured them.
#include <gtest/gtest.h>

#include <cstdio>
#include <regex>

#include "pdf/font_embed.h"
#include "pdf/write.h"
#include "text/font_metrics.h"
#include "run_tool.h"

using namespace bb;
using bb::pdf::test::run;

namespace {
text::PdfFontProgram program_of(std::initializer_list<char32_t> cps) {
    text::PdfFontProgram p;
    for (char32_t cp : cps) p.glyphs.push_back({cp, 1, 500});
    return p;
}

}  // namespace

TEST(ToUnicode, OneRangePerRunWithinAHighByte) {
    std::string c = pdf::to_unicode_cmap(program_of({'A', 'B', 'C', 0xFE, 0xFF, 0x100, 0x101, 0x2014}));
    EXPECT_NE(c.find("4 beginbfrange\n<0041> <0043> <0041>\n<00FE> <00FF> <00FE>\n<0100> <0101> <0100>\n"
                     "<2014> <2014> <2014>\nendbfrange\n"),
              std::string::npos)
        << c;
    EXPECT_NE(c.find("<0000> <FFFF>"), std::string::npos);  // two-byte codes
}

// Short codes: ASCII in one byte, the rest up to U+7FFF in two (0x8000 +
// the code point); the ToUnicode map and the encoding CMap read them alike.
TEST(ToUnicode, ShortCodesMapOneAndTwoByteCodes) {
    auto p = program_of({'A', 'B', 0x7F, 0x80, 0xE9, 0x100, 0x2014, 0x7FFF});
    std::string c = pdf::to_unicode_cmap(p, true);
    EXPECT_NE(c.find("2 begincodespacerange\n<00> <7F>\n<8000> <FFFF>\nendcodespacerange"), std::string::npos) << c;
    EXPECT_NE(c.find("<41> <42> <0041>\n<7F> <7F> <007F>\n<8080> <8080> <0080>\n<80E9> <80E9> <00E9>\n"
                     "<8100> <8100> <0100>\n<A014> <A014> <2014>\n<FFFF> <FFFF> <7FFF>\n"),
              std::string::npos)
        << c;
    std::string e = pdf::encoding_cmap(p);
    EXPECT_NE(e.find("5 begincidrange\n<00> <7F> 0\n<8000> <80FF> 0\n<8100> <81FF> 256\n<A000> <A0FF> 8192\n"
                     "<FF00> <FFFF> 32512\nendcidrange"),
              std::string::npos)
        << e;
    EXPECT_TRUE(pdf::uses_short_codes({'a', 0x2014, 0x7FFF}));
    EXPECT_FALSE(pdf::uses_short_codes({'a', 0x8000}));  // CJK and the like keep Identity-H
    unsigned char b[2];
    EXPECT_EQ(pdf::short_code('(', b), 1);
    EXPECT_EQ(b[0], '(');
    EXPECT_EQ(pdf::short_code(0x2014, b), 2);
    EXPECT_EQ(b[0], 0xA0);
    EXPECT_EQ(b[1], 0x14);
}

TEST(ToUnicode, AtMostAHundredRangesABlock) {
    text::PdfFontProgram p;
    for (char32_t cp = 0x100; cp < 0x100 + 2 * 250; cp += 2) p.glyphs.push_back({cp, 1, 500});
    std::string c = pdf::to_unicode_cmap(p);
    EXPECT_NE(c.find("100 beginbfrange"), std::string::npos);
    EXPECT_NE(c.find("50 beginbfrange"), std::string::npos);
    EXPECT_EQ(c.find("101 beginbfrange"), std::string::npos);
}

TEST(PdfFontEmbed, WordsEndWhereTheLayoutMeasuredThem) {
    const std::string path = std::string(BB_SOURCE_DIR) + "/fonts/CharisSIL-Regular.ttf";
    auto font = text::Font::load(path);
    ASSERT_TRUE(font);
    typeset::PagedDoc doc;
    typeset::Page page;
    page.width = 400;
    page.height = 200;
    const std::string words = "Wafer “quiet” façade—jump";
    typeset::TextRun t;
    t.font = doc.font_index(path);
    t.size = 20;
    t.x = 30;
    t.y = 100;
    t.text = words;
    page.items.push_back(t);
    doc.pages.push_back(page);
    const std::string out = "/tmp/bb-font-embed-test.pdf";
    base::Sink sink;
    ASSERT_TRUE(pdf::write(doc, pdf::PdfInfo{}, out, sink));
    // pdftotext -bbox: the last word's right edge comes from the /W widths.
    std::string html = run("pdftotext -bbox " + out + " -");
    std::remove(out.c_str());
    std::smatch m;
    ASSERT_TRUE(std::regex_search(html, m, std::regex("xMax=\"([0-9.]+)\"[^>]*>façade—jump<"))) << html;
    const double expected = 30 + font->width(words, 20, /*kerning=*/false);
    EXPECT_NEAR(std::stod(m[1]), expected, 0.05) << html;
}
