// Chunking: file names, manifest ids, hrefs of ids inside and across files.
#include "epub/chunks.h"

#include <gtest/gtest.h>

#include "fixture.h"

namespace bb::epub {
namespace {

using namespace testing;

TEST(EpubChunks, ReadingOrderAndHrefs) {
    Plan plan = Plan::make(make_book());
    std::vector<std::string> files;
    for (const auto& c : plan.chunks()) files.push_back(c.file);
    EXPECT_EQ(files, (std::vector<std::string>{"titlepage.xhtml", "nav.xhtml", "pulling-away.xhtml",
                                               "2nd-guide.xhtml", "directory.xhtml"}));
    EXPECT_EQ(plan.href("pulling-away"), "pulling-away.xhtml");
    EXPECT_EQ(plan.href("mechanics"), "pulling-away.xhtml#mechanics");
    EXPECT_EQ(plan.href("1st-coach"), "directory.xhtml#1st-coach");
    EXPECT_EQ(plan.href("attachment"), "directory.xhtml#attachment");
    EXPECT_EQ(plan.href("unused"), "");                      // a topic nothing uses has no address
    EXPECT_EQ(plan.href("pulling-away--books"), "");         // nor has an empty section
    EXPECT_EQ(plan.href("2nd-guide--books"), "2nd-guide.xhtml#2nd-guide--books");
    EXPECT_EQ(plan.bodymatter()->id, "pulling-away");
}

TEST(EpubChunks, FixedNamesNeverClashWithIds) {
    model::Book book = make_book();
    book.guides[0].id = "nav";
    book.guides[1].id = "titlepage";
    book.guides[0].related->guides = {"titlepage"};
    Plan plan = Plan::make(book);
    EXPECT_EQ(plan.chunks()[1].file, "nav.xhtml");
    EXPECT_EQ(plan.chunks()[2].file, "nav-2.xhtml");
    EXPECT_EQ(plan.chunks()[3].file, "titlepage-2.xhtml");
    EXPECT_EQ(plan.href("titlepage"), "titlepage-2.xhtml");
}

TEST(EpubChunks, ManifestIdsAreNcNames) {
    EXPECT_EQ(ncname("x-", "2nd-guide"), "x-2nd-guide");
    EXPECT_EQ(ncname("img-", "a b/c:d"), "img-a-b-c-d");
    Plan plan = Plan::make(make_book());
    for (const auto& c : plan.chunks()) {
        ASSERT_FALSE(c.manifest_id.empty());
        EXPECT_TRUE(isalpha(static_cast<unsigned char>(c.manifest_id[0]))) << c.manifest_id;
    }
}

TEST(EpubChunks, PartsComeBeforeTheirGuides) {
    model::Book book = make_book();
    model::Part part;
    part.id = "1-part";
    part.title = inl("Part one");
    part.guides = {1};  // guide 0 is in no part: it still goes in, after the parts
    book.parts.push_back(part);
    Plan plan = Plan::make(book);
    std::vector<std::string> files;
    for (const auto& c : plan.chunks()) files.push_back(c.file);
    EXPECT_EQ(files, (std::vector<std::string>{"titlepage.xhtml", "nav.xhtml", "1-part.xhtml", "2nd-guide.xhtml",
                                               "pulling-away.xhtml", "directory.xhtml"}));
    EXPECT_EQ(plan.bodymatter()->id, "1-part");
}

}  // namespace
}  // namespace bb::epub
