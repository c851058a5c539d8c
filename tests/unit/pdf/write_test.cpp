// pdf::write on hand-made PagedDocs, checked with the tools a reader's
// machine would use: qpdf --check, pdffonts, pdftotext.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <string>

#include "base/atomic_file.h"
#include "pdf/write.h"
#include "run_tool.h"

using namespace bb;
using bb::pdf::test::run;
using typeset::PagedDoc;

namespace {

std::string font(const char* name) { return std::string(BB_SOURCE_DIR) + "/fonts/" + name; }

struct TempPdf {
    std::string path;
    TempPdf() {
        char tmpl[] = "/tmp/bb-pdf-test-XXXXXX";
        int fd = mkstemp(tmpl);
        close(fd);
        path = std::string(tmpl);
    }
    ~TempPdf() { unlink(path.c_str()); }
};

typeset::TextRun text(uint32_t f, double x, double y, std::string s) {
    typeset::TextRun t;
    t.font = f;
    t.size = 11;
    t.x = x;
    t.y = y;
    t.text = std::move(s);
    t.color = {0x1a, 0x1a, 0x1a};
    return t;
}

PagedDoc sample() {
    PagedDoc doc;
    uint32_t serif = doc.font_index(font("CharisSIL-Regular.ttf"));
    uint32_t sans = doc.font_index(font("OpenSans-Bold.ttf"));
    doc.font_index(font("DejaVuSerif-Bold.ttf"));  // never used: must not be embedded
    for (int p = 0; p < 3; ++p) {
        typeset::Page page;
        page.width = 419.5;
        page.height = 595.3;
        page.label = std::to_string(p + 1);
        page.items.push_back(typeset::Rect{40, 40, 300, 60, {0xf4, 0xed, 0xe7}});
        page.items.push_back(typeset::Line{40, 40, 40, 100, 2, {0x8a, 0x33, 0x24}});
        page.items.push_back(text(sans, 50, 60, "Chapter " + std::to_string(p + 1) + " — “Łódź”"));
        page.items.push_back(text(serif, 50, 120, "German: Müller-Straße, Größenordnung."));
        page.items.push_back(text(serif, 50, 140, "French: « Bonjour », dit-il ; café, œuvre."));
        page.items.push_back(text(serif, 50, 160, "Polish: przedsiębiorstwo, źdźbło, żółć."));
        page.items.push_back(text(serif, 50, 180, "Greek: πανεπιστήμιο, Ελληνικά."));
        page.items.push_back(text(serif, 50, 200, "Cyrillic: Съешь же ещё этих мягких булок."));
        page.items.push_back(text(serif, 50, 220, "soft\u00ADhyphen gone"));
        doc.pages.push_back(page);
        doc.anchors["ch" + std::to_string(p)] = {static_cast<size_t>(p), 40};
        doc.outline.push_back({"Chapter " + std::to_string(p + 1) + " “Łódź”", 0, "ch" + std::to_string(p)});
    }
    doc.outline.push_back({"Inner", 1, "ch2"});
    doc.links.push_back({0, 50, 110, 100, 14, "https://example.org/ü", ""});
    doc.links.push_back({0, 50, 130, 100, 14, "", "ch2"});
    doc.labels.push_back({0, typeset::LabelStyle::LowerRoman, 1});
    doc.labels.push_back({1, typeset::LabelStyle::Decimal, 1});
    return doc;
}

pdf::PdfInfo info() {
    pdf::PdfInfo i;
    i.title = "Tëst “Book”";
    i.author = "Łukasz Żółć";
    i.subject = "Subject";
    i.keywords = "a, b";
    i.epoch = 1700000000;
    i.lang = "de-AT";
    return i;
}

}  // namespace

