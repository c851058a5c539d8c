// The good fixtures under tests/fixtures/ load with no errors and no warnings,
// and the model built from them is what the manuscript says.
#include <gtest/gtest.h>

#include "helpers.h"

namespace bb::manuscript::test {
namespace {

using model::plain_text;

Loaded load_fixture(const std::string& name, LoadOptions options = {}) {
    return load_folder(source_dir() + "/tests/fixtures/" + name, options);
}

TEST(Fixtures, AllLoadCleanly) {
    for (const auto& e : fs::directory_iterator(fs::path(source_dir()) / "tests/fixtures")) {
        if (!fs::exists(e.path() / "book.xml")) continue;
        SCOPED_TRACE(e.path().filename().string());
        Loaded l = load_folder(e.path().string());
        EXPECT_TRUE(l.book.has_value());
        EXPECT_TRUE(l.lines.empty()) << l.lines.front();
    }
}

}  // namespace
}  // namespace bb::manuscript::test

namespace bb::manuscript::test {
namespace {

const model::Guide& guide(const model::Book& b, const std::string& id) {
    const model::Guide* g = b.find_guide(id);
    if (!g) throw std::runtime_error("no guide " + id);
    return *g;
}

TEST(FullFixture, StructureFromPartsAndIncludes) {
    Loaded l = load_fixture("full");
    ASSERT_TRUE(l.book) << (l.lines.empty() ? "" : l.lines.front());
    const model::Book& b = *l.book;
    EXPECT_EQ(b.lang, "en-US");
    ASSERT_EQ(b.parts.size(), 2u);
    EXPECT_EQ(b.parts[0].id, "closeness");
    EXPECT_EQ(b.parts[1].id, "anger-and-work");
    EXPECT_EQ(b.parts[0].guides, (std::vector<size_t>{0}));
    EXPECT_EQ(b.parts[1].guides, (std::vector<size_t>{1, 2}));
    ASSERT_EQ(b.guides.size(), 3u);
    EXPECT_EQ(b.guides[0].id, "pulling-away");
    EXPECT_EQ(b.guides[1].id, "anger-at-home");
    EXPECT_EQ(b.guides[2].id, "overwork");
    ASSERT_TRUE(b.preface);
    EXPECT_EQ(plain_text(b.preface->title), "How to use this book");
    ASSERT_TRUE(b.faq);
    EXPECT_EQ(b.faq->questions.size(), 1u);
    EXPECT_EQ(b.directory.entries.size(), 3u);
    EXPECT_EQ(b.meta.creators.size(), 3u);
    EXPECT_EQ(b.meta.creators[0].role, "aut");
    EXPECT_EQ(b.meta.creators[1].role, "edt");
    EXPECT_EQ(b.meta.identifier, "urn:isbn:978-0-306-40615-7");
    // meta gets typography too
    EXPECT_EQ(b.meta.title, "Fixture: The \u201CFull\u201D Book");
    EXPECT_EQ(b.meta.subtitle, "Parts, preface \u2014 and includes");
}

TEST(FullFixture, SectionsAnchorsAndDefaults) {
    Loaded l = load_fixture("full");
    ASSERT_TRUE(l.book);
    const model::Book& b = *l.book;
    const model::Guide& g = guide(b, "pulling-away");
    ASSERT_EQ(g.sections.size(), 3u);
    EXPECT_EQ(g.sections[0].anchor, "mechanics");
    ASSERT_EQ(g.sections[0].subsections.size(), 2u);
    EXPECT_EQ(g.sections[0].subsections[0].anchor, "pulling-away--s1-1");
    EXPECT_EQ(g.sections[0].subsections[1].anchor, "pulling-away--s1-2");
    EXPECT_EQ(g.sections[2].id, "");
    EXPECT_EQ(g.sections[2].anchor, "pulling-away--s3");
    ASSERT_TRUE(g.faq);
    EXPECT_EQ(g.faq->anchor, "pulling-away--faq");
    EXPECT_EQ(plain_text(g.faq->title), "Common Questions");
    ASSERT_TRUE(g.books);
    EXPECT_EQ(plain_text(g.books->title), "Books on This Topic");
    EXPECT_EQ(g.books->books.size(), 2u);
    EXPECT_EQ(g.books->books[0].isbn, "978-1-58542-848-9");
    ASSERT_TRUE(g.practitioners);
    EXPECT_EQ(plain_text(g.practitioners->title), "Who can help");
    EXPECT_EQ(g.practitioners->entries, (std::vector<std::string>{"tuesday-group"}));
    EXPECT_FALSE(g.practitioners->from_topics);
    ASSERT_TRUE(g.related);
    EXPECT_EQ(plain_text(g.related->title), "Related Guides");
    EXPECT_EQ(g.related->guides, (std::vector<std::string>{"anger-at-home"}));

    // every id and generated anchor is in book.anchors
    for (const char* id : {"pulling-away", "mechanics", "pulling-away--s1-1", "pulling-away--s3", "pulling-away--faq",
                           "pulling-away--books", "pulling-away--practitioners", "pulling-away--related", "closeness",
                           "preface", "questions", "directory", "tuesday-group", "attachment"})
        EXPECT_TRUE(b.anchors.count(id)) << id;
    EXPECT_EQ(b.anchors.at("mechanics").chapter, "pulling-away");
    EXPECT_EQ(b.anchors.at("mechanics").kind, model::AnchorKind::Section);
    EXPECT_EQ(b.anchors.at("tuesday-group").kind, model::AnchorKind::Entry);
    EXPECT_EQ(b.anchors.at("tuesday-group").chapter, "directory");
    EXPECT_EQ(b.anchors.at("tuesday-group").title, "Tuesday Men\u2019s Group");
    EXPECT_EQ(b.anchors.at("pulling-away--s1-1").title, "Bowlby\u2019s framework");
}

TEST(FullFixture, ListsFiguresRefsAndLinks) {
    Loaded l = load_fixture("full");
    ASSERT_TRUE(l.book);
    const model::Guide& g = guide(*l.book, "pulling-away");
    // <ref to="changing"/> gets the section's title
    const auto& p = g.sections[0].blocks[0].content;
    ASSERT_EQ(p.size(), 3u);
    EXPECT_EQ(p[1].kind, model::InlineKind::Ref);
    EXPECT_EQ(p[1].target, "changing");
    EXPECT_EQ(plain_text(p[1].children), "What changes the pattern");
    EXPECT_EQ(p[0].text, "See ");
    EXPECT_EQ(p[2].text, " and the figure below.");
    const model::Block& fig = g.sections[0].blocks[1];
    EXPECT_EQ(fig.kind, model::BlockKind::Figure);
    EXPECT_EQ(fig.src, "cycle.png");
    EXPECT_EQ(fig.alt, "The pursue-withdraw cycle");
    EXPECT_EQ(plain_text(fig.caption), "The pursue\u2013withdraw cycle");
    const model::Block& list = g.sections[1].blocks[0];
    ASSERT_EQ(list.kind, model::BlockKind::List);
    EXPECT_TRUE(list.numbered);
    ASSERT_EQ(list.items.size(), 2u);
    ASSERT_EQ(list.items[0].blocks.size(), 1u);  // inline item → one paragraph
    EXPECT_EQ(plain_text(list.items[0].blocks[0].content), "The partner de-escalates.");
    ASSERT_EQ(list.items[1].blocks.size(), 2u);
    EXPECT_FALSE(list.items[1].blocks[1].numbered);
    EXPECT_EQ(plain_text(list.items[1].blocks[1].items[1].blocks[0].content), "In a men\u2019s group");
    // empty mailto link shows the address; link text equal to the URL is untouched
    const auto& faq_p = l.book->faq->questions[0].answer[0].content;
    ASSERT_EQ(faq_p.size(), 3u);
    EXPECT_EQ(faq_p[1].target, "mailto:editors@example.org");
    EXPECT_EQ(plain_text(faq_p[1].children), "editors@example.org");
    // the preface quote: smart quotes and an attribution with a cite
    const model::Block& quote = l.book->preface->blocks[1];
    EXPECT_EQ(quote.kind, model::BlockKind::Quote);
    EXPECT_EQ(plain_text(quote.blocks[0].content).substr(0, 6), "\u201CThe");
    EXPECT_EQ(quote.attribution[1].kind, model::InlineKind::Cite);
}

TEST(FullFixture, EntitiesWhitespaceAndQuotesAcrossElements) {
    Loaded l = load_fixture("full");
    ASSERT_TRUE(l.book);
    const model::Guide& g = guide(*l.book, "overwork");
    EXPECT_EQ(plain_text(g.sections[0].blocks[0].content),
              "Long hours can be a way of not being home & not being close \u2014 the \u201Cbusy\u201D defence.");
    EXPECT_EQ(plain_text(g.faq->questions[0].answer[0].content), "No; sometimes it\u2019s just the \u201990s-style job.");
    // refs with their own text keep it
    const model::Guide& anger = guide(*l.book, "anger-at-home");
    EXPECT_EQ(plain_text(anger.truth->blocks[0].content),
              "Anger is often the visible part of fear; see why he pulls away.");
}

TEST(FullFixture, PractitionersFromTopicsSortedByName) {
    Loaded l = load_fixture("full");
    ASSERT_TRUE(l.book);
    const model::Guide& g = guide(*l.book, "anger-at-home");  // topics: anger attachment
    ASSERT_TRUE(g.practitioners);
    EXPECT_TRUE(g.practitioners->from_topics);
    // "anger Program" < "Betty Coach" < "Tuesday Men's Group" (case-insensitive)
    EXPECT_EQ(g.practitioners->entries, (std::vector<std::string>{"anger-program", "betty-coach", "tuesday-group"}));
    EXPECT_EQ(plain_text(g.practitioners->title), "Coaches and Programs in the Directory");
}

TEST(FullFixture, TypographyOffKeepsStraightQuotes) {
    LoadOptions plain;
    plain.smart_quotes = false;
    plain.smart_dashes = false;
    Loaded l = load_fixture("full", plain);
    ASSERT_TRUE(l.book);
    EXPECT_EQ(l.book->meta.title, "Fixture: The \"Full\" Book");
    EXPECT_EQ(l.book->meta.subtitle, "Parts, preface --- and includes");
}

TEST(FullFixture, SourcesAreShownRelativeToTheGivenFolder) {
    Loaded l = load_fixture("full");
    std::vector<std::string> paths;
    for (size_t i = 0; i < l.sources.size(); ++i) paths.push_back(l.sources.file(static_cast<uint32_t>(i)).path);
    std::string root = source_dir() + "/tests/fixtures/full/";
    EXPECT_EQ(paths, (std::vector<std::string>{root + "book.xml", root + "guides/pulling-away.xml",
                                               root + "parts/anger-and-work.xml", root + "guides/anger-at-home.xml",
                                               root + "guides/work.xml", root + "directory.xml"}));
}

// The shipped manuscript (manuscript/, written by the lead from the seed page).
TEST(ShippedManuscript, SeedGuideModel) {
    Loaded l = load_folder(source_dir() + "/manuscript");
    ASSERT_TRUE(l.book) << (l.lines.empty() ? "" : l.lines.front());
    const model::Book& b = *l.book;
    const model::Guide& g = guide(b, "pulling-away");
    EXPECT_EQ(plain_text(g.title), "Why he pulls away");
    EXPECT_EQ(g.topics, (std::vector<std::string>{"attachment", "relationships", "mens-groups"}));
    ASSERT_TRUE(g.myth && g.example && g.truth);
    EXPECT_EQ(plain_text(g.myth->title), "He\u2019s pulling away because he\u2019s losing interest");
    ASSERT_EQ(g.sections.size(), 2u);
    EXPECT_EQ(plain_text(g.sections[0].title), "The attachment mechanics behind it");
    EXPECT_EQ(plain_text(g.sections[1].title), "What changes the pattern");
    EXPECT_EQ(g.sections[0].blocks.size(), 3u);
    EXPECT_EQ(g.sections[1].blocks.size(), 3u);
    ASSERT_TRUE(g.faq);
    EXPECT_EQ(g.faq->questions.size(), 2u);
    EXPECT_EQ(plain_text(g.faq->title), "Common Questions");
    EXPECT_EQ(plain_text(g.faq->questions[0].question), "Should I give him space when he pulls away?");
    ASSERT_TRUE(g.books);
    EXPECT_TRUE(g.books->books.empty());
    ASSERT_TRUE(g.practitioners);
    EXPECT_TRUE(g.practitioners->from_topics);
    // every entry shares a topic with the guide; sorted by name
    std::vector<std::string> expected;
    std::vector<std::pair<std::string, std::string>> by_name;
    for (const auto& e : b.directory.entries) by_name.emplace_back(plain_text(e.name), e.id);
    std::sort(by_name.begin(), by_name.end());
    for (const auto& [name, id] : by_name) expected.push_back(id);
    EXPECT_EQ(g.practitioners->entries, expected);
    EXPECT_FALSE(g.practitioners->entries.empty());
    // the only warning is the empty books list
    ASSERT_EQ(l.lines.size(), 1u);
    EXPECT_NE(l.lines[0].find("guides/pulling-away.xml:"), std::string::npos);
    EXPECT_NE(l.lines[0].find("warning: empty <books>"), std::string::npos);
}

}  // namespace
}  // namespace bb::manuscript::test

