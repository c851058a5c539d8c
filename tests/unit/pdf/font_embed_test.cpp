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
