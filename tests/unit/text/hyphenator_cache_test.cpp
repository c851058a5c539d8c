// hyphenator_for shares one loaded dictionary between the tags that resolve
// to the same file (found by fuzzing: every new tag of German loaded the
// 1 MB patterns again, seconds each, and the cache grew without bound).
#include <gtest/gtest.h>

#include "text/hyphenate.h"

namespace bb::text {
namespace {

TEST(HyphenatorCache, TagsOfOneDictionaryShareOneHyphenator) {
    const Hyphenator& en = hyphenator_for("en");
    ASSERT_TRUE(en.available()) << "hyphen-en-us is a required package";
    EXPECT_EQ(&hyphenator_for("en-US"), &en);
    EXPECT_EQ(&hyphenator_for("en-GB"), &en);  // no en_GB file: falls back to en_US
    EXPECT_EQ(&hyphenator_for("EN-us"), &en);
    EXPECT_EQ(hyphenator_for("en-US").marked("hyphenation"), en.marked("hyphenation"));
}

TEST(HyphenatorCache, SymlinkedDictionariesShareOneLoad) {
    if (hyphenation_dictionary("de-AT").empty()) GTEST_SKIP() << "no German patterns installed";
    // Debian's hyph_de_AT.dic and hyph_de_CH.dic are links to hyph_de_DE.dic.
    EXPECT_EQ(&hyphenator_for("de-AT"), &hyphenator_for("de-DE"));
    EXPECT_EQ(&hyphenator_for("de-CH-1901"), &hyphenator_for("de"));
}

TEST(HyphenatorCache, LimitsStillMakeDistinctHyphenators) {
    HyphenationLimits loose{3, 1, 1};
    EXPECT_NE(&hyphenator_for("en", loose), &hyphenator_for("en"));
    EXPECT_EQ(hyphenator_for("en", loose).limits().min_word, 3);
}

TEST(HyphenatorCache, UnknownLanguagesShareOneUnavailableHyphenator) {
    EXPECT_FALSE(hyphenator_for("tlh").available());
    EXPECT_EQ(&hyphenator_for("tlh"), &hyphenator_for("qaa-x-made-up"));
}

}  // namespace
}  // namespace bb::text
