// The directory is set in parts (chapters_of), each on its own Flow, and
// joined: the pages must be those of one Flow setting it from start to end.
#include <gtest/gtest.h>

#include <optional>

#include "book_fixture.h"
#include "text/font_metrics.h"
#include "typeset/book_flow.h"
#include "typeset/layout.h"
#include "typeset/paginate.h"

namespace bb {
namespace {

TEST(DirectoryParts, JoinedTheyMakeThePagesOfOneFlow) {
    base::SourceMap sources;
    base::Sink sink;
    auto sheet = fixture::default_sheet(sources, sink);
    ASSERT_TRUE(sheet);
    const model::Book book = fixture::book_with_a_long_directory(8);
    const std::vector<typeset::Chapter> chapters = typeset::chapters_of(book);
    size_t entry_parts = 0, topic_parts = 0;
    for (const auto& c : chapters)
        if (c.kind == typeset::Chapter::Kind::Directory) ++(c.topic_index ? topic_parts : entry_parts);
    EXPECT_EQ(entry_parts, 3u);
    EXPECT_EQ(topic_parts, 3u);

    text::FontSet font_set;
    typeset::FontBook fonts(*sheet, font_set, sink);
    const text::Hyphenator* hyphenator = typeset::prepare_layout(*sheet, book.lang, font_set, 1);
    const typeset::FlowContext ctx{"", [](const std::string&) { return std::string("123"); }};
    auto paged = [&](typeset::Galley&& galley) {
        typeset::PagedDoc doc;
        std::vector<typeset::PageFacts> facts;
        typeset::paginate(std::move(galley), *sheet, doc, facts);
        return typeset::trace(doc);
    };

    typeset::Flow whole(*sheet, fonts, hyphenator, book.lang, sink, nullptr);
    for (const auto& c : chapters) typeset::flow_chapter(whole, c, book, *sheet, ctx, sink);
    const std::string one_flow = paged(std::move(whole.galley()));

    // Each part on a Flow of its own, paginated as layout does (after the
    // front matter's galley, here an empty one).
    std::vector<typeset::Galley> parts(1);
    for (const auto& c : chapters) {
        typeset::Flow part(*sheet, fonts, hyphenator, book.lang, sink, nullptr);
        typeset::flow_chapter(part, c, book, *sheet, ctx, sink);
        parts.push_back(std::move(part.galley()));
    }
    std::vector<typeset::Galley*> in_order;
    for (typeset::Galley& g : parts) in_order.push_back(&g);
    typeset::PagedDoc doc;
    std::vector<typeset::PageFacts> facts;
    typeset::paginate(in_order, *sheet, doc, facts);
    const std::string parts_joined = typeset::trace(doc);

    EXPECT_GT(one_flow.size(), 20000u);
    EXPECT_NE(one_flow.find("Sample Listing 120"), std::string::npos);
    EXPECT_NE(one_flow.find("Topic number 8"), std::string::npos);
    EXPECT_TRUE(one_flow == parts_joined) << "the directory set in parts differs from one flow";
}

}  // namespace
}  // namespace bb
