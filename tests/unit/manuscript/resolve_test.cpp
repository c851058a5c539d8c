// Ids, references, practitioners, anchors, white space and warnings, through
// whole (small) manuscripts written to a temporary folder.
#include "manuscript/resolve.h"

#include <gtest/gtest.h>

#include "helpers.h"
#include "manuscript/build.h"

namespace bb::manuscript {
namespace {

using model::plain_text;

test::Loaded load_book(const std::string& body, const std::string& entries = "", LoadOptions o = {}) {
    static int n = 0;
    auto dir = std::filesystem::temp_directory_path() / ("bb-resolve-" + std::to_string(getpid()) + "-" + std::to_string(++n));
    std::filesystem::create_directories(dir);
    std::string book = test::book_with(body, entries);
    book.replace(book.find("</topics>"), 0, R"(<topic id="u">U</topic>)");
    std::ofstream(dir / "book.xml") << book;
    test::Loaded l = test::load_folder(dir.string(), o);
    std::filesystem::remove_all(dir);
    return l;
}

std::vector<std::string> errors(const std::vector<std::string>& lines) {
    std::vector<std::string> out;
    for (const auto& l : lines)
        if (l.find(": error: ") != std::string::npos) out.push_back(l);
    return out;
}

const std::string kEntries =
    R"(<entry id="zed" kind="coach" topics="t" format="online"><name>Zed</name><description><p>d</p></description></entry>)"
    R"(<entry id="b2" kind="coach" topics="u" format="online"><name>bob</name><description><p>d</p></description></entry>)"
    R"(<entry id="b1" kind="group" topics="t u" format="online"><name>Bob</name><description><p>d</p></description></entry>)"
    R"(<entry id="amy" kind="program" topics="t" format="hybrid"><name><em>Amy</em> Ames</name><description><p>d</p></description></entry>)";

TEST(Resolve, PractitionersFilledFromSharedTopicsSortedByName) {
    auto l = load_book(R"(<guide id="g" topics="t"><title>G</title><practitioners/></guide>)", kEntries);
    ASSERT_TRUE(l.book) << l.lines.at(0);
    const auto& p = l.book->guides[0].practitioners;
    ASSERT_TRUE(p);
    EXPECT_TRUE(p->from_topics);
    // Amy Ames < Bob (b1) < Zed; "bob" (b2) has only topic u, which the guide lacks
    EXPECT_EQ(p->entries, (std::vector<std::string>{"amy", "b1", "zed"}));
    EXPECT_EQ(plain_text(p->title), "Coaches and Programs in the Directory");
}

TEST(Resolve, PractitionersTiesBrokenByExactTextThenId) {
    const std::string entries =
        R"(<entry id="y" kind="coach" topics="t" format="online"><name>bob</name><description><p>d</p></description></entry>)"
        R"(<entry id="x" kind="coach" topics="t" format="online"><name>bob</name><description><p>d</p></description></entry>)"
        R"(<entry id="w" kind="coach" topics="t" format="online"><name>Bob</name><description><p>d</p></description></entry>)";
    auto m = load_book(R"(<guide id="g" topics="t"><title>G</title><practitioners/></guide>)", entries);
    ASSERT_TRUE(m.book);
    EXPECT_EQ(m.book->guides[0].practitioners->entries, (std::vector<std::string>{"w", "x", "y"}));
}

TEST(Resolve, ListedPractitionersAreKeptInOrder) {
    auto l = load_book(R"(<guide id="g" topics="t"><title>G</title><practitioners><entry-ref to="zed"/><entry-ref to="amy"/></practitioners></guide>)", kEntries);
    ASSERT_TRUE(l.book);
    EXPECT_EQ(l.book->guides[0].practitioners->entries, (std::vector<std::string>{"zed", "amy"}));
    EXPECT_FALSE(l.book->guides[0].practitioners->from_topics);
}

TEST(Resolve, EmptyRefGetsTheTargetsTitleTypographed) {
    auto l = load_book(R"(<guide id="g" topics="t"><title>G</title><truth><p>See "<ref to="s"/>" and <ref to="amy"/>.</p></truth>)"
                       R"(<section id="s"><title>Don't -- panic</title></section></guide>)", kEntries);
    ASSERT_TRUE(l.book) << l.lines.at(0);
    const auto& p = l.book->guides[0].truth->blocks[0].content;
    EXPECT_EQ(plain_text(p), "See \u201CDon\u2019t \u2013 panic\u201D and Amy Ames.");
    EXPECT_EQ(l.book->anchors.at("s").title, "Don\u2019t \u2013 panic");
}

TEST(Resolve, WhitespaceCollapsedAcrossElements) {
    auto l = load_book("<guide id=\"g\" topics=\"t\"><title>\n  Why  <em> he </em>\n pulls\taway \n</title>"
                       "<truth><p> a <strong>b </strong> <ref to=\"t\"/> c </p></truth></guide>");
    ASSERT_TRUE(l.book) << l.lines.at(0);
    const auto& title = l.book->guides[0].title;
    ASSERT_EQ(title.size(), 3u);
    EXPECT_EQ(title[0].text, "Why ");
    EXPECT_EQ(title[1].children[0].text, "he ");
    EXPECT_EQ(title[2].text, "pulls away");
    EXPECT_EQ(plain_text(l.book->guides[0].truth->blocks[0].content), "a b Topic c");
}

TEST(Resolve, CollapseInlinesDirectly) {
    using namespace model;
    Inlines in;
    in.push_back({InlineKind::Text, "  ", {}, {}, {}});
    Inline em{InlineKind::Emph, "", "", {}, {}};
    em.children.push_back({InlineKind::Text, " x  ", {}, {}, {}});
    in.push_back(em);
    in.push_back({InlineKind::Text, "  ", {}, {}, {}});
    collapse_inlines(in);
    ASSERT_EQ(in.size(), 1u);
    EXPECT_EQ(in[0].children[0].text, "x");
}

TEST(Resolve, DuplicateIdsPointAtTheSecondAndNameTheFirst) {
    auto l = load_book(R"(<guide id="g" topics="t"><title>G</title><section id="t"><title>S</title></section></guide>)");
    EXPECT_FALSE(l.book);
    auto e = errors(l.lines);
    ASSERT_EQ(e.size(), 1u);
    EXPECT_NE(e[0].find("error: duplicate id 't'; it is already a topic at book.xml:1:"), std::string::npos);
}

TEST(Resolve, ReferencesOfTheWrongKind) {
    auto l = load_book(R"(<guide id="g" topics="g"><title>G</title><practitioners><entry-ref to="t"/></practitioners>)"
                       R"(<related><guide-ref to="e"/></related></guide>)");
    EXPECT_FALSE(l.book);
    auto e = errors(l.lines);
    ASSERT_EQ(e.size(), 3u);
    EXPECT_NE(e[0].find("'g' is a guide, not a topic; did you mean 't'?"), std::string::npos);
    EXPECT_NE(e[1].find("'t' is a topic, not a directory entry; did you mean 'e'?"), std::string::npos);
    EXPECT_NE(e[2].find("'e' is a directory entry, not a guide; did you mean 'g'?"), std::string::npos);
}

TEST(Resolve, AnchorsForEverythingWithAChapter) {
    auto l = load_book(R"(<guide id="g" topics="t"><title>G</title><section><title>A</title><section><title>B</title></section></section>)"
                       R"(<faq><qa><q>q</q><a><p>a</p></a></qa></faq><books><book-ref title="x" author="y"/></books><practitioners/></guide>)");
    ASSERT_TRUE(l.book) << l.lines.at(0);
    const auto& a = l.book->anchors;
    for (const char* id : {"g", "g--s1", "g--s1-1", "g--faq", "g--books", "g--practitioners", "t", "e", "dir"})
        EXPECT_TRUE(a.count(id)) << id;
    EXPECT_EQ(a.at("g--s1-1").title, "B");
    EXPECT_EQ(a.at("g--s1-1").chapter, "g");
    EXPECT_EQ(a.at("g--faq").title, "Common Questions");
    EXPECT_EQ(a.at("e").chapter, "dir");
    EXPECT_EQ(a.at("t").kind, model::AnchorKind::Topic);
    EXPECT_EQ(l.book->lang, "en");
}

TEST(Resolve, Warnings) {
    auto dir = std::filesystem::temp_directory_path() / ("bb-warn-" + std::to_string(getpid()));
    std::filesystem::create_directories(dir);
    std::string book = test::book_with(R"(<guide id="g" topics="t"><title>G</title><books/></guide>)"
                                       R"(<guide id="h" topics="u"><title>H</title></guide>)");
    book.replace(book.find("</topics>"), 0, R"(<topic id="u">U</topic><topic id="spare">S</topic>)");
    std::ofstream(dir / "book.xml") << book;
    test::Loaded w = test::load_folder(dir.string());
    std::filesystem::remove_all(dir);
    ASSERT_TRUE(w.book);  // warnings only
    ASSERT_EQ(w.lines.size(), 3u);
    EXPECT_NE(w.lines[0].find("warning: empty <books>"), std::string::npos);
    EXPECT_NE(w.lines[1].find("warning: guide 'h' has no topics in the directory"), std::string::npos);
    EXPECT_NE(w.lines[2].find("warning: topic 'spare' is not used by any guide or directory entry"), std::string::npos);
    w.sink.promote_warnings();  // --strict
    EXPECT_TRUE(w.sink.has_errors());
}

}  // namespace
}  // namespace bb::manuscript
