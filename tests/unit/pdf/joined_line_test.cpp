// A line joined into one run by typeset::join_run is drawn exactly as its
// separate words were.
#include <gtest/gtest.h>

#include "pdf/content.h"
#include "typeset/line_runs.h"
#include "../typeset/word_run.h"

namespace bb {
namespace {

using typeset::Kern;
using typeset::TextRun;

using fixture::word;

TEST(JoinedLine, ThePdfOperatorsAreThoseOfTheSeparateWords) {
    // The writer already drew consecutive runs as one TJ with a space and an
    // adjustment; a joined run must give the same bytes.
    std::vector<TextRun> words = {word("Men", 40, 18.21, {{1, -15}}), word("rarely", 61.37, 26.4),
                                  word("ask.", 91.1, 17)};
    typeset::Page separate, joined;
    separate.width = joined.width = 420;
    separate.height = joined.height = 595;
    TextRun line = words[0];
    uint32_t count = typeset::code_points(line.text);
    for (size_t i = 0; i < words.size(); ++i) {
        separate.items.push_back(words[i]);
        if (i) {
            ASSERT_TRUE(typeset::join_run(line, words[i], 250, count));
        }
    }
    joined.items.push_back(line);
    pdf::PageResources res;
    res.font_names = {"F1"};
    std::vector<pdf::FontFacts> facts(1);
    facts[0].space = 250;
    std::string a = pdf::page_content(separate, res, facts), b = pdf::page_content(joined, res, facts);
    EXPECT_EQ(a, b);
    EXPECT_NE(a.find("TJ"), std::string::npos);
}

}  // namespace
}  // namespace bb
