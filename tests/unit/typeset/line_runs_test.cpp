// join_run: a justified line as one run, drawn exactly as its words were.
#include <gtest/gtest.h>

#include "typeset/line_runs.h"
#include "word_run.h"

namespace bb {
namespace {

using typeset::Kern;
using typeset::TextRun;

using fixture::word;

TEST(JoinRun, AJustifiedSpaceBecomesASpaceAndAnAdjustment) {
    TextRun line = word("AVé", 50, 20, {{0, -80}});
    uint32_t count = typeset::code_points(line.text);
    EXPECT_EQ(count, 3u);
    // The space glyph is 250/1000 em = 2.5 pt; the next word is 3.1 pt on.
    ASSERT_TRUE(typeset::join_run(line, word("Wo", 73.1, 12, {{0, -40}}), 250, count));
    EXPECT_EQ(count, 6u);
    EXPECT_EQ(line.text, "AVé Wo");
    EXPECT_DOUBLE_EQ(line.width, 73.1 + 12 - 50);
    ASSERT_EQ(line.kerning.size(), 3u);
    EXPECT_EQ(line.kerning[0].index, 0u);
    EXPECT_EQ(line.kerning[1].index, 3u);  // the space: code points, not bytes ("é" is two bytes)
    EXPECT_NEAR(line.kerning[1].adjust(), 60, 1e-9);  // 3.1 pt - 2.5 pt = 0.6 pt = 60/1000 em
    EXPECT_EQ(line.kerning[2].index, 4u);
    EXPECT_EQ(line.kerning[2].adjust(), -40);
}

TEST(JoinRun, AnExactSpaceNeedsNoAdjustment) {
    TextRun line = word("a", 10, 5);
    uint32_t count = 1;
    ASSERT_TRUE(typeset::join_run(line, word("b", 17.5, 5), 250, count));
    EXPECT_EQ(line.text, "a b");
    EXPECT_TRUE(line.kerning.empty());
}

TEST(JoinRun, RunsThatDoNotContinueALineStaySeparate) {
    TextRun line = word("a", 10, 5);
    TextRun other_font = word("b", 20, 5);
    other_font.font = 1;
    TextRun other_line = word("b", 20, 5);
    other_line.line = 2;
    TextRun other_color = word("b", 20, 5);
    other_color.color = typeset::Rgb{200, 0, 0};
    TextRun before = word("b", 12, 5);  // starts inside "a"
    for (const TextRun& next : {other_font, other_line, other_color, before}) {
        uint32_t count = 1;
        EXPECT_FALSE(typeset::join_run(line, next, 250, count)) << next.text;
        EXPECT_EQ(count, 1u);
    }
    EXPECT_EQ(line.text, "a");
    EXPECT_EQ(line.width, 5);
}

}  // namespace
}  // namespace bb