namespace bb::manuscript::test {
namespace {

std::string truth_text(const model::Book& b, size_t guide = 0) {
    return model::plain_text(b.guides.at(guide).truth->blocks.at(0).content);
}

TEST(LanguageFixtures, GermanQuotes) {
    Loaded l = load_fixture("german");
    ASSERT_TRUE(l.book);
    EXPECT_EQ(l.book->lang, "de-DE");
    EXPECT_EQ(truth_text(*l.book),
              "Er sagt: \u201EIch brauche \u201Aein bisschen\u2018 Abstand\u201C \u2014 und meint es so. Das ist keine Trennung.");
    EXPECT_EQ(model::plain_text(l.book->guides[0].myth->blocks[0].content),
              "Die naheliegende Deutung: \u201EEr liebt mich nicht mehr.\u201C");
    EXPECT_EQ(model::plain_text(*l.book->guides[0].summary), "R\u00FCckzug ist meist Angst \u2013 nicht Desinteresse.");
    EXPECT_EQ(model::plain_text(l.book->guides[0].faq->title), "H\u00E4ufige Fragen");
}

TEST(LanguageFixtures, FrenchGuillemetsWithNoBreakSpaces) {
    Loaded l = load_fixture("french");
    ASSERT_TRUE(l.book);
    EXPECT_EQ(model::plain_text(l.book->guides[0].example->blocks[0].content),
              "Elle lui demande : \u00AB\u00A0Qu\u2019est-ce qui se passe ?\u00A0\u00BB et il r\u00E9pond "
              "\u00AB\u00A0rien\u00A0\u00BB \u2013 puis se tait.");
    EXPECT_EQ(truth_text(*l.book),
              "Il dit : \u00AB\u00A0J\u2019ai besoin d\u2019un peu d\u2019espace pour respirer\u00A0\u00BB \u2014 ce qui "
              "n\u2019est pas une rupture. \u0152uvre, c\u0153ur, gar\u00E7on, \u00E9l\u00E8ve.");
    EXPECT_EQ(model::plain_text(l.book->guides[0].title), "Pourquoi il s\u2019\u00E9loigne");
}

TEST(LanguageFixtures, PolishQuotes) {
    Loaded l = load_fixture("polish");
    ASSERT_TRUE(l.book);
    EXPECT_EQ(truth_text(*l.book), "M\u00F3wi: \u201EPotrzebuj\u0119 \u00ABtroch\u0119\u00BB przestrzeni\u201D \u2014 i tak "
                                   "w\u0142a\u015Bnie my\u015Bli. Za\u017C\u00F3\u0142\u0107 g\u0119\u015Bl\u0105 ja\u017A\u0144.");
    EXPECT_EQ(l.book->meta.identifier, "978-83-01-00000-4");
    EXPECT_EQ(l.book->guides[0].sections[0].anchor, "wycofanie--s1");
}

TEST(LanguageFixtures, RussianAndGreek) {
    Loaded l = load_fixture("cyrillic-greek");
    ASSERT_TRUE(l.book);
    EXPECT_EQ(truth_text(*l.book).substr(0, truth_text(*l.book).find(" \u2014")),
              "\u041E\u043D \u0433\u043E\u0432\u043E\u0440\u0438\u0442: \u00AB\u041C\u043D\u0435 \u043D\u0443\u0436\u043D\u043E "
              "\u201E\u043D\u0435\u043C\u043D\u043E\u0433\u043E\u201C \u043F\u0440\u043E\u0441\u0442\u0440\u0430\u043D\u0441\u0442\u0432\u0430\u00BB");
    EXPECT_EQ(truth_text(*l.book, 1),
              "\u039E\u03B5\u03C3\u03BA\u03B5\u03C0\u03AC\u03B6\u03C9 \u03C4\u03B7\u03BD \u03C8\u03C5\u03C7\u03BF\u03C6\u03B8\u03CC\u03C1\u03B1 "
              "\u03B2\u03B4\u03B5\u03BB\u03C5\u03B3\u03BC\u03AF\u03B1. \u039B\u03AD\u03B5\u03B9: \u00AB\u03A7\u03C1\u03B5\u03B9\u03AC\u03B6\u03BF\u03BC\u03B1\u03B9 "
              "\u03C7\u03CE\u03C1\u03BF.\u00BB");
    EXPECT_EQ(l.book->meta.creators[1].role, "ill");
    EXPECT_EQ(l.book->guides[1].related->guides, (std::vector<std::string>{"otstranenie"}));
}

}  // namespace
}  // namespace bb::manuscript::test

namespace bb::manuscript::test {

TEST(FullFixture, LanguageIsKnownBeforeTheIncludesAreRead) {
    // on_language fires once, with book.xml's language, before any include
    // is registered as a source (a caller starts loading patterns then).
    LoadOptions options;
    std::vector<std::string> seen;
    size_t sources_then = 0;
    base::SourceMap sources;
    base::Sink sink;
    options.on_language = [&](const std::string& lang) {
        seen.push_back(lang);
        sources_then = sources.size();
    };
    auto book = load(std::string(BB_SOURCE_DIR) + "/tests/fixtures/full", options, sources, sink);
    ASSERT_TRUE(book);
    ASSERT_EQ(seen.size(), 1u);
    EXPECT_EQ(seen[0], book->lang);
    EXPECT_EQ(sources_then, 1u);  // book.xml only
    EXPECT_GT(sources.size(), 1u);
}

}  // namespace bb::manuscript::test
