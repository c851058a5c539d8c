// Characters used, font subsetting and the embedding of fallback families only when the
// book needs them; image names in the container.
#include <gtest/gtest.h>

#include "base/atomic_file.h"
#include "epub/coverage.h"
#include "epub/write.h"
#include "fixture.h"
#include "text/font_metrics.h"

namespace bb::epub {
namespace {

using namespace testing;

std::string read(const std::string& path) {
    std::string data;
    EXPECT_TRUE(base::read_file(path, data)) << path;
    return data;
}

TEST(EpubCoverage, CharactersUsedSkipsAsciiAndSpaces) {
    auto used = characters_used("Caf\u00e9 \u00a0\u2014 abc \u26A0");
    EXPECT_EQ(used, (std::set<char32_t>{U'é', U'\u2014', U'\u26A0'}));
}

style::Sheet charis_sheet() {
    style::Sheet s = make_sheet();
    style::FontFamily charis{"serif", "/usr/share/fonts/truetype/charis/CharisSIL-Regular.ttf", "", "", "", false,
                             false, false};
    charis.italic = charis.bold = charis.bold_italic = charis.regular;
    style::FontFamily dejavu{"dejavu-sans", "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", "", "", "", false,
                             false, false};
    dejavu.italic = dejavu.bold = dejavu.bold_italic = dejavu.regular;
    s.fonts = {{"serif", charis}, {"dejavu-sans", dejavu}};
    s.fallback = {"dejavu-sans"};
    for (auto* f : {&s.text.font, &s.part.font, &s.guide.font, &s.section.font, &s.subsection.font,
                    &s.faq.question_font})
        *f = "serif";
    return s;
}

Unzipped build(const model::Book& book, const style::Sheet& sheet) {
    base::Sink sink;
    WriteOptions o;
    o.manuscript_dir = BB_SOURCE_DIR "/tests/unit/epub";
    auto bytes = write(book, sheet, o, sink);
    for (const auto& d : sink.all()) ADD_FAILURE() << d.message;
    return unzip(bytes.value_or(""));
}

TEST(EpubFonts, FallbackEmbeddedOnlyWhenTheTextNeedsIt) {
    model::Book book = make_book();
    Unzipped plain = build(book, charis_sheet());
    EXPECT_EQ(plain.files.count("OEBPS/fonts/DejaVuSans.ttf"), 0u);
    EXPECT_EQ(plain.files.count("OEBPS/fonts/CharisSIL-Regular.ttf"), 1u);
    EXPECT_EQ(plain.files["OEBPS/css/book.css"].find("bb-dejavu-sans"), std::string::npos);

    book.guides[0].sections[0].blocks.push_back(para("Careful \u26A0 here."));
    Unzipped warned = build(book, charis_sheet());
    EXPECT_EQ(warned.files.count("OEBPS/fonts/DejaVuSans.ttf"), 1u);
    EXPECT_NE(warned.files["OEBPS/css/book.css"].find("font-family: \"bb-serif\", \"bb-dejavu-sans\", serif;"),
              std::string::npos);
    EXPECT_NE(warned.files["OEBPS/content.opf"].find("href=\"fonts/DejaVuSans.ttf\" media-type=\"font/ttf\""),
              std::string::npos);
}

/// The characters a font file embedded in the EPUB maps (written out and
/// loaded back).
std::unique_ptr<text::Font> embedded_font(const std::string& data, const std::string& name) {
    std::string path = ::testing::TempDir() + "/bb-epub-" + name;
    EXPECT_EQ(base::write_file_atomically(path, data), "");
    return text::Font::load(path);
}

TEST(EpubFonts, AFallbackFaceCarriesOnlyWhatTheMainFacesLack) {
    model::Book book = make_book();
    book.guides[0].sections[0].blocks.push_back(para("Careful \u26A0 here."));
    Unzipped z = build(book, charis_sheet());
    auto fallback = embedded_font(z.files["OEBPS/fonts/DejaVuSans.ttf"], "fallback.ttf");
    ASSERT_NE(fallback, nullptr);
    EXPECT_TRUE(fallback->has_glyph(U'\u26A0'));
    EXPECT_TRUE(fallback->has_glyph(U' '));
    for (char32_t c : {U'C', U'e', U'.'}) EXPECT_FALSE(fallback->has_glyph(c)) << static_cast<uint32_t>(c);
    auto main = embedded_font(z.files["OEBPS/fonts/CharisSIL-Regular.ttf"], "main.ttf");
    ASSERT_NE(main, nullptr);
    EXPECT_TRUE(main->has_glyph(U'C'));

    // A combining mark the main face lacks may be drawn with its base from
    // the fallback: then the fallback keeps every character.
    book.guides[0].sections[0].blocks.push_back(para("x\u20DD"));
    Unzipped marked = build(book, charis_sheet());
    auto whole = embedded_font(marked.files["OEBPS/fonts/DejaVuSans.ttf"], "marked.ttf");
    ASSERT_NE(whole, nullptr);
    EXPECT_TRUE(whole->has_glyph(U'C'));
}

TEST(EpubFonts, OnlyTheSpacesTheBookUsesDecideAFallback) {
    // Open Sans has no narrow no-break space (U+202F); DejaVu Sans has.
    style::Sheet sheet = charis_sheet();
    style::FontFamily sans{"sans", BB_SOURCE_DIR "/fonts/OpenSans-Regular.ttf", "", "", "", false, false, false};
    sans.italic = sans.bold = sans.bold_italic = sans.regular;
    sheet.fonts["sans"] = sans;
    for (auto* f : {&sheet.text.font, &sheet.part.font, &sheet.guide.font, &sheet.section.font,
                    &sheet.subsection.font, &sheet.faq.question_font})
        *f = "sans";
    model::Book book = make_book();
    Unzipped plain = build(book, sheet);
    EXPECT_EQ(plain.files.count("OEBPS/fonts/DejaVuSans.ttf"), 0u);
    book.guides[0].sections[0].blocks.push_back(para("10\u202F%"));
    Unzipped spaced = build(book, sheet);
    ASSERT_EQ(spaced.files.count("OEBPS/fonts/DejaVuSans.ttf"), 1u);
    auto fallback = embedded_font(spaced.files["OEBPS/fonts/DejaVuSans.ttf"], "spaced.ttf");
    ASSERT_NE(fallback, nullptr);
    EXPECT_TRUE(fallback->has_glyph(U'\u202F'));
    EXPECT_FALSE(fallback->has_glyph(U'1'));
}

TEST(EpubFonts, EmbeddedFacesAreSubsetToTheBooksCharacters) {
    model::Book book = make_book();
    book.guides[0].sections[0].blocks.push_back(para("Caf\u00e9 \u0141\u00f3d\u017a \u2014 done."));
    Unzipped z = build(book, charis_sheet());
    const std::string& embedded = z.files["OEBPS/fonts/CharisSIL-Regular.ttf"];
    const std::string whole = read("/usr/share/fonts/truetype/charis/CharisSIL-Regular.ttf");
    ASSERT_FALSE(embedded.empty());
    EXPECT_LT(embedded.size() * 5, whole.size());  // a subset, not the whole file
    // The subset is still a font with every character the book shows.
    std::string path = ::testing::TempDir() + "/bb-epub-subset.ttf";
    ASSERT_EQ(base::write_file_atomically(path, embedded), "");
    auto font = text::Font::load(path);
    ASSERT_NE(font, nullptr);
    for (char32_t c : {U'C', U'\u00e9', U'\u0141', U'\u017a', U'\u2014', U'z', U'~'}) EXPECT_TRUE(font->has_glyph(c)) << static_cast<uint32_t>(c);
    EXPECT_FALSE(font->has_glyph(U'\u0416'));  // Cyrillic the book does not use
}

TEST(EpubImages, ContainerNamesAreUrlSafe) {
    model::Book book = make_book();
    book.guides[0].sections[0].blocks.push_back(figure("a pixel.png", "A pixel"));
    Unzipped z = build(book, make_sheet());
    EXPECT_EQ(z.files.count("OEBPS/images/a-pixel.png"), 1u);
    EXPECT_NE(z.files["OEBPS/text/pulling-away.xhtml"].find("src=\"../images/a-pixel.png\""), std::string::npos);
}

TEST(EpubLinks, AnEmptyMailtoLinkShowsTheAddress) {
    model::Book book = make_book();
    model::Block p;
    p.content = {{model::InlineKind::Link, "", "mailto:help@example.org", {}, {}}};
    book.guides[0].sections[0].blocks.push_back(p);
    Unzipped z = build(book, make_sheet());
    EXPECT_NE(z.files["OEBPS/text/pulling-away.xhtml"].find(
                  "<a href=\"mailto:help@example.org\" class=\"external\">help@example.org</a>"),
              std::string::npos);
}

}  // namespace
}  // namespace bb::epub