TEST(PdfWrite, ValidEmbeddedAndExtractable) {
    base::Sink sink;
    TempPdf out;
    ASSERT_TRUE(pdf::write(sample(), info(), out.path, sink));
    EXPECT_FALSE(sink.has_errors());
    std::string check = run("qpdf --check " + out.path);
    EXPECT_NE(check.find("No syntax or stream encoding errors found"), std::string::npos) << check;

    std::string fonts = run("pdffonts " + out.path);
    // header (2 lines) + exactly the two used faces
    int lines = 0;
    for (char c : fonts) lines += c == '\n';
    EXPECT_EQ(lines, 4) << fonts;
    EXPECT_EQ(fonts.find(" no "), std::string::npos) << fonts;  // emb/sub/uni all yes
    EXPECT_NE(fonts.find("CharisSIL"), std::string::npos) << fonts;
    EXPECT_EQ(fonts.find("DejaVu"), std::string::npos) << fonts;

    std::string txt = run("pdftotext -enc UTF-8 " + out.path + " -");
    for (const char* s : {"Chapter 1 — “Łódź”", "Müller-Straße, Größenordnung.", "« Bonjour », dit-il ; café, œuvre.",
                          "przedsiębiorstwo, źdźbło, żółć.", "πανεπιστήμιο, Ελληνικά.",
                          "Съешь же ещё этих мягких булок.", "softhyphen gone"})
        EXPECT_NE(txt.find(s), std::string::npos) << s << "\n" << txt;
    EXPECT_EQ(txt.find("Warning"), std::string::npos) << txt;  // valid ToUnicode
}

TEST(PdfWrite, InfoOutlineLinksLabels) {
    base::Sink sink;
    TempPdf out;
    ASSERT_TRUE(pdf::write(sample(), info(), out.path, sink));
    std::string pi = run("pdfinfo " + out.path);
    EXPECT_NE(pi.find("Tëst “Book”"), std::string::npos) << pi;
    EXPECT_NE(pi.find("Łukasz Żółć"), std::string::npos) << pi;
    EXPECT_NE(pi.find("bookbuild " BOOKBUILD_VERSION), std::string::npos) << pi;
    EXPECT_NE(pi.find("Pages:           3"), std::string::npos) << pi;
    EXPECT_NE(pi.find("2023"), std::string::npos) << pi;  // CreationDate from the epoch (2023-11-14)
    std::string qdf = run("qpdf --qdf --object-streams=disable " + out.path + " - | tr -d '\\r'");
    EXPECT_NE(qdf.find("/URI (https://example.org/%C3%BC)"), std::string::npos);
    EXPECT_NE(qdf.find("/PageLabels"), std::string::npos);
    EXPECT_NE(qdf.find("/Lang (de-AT)"), std::string::npos);
    EXPECT_NE(qdf.find("/S /r"), std::string::npos);
    EXPECT_NE(qdf.find("/Outlines"), std::string::npos);
    EXPECT_NE(qdf.find("/ID ["), std::string::npos);
    auto border = qdf.find("/Border");
    ASSERT_NE(border, std::string::npos);
    EXPECT_EQ(qdf.substr(border, 28), "/Border [\n    0\n    0\n    0\n") << qdf.substr(border, 40);
}

