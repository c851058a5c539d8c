// The EPUB writer end to end on a hand-built book: container layout,
// reproducibility, package metadata, content semantics, CSS from the sheet.
#include "epub/write.h"

#include <gtest/gtest.h>

#include "fixture.h"

namespace bb::epub {
namespace {

using namespace testing;

std::string build(const model::Book& book, const style::Sheet& sheet, int64_t epoch = 1764288000,
                  unsigned jobs = 0) {
    base::Sink sink;
    WriteOptions o;
    o.build_epoch = epoch;
    o.jobs = jobs;
    o.manuscript_dir = BB_SOURCE_DIR "/tests/unit/epub";
    auto bytes = write(book, sheet, o, sink);
    for (const auto& d : sink.all()) ADD_FAILURE() << d.message;
    return bytes.value_or("");
}

bool contains(const std::string& hay, const std::string& needle) { return hay.find(needle) != std::string::npos; }

TEST(EpubWrite, MimetypeFirstStoredWithoutExtraField) {
    std::string bytes = build(make_book(), make_sheet());
    ASSERT_GT(bytes.size(), 60u);
    EXPECT_EQ(bytes.substr(0, 4), std::string("PK\x03\x04", 4));
    EXPECT_EQ(bytes.substr(30, 28), "mimetypeapplication/epub+zip");
    EXPECT_EQ(bytes[28], 0);  // extra field length, low byte
    EXPECT_EQ(bytes[29], 0);
    Unzipped z = unzip(bytes);
    ASSERT_GE(z.order.size(), 4u);
    EXPECT_EQ(z.order[0], "mimetype");
    EXPECT_EQ(z.method["mimetype"], ZIP_CM_STORE);
    EXPECT_EQ(z.order[1], "META-INF/container.xml");
    EXPECT_EQ(z.order[2], "OEBPS/content.opf");
    EXPECT_EQ(z.method["OEBPS/content.opf"], ZIP_CM_DEFLATE);
}

TEST(EpubWrite, SameInputSameBytesAndDateMatters) {
    std::string a = build(make_book(), make_sheet(), 1764288000);
    std::string b = build(make_book(), make_sheet(), 1764288000);
    std::string c = build(make_book(), make_sheet(), 1764288000 + 86400);
    EXPECT_EQ(a, b);
    EXPECT_NE(a, c);
    EXPECT_TRUE(contains(unzip(a).files["OEBPS/content.opf"], ">2025-11-28T00:00:00Z</meta>"));
}

TEST(EpubWrite, PackageMetadataAndAccessibilityWithoutImages) {
    std::string opf = unzip(build(make_book(), make_sheet())).files["OEBPS/content.opf"];
    EXPECT_TRUE(contains(opf, "<dc:title id=\"title\">Test &amp; &lt;Book&gt;</dc:title>"));
    EXPECT_TRUE(contains(opf, "title-type\">subtitle</meta>"));
    EXPECT_TRUE(contains(opf, "<dc:creator id=\"creator-1\">Ann Author</dc:creator>"));
    EXPECT_TRUE(contains(opf, "<dc:creator id=\"creator-2\">Ed Editor</dc:creator>"));
    EXPECT_TRUE(contains(opf, "scheme=\"marc:relators\">edt</meta>"));
    EXPECT_TRUE(contains(opf, "<dc:subject>Men's work</dc:subject>"));
    EXPECT_TRUE(contains(opf, "<dc:date>2026-11-28</dc:date>"));
    EXPECT_TRUE(contains(opf, "schema:accessMode\">textual</meta>"));
    EXPECT_FALSE(contains(opf, "schema:accessMode\">visual"));
    EXPECT_FALSE(contains(opf, "alternativeText"));
    EXPECT_TRUE(contains(opf, "accessibilityFeature\">structuralNavigation"));
    EXPECT_TRUE(contains(opf, "accessibilityHazard\">none"));
    EXPECT_TRUE(contains(opf, "It contains no images."));
    // Manifest ids are NCNames even for a guide id that starts with a digit.
    EXPECT_TRUE(contains(opf, "id=\"x-2nd-guide\" href=\"text/2nd-guide.xhtml\""));
    EXPECT_TRUE(contains(opf, "media-type=\"font/ttf\""));
}

TEST(EpubWrite, ImagesMakeTheBookVisualAndAltTextIsDerived) {
    model::Book book = make_book();
    book.guides[0].sections[0].blocks.push_back(figure("pixel.png", "A single pixel"));
    Unzipped z = unzip(build(book, make_sheet()));
    std::string opf = z.files["OEBPS/content.opf"];
    EXPECT_TRUE(contains(opf, "schema:accessMode\">visual"));
    EXPECT_TRUE(contains(opf, "accessibilityFeature\">alternativeText"));
    EXPECT_TRUE(contains(opf, "href=\"images/pixel.png\" media-type=\"image/png\""));
    EXPECT_EQ(z.method["OEBPS/images/pixel.png"], ZIP_CM_STORE);
    EXPECT_TRUE(contains(z.files["OEBPS/text/pulling-away.xhtml"], "<img src=\"../images/pixel.png\" alt=\"A single pixel\"/>"));

    book.guides[0].sections[0].blocks.back().alt = "";
    opf = unzip(build(book, make_sheet())).files["OEBPS/content.opf"];
    EXPECT_FALSE(contains(opf, "alternativeText"));
    EXPECT_FALSE(contains(opf, "accessModeSufficient\">textual</meta>"));
    EXPECT_TRUE(contains(opf, "1 of 1 images have no text alternative"));
}

// "a pixel.png" and "a-pixel.png" have one URL-safe form: the first used
// keeps it, the other is numbered. The chapters are written on several
// threads, each with its own names; the writer must still give the names of
// reading order (and the same bytes on one thread as on two).
TEST(EpubWrite, ClashingImageNamesFollowReadingOrderOnAnyThreads) {
    model::Book book = make_book();
    book.guides[0].sections[0].blocks.push_back(figure("a pixel.png", "A pixel"));
    book.guides[1].sections[0].blocks.push_back(figure("a-pixel.png", "A pixel"));
    const std::string two = build(book, make_sheet(), 1764288000, 2);
    EXPECT_EQ(build(book, make_sheet(), 1764288000, 1), two);
    Unzipped z = unzip(two);
    EXPECT_TRUE(contains(z.files["OEBPS/text/pulling-away.xhtml"], "<img src=\"../images/a-pixel.png\""));
    size_t second = 0;
    for (const auto& [name, data] : z.files)
        if (name != "OEBPS/text/pulling-away.xhtml" && contains(data, "<img src=\"../images/a-pixel-2.png\"")) ++second;
    EXPECT_EQ(second, 1u) << "the second guide's figure is numbered";
    EXPECT_TRUE(z.files.count("OEBPS/images/a-pixel.png") && z.files.count("OEBPS/images/a-pixel-2.png"));
}

TEST(EpubWrite, MissingImageIsAnErrorAndNothingIsProduced) {
    model::Book book = make_book();
    book.guides[0].sections[0].blocks.push_back(figure("missing.png", "x"));
    base::Sink sink;
    WriteOptions o;
    o.manuscript_dir = BB_SOURCE_DIR "/tests/unit/epub";
    EXPECT_FALSE(write(book, make_sheet(), o, sink).has_value());
    ASSERT_EQ(sink.error_count(), 1u);
    EXPECT_TRUE(contains(sink.all()[0].message, "cannot read this image"));
}

TEST(EpubWrite, GuideContentIsSemantic) {
    Unzipped z = unzip(build(make_book(), make_sheet()));
    std::string g = z.files["OEBPS/text/pulling-away.xhtml"];
    EXPECT_TRUE(contains(g, "epub:type=\"chapter\" role=\"doc-chapter\""));
    EXPECT_TRUE(contains(g, "<span class=\"callout-label\">The myth</span> <span class=\"callout-title\">he\u2019s losing interest</span>"));
    EXPECT_TRUE(contains(g, "epub:type=\"qna\" role=\"doc-qna\""));
    EXPECT_TRUE(contains(g, "<h3 class=\"question\" id=\"q_1\">Should I give him space?</h3>"));
    EXPECT_FALSE(contains(g, "pulling-away--books"));  // the empty books section is left out
    EXPECT_TRUE(contains(g, "<a href=\"directory.xhtml#1st-coach\">First Coach</a>"));
    EXPECT_TRUE(contains(g, "<a href=\"2nd-guide.xhtml\">Second guide</a>"));
    EXPECT_TRUE(contains(g, "<h3>A subsection</h3>"));
    std::string g2 = z.files["OEBPS/text/2nd-guide.xhtml"];
    EXPECT_TRUE(contains(g2, "<a href=\"pulling-away.xhtml#mechanics\">The attachment mechanics</a>"));
    EXPECT_TRUE(contains(g2, "<a href=\"https://example.org/a?b=1&amp;c=2\" class=\"external\">this</a>"));
    EXPECT_TRUE(contains(g2, "epub:type=\"bibliography\" role=\"doc-bibliography\""));
    EXPECT_TRUE(contains(g2, "<cite>Attached</cite>, Amir Levine (2010)."));
}

TEST(EpubWrite, DirectoryEndsWithBrowseByTopic) {
    Unzipped z = unzip(build(make_book(), make_sheet()));
    std::string d = z.files["OEBPS/text/directory.xhtml"];
    EXPECT_TRUE(contains(d, "epub:type=\"appendix\" role=\"doc-appendix\""));
    size_t by = d.find("Browse by topic");
    ASSERT_NE(by, std::string::npos);
    EXPECT_GT(by, d.find("First Coach"));
    EXPECT_TRUE(contains(d, "<section id=\"attachment\" class=\"topic\">"));
    EXPECT_FALSE(contains(d, "id=\"unused\""));  // a topic nothing uses is left out
    EXPECT_TRUE(contains(d, "<a href=\"pulling-away.xhtml\">Why he pulls away</a>"));
    EXPECT_TRUE(contains(d, "<a href=\"https://coach.example/\" class=\"external\">coach.example</a>"));
}

TEST(EpubWrite, NavListsGuidesSectionsAndLandmarks) {
    Unzipped z = unzip(build(make_book(), make_sheet()));
    std::string nav = z.files["OEBPS/text/nav.xhtml"];
    for (const char* href : {"pulling-away.xhtml", "pulling-away.xhtml#mechanics", "pulling-away.xhtml#pulling-away--s1-1",
                             "2nd-guide.xhtml", "2nd-guide.xhtml#2nd-guide--s1", "directory.xhtml#by_topic"})
        EXPECT_TRUE(contains(nav, std::string("href=\"") + href + "\"")) << href;
    EXPECT_TRUE(contains(nav, "epub:type=\"toc\" role=\"doc-toc\""));
    EXPECT_TRUE(contains(nav, "<a epub:type=\"bodymatter\" href=\"pulling-away.xhtml\">"));
    EXPECT_TRUE(contains(nav, "<a epub:type=\"appendix\" href=\"directory.xhtml\">"));
    std::string ncx = z.files["OEBPS/toc.ncx"];
    EXPECT_TRUE(contains(ncx, "<content src=\"text/pulling-away.xhtml#mechanics\"/>"));
    EXPECT_TRUE(contains(ncx, "content=\"urn:uuid:6f1c2a8e-4b7d-4c1e-9a35-2d8e7f0b5c41\""));
}

TEST(EpubWrite, CssFollowsTheSheet) {
    style::Sheet sheet = make_sheet();
    std::string css = unzip(build(make_book(), sheet)).files["OEBPS/css/book.css"];
    EXPECT_TRUE(contains(css, "font-size: 2rem;"));        // guide 20pt on 10pt text
    EXPECT_TRUE(contains(css, "line-height: 1.35;"));      // 13.5 / 10
    EXPECT_TRUE(contains(css, "text-indent: 1rem;"));
    EXPECT_TRUE(contains(css, "break-after: avoid;"));
    EXPECT_TRUE(contains(css, "break-inside: avoid;"));
    EXPECT_TRUE(contains(css, "background-color: #f4ede7;"));
    EXPECT_TRUE(contains(css, "src: url(\"../fonts/DejaVuSerif-BoldItalic.ttf\") format(\"truetype\");"));
    EXPECT_FALSE(contains(css, "DejaVuSans-Oblique"));  // a face the style does not give is not embedded
    sheet.guide.size = 24;
    sheet.myth.background = {0x12, 0x34, 0x56};
    sheet.myth.label = "Le mythe";
    Unzipped z = unzip(build(make_book(), sheet));
    EXPECT_TRUE(contains(z.files["OEBPS/css/book.css"], "font-size: 2.4rem;"));
    EXPECT_TRUE(contains(z.files["OEBPS/css/book.css"], "background-color: #123456;"));
    EXPECT_TRUE(contains(z.files["OEBPS/text/pulling-away.xhtml"], ">Le mythe</span>"));
}

TEST(EpubWrite, TextIsEscapedWhateverItContains) {
    model::Book book = make_book();
    book.guides[0].sections[0].blocks = {para("a < b & c > d \"q\" \x01 bad\xff utf8 \xEF\xBF\xBD ok ]]>")};
    std::string g = unzip(build(book, make_sheet())).files["OEBPS/text/pulling-away.xhtml"];
    EXPECT_TRUE(contains(g, "<p>a &lt; b &amp; c &gt; d \"q\" \xEF\xBF\xBD bad\xEF\xBF\xBD utf8 \xEF\xBF\xBD ok ]]&gt;</p>"));
}

TEST(EpubWrite, UnknownRefTargetIsAnError) {
    model::Book book = make_book();
    book.guides[1].sections[0].blocks[0].content[1].target = "nowhere";
    base::Sink sink;
    EXPECT_FALSE(write(book, make_sheet(), {}, sink).has_value());
    EXPECT_EQ(sink.error_count(), 1u);
}

}  // namespace
}  // namespace bb::epub
