// Layout golden: the text trace of the PagedDoc of a small book, compared
// with tests/golden/typeset/small_book.trace (reviewed by a person).
// Regenerate after an intended change with BB_UPDATE_GOLDEN=1 and review the diff.
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "base/atomic_file.h"
#include "book_fixture.h"
#include "typeset/layout.h"

using namespace bb;

namespace {

model::Book small_book() {
    model::Book b;
    b.lang = "en";
    b.meta.title = "Small Book";
    b.meta.creators = {{"Ann Author", "aut"}};
    b.meta.date = "2026-11-28";
    b.topics = {{"attachment", "Attachment", {}}};
    model::Guide g;
    g.id = "pulling-away";
    g.topics = {"attachment"};
    g.title = fixture::text("Why he pulls away");
    model::Callout myth;
    myth.title = fixture::text("He’s losing interest");
    myth.blocks = {fixture::para("The intuitive interpretation when a man withdraws: he is checking out of the "
                                 "relationship, his interest is fading.")};
    g.myth = myth;
    model::Section s;
    s.id = s.anchor = "mechanics";
    s.title = fixture::text("The attachment mechanics behind it");
    s.blocks = {fixture::para("Attachment theory is the explanatory framework here. Men with avoidant attachment "
                              "styles — formed in childhood in response to caregivers who were unavailable — "
                              "develop a characteristic response to emotional closeness."),
                fixture::para("The behavior that follows is automatic and largely unconscious. The man does not "
                              "decide to pull away.")};
    g.sections = {s};
    b.guides = {g};
    b.directory.id = "directory";
    b.directory.title = fixture::text("The Directory");
    model::Entry e;
    e.id = "coach";
    e.name = fixture::text("Sample Coach");
    e.url = "https://example.org/coach";
    e.description = {fixture::para("A coach who works one to one.")};
    b.directory.entries = {e};
    return b;
}

}  // namespace

TEST(Golden, SmallBookTrace) {
    base::SourceMap sources;
    base::Sink sink;
    auto sheet = fixture::default_sheet(sources, sink);
    ASSERT_TRUE(sheet);
    text::FontSet fonts;
    typeset::PagedDoc doc = typeset::layout(small_book(), *sheet, {}, fonts, sink);
    std::string got = typeset::trace(doc);
    // Font paths differ between machines; the trace names files only.
    const std::string path = std::string(BB_SOURCE_DIR) + "/tests/golden/typeset/small_book.trace";
    if (const char* u = std::getenv("BB_UPDATE_GOLDEN"); u && *u == '1') {
        ASSERT_EQ(base::write_file_atomically(path, got), "");
        GTEST_SKIP() << "golden rewritten: " << path;
    }
    std::string want;
    ASSERT_TRUE(base::read_file(path, want)) << "missing golden " << path << " (run with BB_UPDATE_GOLDEN=1)";
    if (got != want) {
        std::string actual = ::testing::TempDir() + "small_book.trace";
        std::ofstream(actual) << got;
        FAIL() << "layout changed: diff -u " << path << " " << actual
               << "\n(if intended, regenerate with BB_UPDATE_GOLDEN=1 and review the diff)";
    }
}

TEST(Golden, TraceRoundsAndNamesFiles) {
    typeset::PagedDoc doc;
    uint32_t f = doc.font_index("/usr/share/fonts/x/CharisSIL-Regular.ttf");
    typeset::Page page;
    page.width = 419.527;
    page.height = 595.276;
    page.label = "1";
    typeset::TextRun t;
    t.text = "Hé \"q\"";
    t.font = f;
    t.x = 56.6929;
    t.y = -0.04;
    t.width = 20.26;
    t.para = 3;
    t.line = 1;
    page.items.push_back(t);
    page.items.push_back(typeset::Rect{1.25, 2.25, 3, 4, {0xf4, 0xed, 0xe7}});
    doc.pages.push_back(page);
    doc.anchors["a"] = {0, 51.02};
    EXPECT_EQ(typeset::trace(doc),
              "font 0 CharisSIL-Regular.ttf\n"
              "page 1 [1] 419.5x595.3\n"
              "  text b3.1 0 10.0 @56.7,0.0 w20.3 #000000 \"Hé \\\"q\\\"\"\n"
              "  rect @1.3,2.3 3.0x4.0 #f4ede7\n"
              "anchor a page 1 y 51.0\n");
}

TEST(Golden, SameLayoutWhateverTheNumberOfThreads) {
    base::SourceMap sources;
    base::Sink sink;
    auto sheet = fixture::default_sheet(sources, sink);
    ASSERT_TRUE(sheet);
    text::FontSet fonts;
    model::Book book = fixture::book(6);
    typeset::LayoutOptions one, many;
    one.jobs = 1;
    many.jobs = 4;
    base::Sink s1, s2;
    std::string a = typeset::trace(typeset::layout(book, *sheet, one, fonts, s1));
    std::string b = typeset::trace(typeset::layout(book, *sheet, many, fonts, s2));
    EXPECT_GT(a.size(), 10000u);
    EXPECT_TRUE(a == b) << "layout depends on the number of threads";
    EXPECT_EQ(s1.all().size(), s2.all().size());
}