// The outline and links are raw dictionaries (navigation.h): read back by
// qpdf, the tree nests by level (a jump of two levels is one), entries and
// links to unknown anchors are left out, titles keep every character but
// the soft hyphen, a URI keeps its parentheses, and the page streams, last
// in the file, still belong to their pages.
TEST(PdfWrite, OutlineNestsAndLinksGoWhereTheySay) {
    PagedDoc doc = sample();
    doc.outline = {{"A", 0, "ch0"},    {"A.1", 1, "ch0"},        {"A.2 so\u00ADft", 1, "ch1"},
                   {"A.2.x", 2, "ch1"}, {"lost", 0, "nowhere"}, {"B \U0001F600", 0, "ch2"},
                   {"B.1", 3, "ch2"}};
    doc.links.push_back({1, 50, 150, 100, 14, "https://example.org/a_(b)\\c", ""});
    doc.links.push_back({1, 50, 170, 100, 14, "", "nowhere"});
    doc.links.push_back({2, 50, 190, 100, 14, "", "ch0"});
    base::Sink sink;
    TempPdf out;
    ASSERT_TRUE(pdf::write(doc, info(), out.path, sink));
    std::string check = run("qpdf --check " + out.path);
    EXPECT_NE(check.find("No syntax or stream encoding errors found"), std::string::npos) << check;
    const std::string summary = run("qpdf --json " + out.path + R"( | python3 -c '
import json, sys
d = json.load(sys.stdin)
def tree(items):
    return ",".join("%s@%d" % (i["title"], i["destpageposfrom1"]) + ("[%s]" % tree(i["kids"]) if i["kids"] else "")
                    for i in items)
print(tree(d["outlines"]))
objs = d["qpdf"][1]
pages = [p["object"] for p in d["pages"]]
for n, p in enumerate(d["pages"]):
    for a in objs["obj:" + p["object"]]["value"].get("/Annots", []):
        v = objs["obj:" + a]["value"]
        to = v["/A"]["/URI"] if "/A" in v else "page %d" % (pages.index(v["/Dest"][0]) + 1)
        print(n + 1, to, v["/Rect"])
')");
    EXPECT_EQ(summary,
              "A@1[A.1@1,A.2 soft@2[A.2.x@2]],B \U0001F600@3[B.1@3]\n"
              "1 u:https://example.org/%C3%BC [50, 471.3, 150, 485.3]\n"
              "1 page 3 [50, 451.3, 150, 465.3]\n"
              "2 u:https://example.org/a_(b)\\c [50, 431.3, 150, 445.3]\n"
              "3 page 1 [50, 391.3, 150, 405.3]\n")
        << summary;
    std::string txt = run("pdftotext -enc UTF-8 " + out.path + " -");
    EXPECT_EQ(txt.find("Chapter 1"), txt.rfind("Chapter 1")) << txt;
    EXPECT_LT(txt.find("Chapter 1"), txt.find("Chapter 3")) << txt;
}

TEST(PdfWrite, ByteIdenticalAndContentDerivedId) {
    base::Sink sink;
    auto a = pdf::render(sample(), info(), sink);
    auto b = pdf::render(sample(), info(), sink);
    ASSERT_TRUE(a && b);
    EXPECT_EQ(*a, *b);
    PagedDoc changed = sample();
    std::get<typeset::TextRun>(changed.pages[0].items[3]).text = "German: different.";
    auto c = pdf::render(changed, info(), sink);
    ASSERT_TRUE(c);
    auto id_of = [](const std::string& pdf) {
        auto at = pdf.rfind("/ID");
        return at == std::string::npos ? std::string() : pdf.substr(at, 80);
    };
    EXPECT_FALSE(id_of(*a).empty());
    EXPECT_NE(id_of(*a), id_of(*c));
}

// The id is written once every page's stream is made (the save reads the
// streams as the threads make them): a document of no pages still gets
// one derived from what it has, not the placeholder.
TEST(PdfWrite, ADocumentOfNoPagesHasAnIdToo) {
    base::Sink sink;
    PagedDoc empty = sample();
    empty.pages.clear();
    empty.links.clear();
    empty.outline.clear();
    empty.labels.clear();
    pdf::PdfInfo other = info();
    other.title = "Another";
    auto a = pdf::render(empty, info(), sink);
    auto b = pdf::render(empty, other, sink);
    ASSERT_TRUE(a && b);
    auto id_of = [](const std::string& pdf) {
        auto at = pdf.rfind("/ID");
        return at == std::string::npos ? std::string() : pdf.substr(at, 80);
    };
    ASSERT_FALSE(id_of(*a).empty());
    EXPECT_NE(id_of(*a), id_of(*b));
    EXPECT_EQ(id_of(*a).find("<00000000000000000000000000000000>"), std::string::npos);  // libharu writes it in hex
}

TEST(PdfWrite, SubsetFontsKeepFilesSmall) {
    base::Sink sink;
    auto bytes = pdf::render(sample(), info(), sink);
    ASSERT_TRUE(bytes);
    // Two faces, a few dozen glyphs each: without hb-subset this is ~90 KB.
    EXPECT_LT(bytes->size(), 40000u);
}

TEST(PdfWrite, MissingFontIsAnErrorNotACrash) {
    PagedDoc doc = sample();
    doc.fonts[0] = "/nonexistent/font.ttf";
    base::Sink sink;
    EXPECT_FALSE(pdf::render(doc, info(), sink));
    ASSERT_TRUE(sink.has_errors());
    EXPECT_EQ(sink.all()[0].file, "/nonexistent/font.ttf");
}

TEST(PdfWrite, FailedWriteLeavesOldFile) {
    TempPdf out;
    ASSERT_EQ(base::write_file_atomically(out.path, "old"), "");
    PagedDoc doc = sample();
    doc.fonts[1] = "/nonexistent/font.ttf";
    base::Sink sink;
    EXPECT_FALSE(pdf::write(doc, info(), out.path, sink));
    std::string content;
    ASSERT_TRUE(base::read_file(out.path, content));
    EXPECT_EQ(content, "old");
}

// A face that draws a character from U+8000 up (here the ligature ﬁ,
// U+FB01) keeps Identity-H's two-byte codes; the others get short codes;
// both extract.
TEST(PdfWrite, FacesBeyondU8000KeepIdentityH) {
    PagedDoc doc = sample();
    std::get<typeset::TextRun>(doc.pages[0].items[3]).text = "German: \uFB01ne Stra\u00DFe.";
    base::Sink sink;
    TempPdf out;
    ASSERT_TRUE(pdf::write(doc, info(), out.path, sink));
    EXPECT_FALSE(sink.has_errors());
    const std::string fonts = run("pdffonts " + out.path);
    auto line_of = [&](const std::string& face) {
        const size_t at = fonts.find("+" + face + " ");
        return at == std::string::npos ? std::string() : fonts.substr(at, fonts.find('\n', at) - at);
    };
    EXPECT_NE(line_of("CharisSIL").find("Identity-H"), std::string::npos) << fonts;
    EXPECT_NE(line_of("OpenSans-Bold").find("Custom"), std::string::npos) << fonts;  // short codes
    std::string txt = run("pdftotext -enc UTF-8 " + out.path + " -");
    EXPECT_NE(txt.find("German: \uFB01ne Stra\u00DFe."), std::string::npos) << txt;
    EXPECT_NE(txt.find("Chapter 1 — “Łódź”"), std::string::npos) << txt;
    EXPECT_NE(run("qpdf --check " + out.path).find("No syntax or stream encoding errors"), std::string::npos);
}

TEST(PdfWrite, KerningIsWrittenAsTjAndStillExtracts) {
    PagedDoc doc = sample();
    auto& tr = std::get<typeset::TextRun>(doc.pages[0].items[3]);
    tr.text = "AVATAR To Wo";
    tr.kerning = {{0, -80}, {1, -70}, {7, -60}};
    base::Sink sink;
    TempPdf out;
    ASSERT_TRUE(pdf::write(doc, info(), out.path, sink));
    std::string qdf = run("qpdf --qdf --object-streams=disable " + out.path + " -");
    // The face draws only Latin text: short codes, one byte a letter.
    EXPECT_NE(qdf.find("[(A) 80 (V) 70 (ATAR T) 60 (o Wo)] TJ"), std::string::npos)
        << qdf.substr(qdf.find("TJ") - 120, 200);
    EXPECT_NE(run("qpdf --check " + out.path).find("No syntax or stream encoding errors"), std::string::npos);
    std::string txt = run("pdftotext -enc UTF-8 " + out.path + " -");
    EXPECT_NE(txt.find("AVATAR To Wo"), std::string::npos) << txt;
}
