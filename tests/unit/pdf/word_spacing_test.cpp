// Word spacing (Tw) in faces with short codes: a justified line's spaces
// move exactly as they did with a TJ number after each, in fewer bytes.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "pdf/content.h"
#include "typeset/line_runs.h"
#include "../typeset/word_run.h"

namespace bb {
namespace {

using typeset::TextRun;
using fixture::word;

/// What one TJ does to the spaces it draws: the extra move (points, to the
/// right) of each space glyph, from the word spacing in force and the
/// number after it. Reads the writer's own operators only (Tw, Tf, TJ with
/// literal strings); `two_byte` for Identity-H's codes.
std::vector<double> space_moves(const std::string& content, bool two_byte) {
    std::vector<double> moves;
    double tw = 0, size = 0;
    size_t i = 0;
    auto number_before = [&](size_t end) {
        size_t b = content.rfind('\n', end);
        return std::stod(content.substr(b == std::string::npos ? 0 : b + 1));
    };
    for (size_t tj; (tj = content.find(" TJ\n", i)) != std::string::npos; i = tj + 4) {
        // The state set before this TJ.
        for (size_t op = i; (op = content.find(" Tw\n", op)) != std::string::npos && op < tj; op += 4)
            tw = number_before(op);
        for (size_t op = i; (op = content.find(" Tf\n", op)) != std::string::npos && op < tj; op += 4) {
            size_t b = content.rfind(' ', op - 1);
            size = std::stod(content.substr(b + 1, op - b - 1));
        }
        size_t open = content.rfind('[', tj);
        bool after_space = false;
        for (size_t p = open + 1; p < tj;) {
            if (content[p] == '(') {
                std::vector<unsigned char> bytes;
                for (++p; content[p] != ')'; ++p) {
                    if (content[p] == '\\') ++p;
                    bytes.push_back(static_cast<unsigned char>(content[p]));
                }
                ++p;
                for (size_t b = 0; b < bytes.size(); b += two_byte ? 2 : 1) {
                    const bool space = two_byte ? bytes[b] == 0 && bytes[b + 1] == ' ' : bytes[b] == ' ';
                    if (after_space) after_space = false;
                    if (space) {
                        moves.push_back(two_byte ? 0 : tw);  // Tw moves one-byte spaces only
                        after_space = true;
                    }
                }
            } else if (content[p] == ' ' || content[p] == ']') {
                ++p;
            } else {
                size_t end = content.find_first_of(" ]", p);
                const double n = std::stod(content.substr(p, end - p));
                if (after_space) moves.back() -= n / 1000.0 * size;
                after_space = false;
                p = end;
            }
        }
    }
    return moves;
}

typeset::Page page_of(const std::vector<TextRun>& runs) {
    typeset::Page p;
    p.width = 420;
    p.height = 595;
    for (const TextRun& r : runs) p.items.push_back(r);
    return p;
}

std::string content(const typeset::Page& p, bool short_codes) {
    pdf::PageResources res;
    res.font_names = {"F1"};
    std::vector<pdf::FontFacts> facts(1);
    facts[0].space = 250;
    facts[0].short_codes = short_codes;
    return pdf::page_content(p, res, facts);
}

void expect_same_moves(const std::vector<double>& a, const std::vector<double>& b) {
    ASSERT_EQ(a.size(), b.size());
    for (size_t i = 0; i < a.size(); ++i) EXPECT_NEAR(a[i], b[i], 1e-5) << "space " << i;
}

TEST(WordSpacing, AJustifiedLineIsOneStringAfterTw) {
    // Three words 0.4 pt further apart than a space (2.5 pt at 10 pt): two
    // spaces of -40 each, as TJ numbers; with short codes one Tw instead.
    typeset::Page p = page_of({word("Men", 40, 18, {{1, -15}}), word("rarely", 60.9, 26), word("ask.", 89.8, 17)});
    const std::string with = content(p, true), without = content(p, false);
    EXPECT_NE(with.find("0.4 Tw\n"), std::string::npos) << with;
    EXPECT_NE(with.find("[(Me) 15 (n rarely ask.)] TJ"), std::string::npos) << with;
    EXPECT_EQ(without.find("Tw"), std::string::npos) << without;
    expect_same_moves(space_moves(with, false), space_moves(without, true));
    EXPECT_EQ(space_moves(with, false).size(), 2u);
}

TEST(WordSpacing, OddSpacesKeepTheDifferenceAndOtherLinesResetIt) {
    // A joined line (justified spaces as kerning), one space wider than the
    // others, then a line of a leader's unjustified spaces: those must not
    // take the word spacing of the line before.
    std::vector<TextRun> words = {word("a", 40, 5), word("b", 47.9, 5), word("c", 55.8, 5), word("d", 64.2, 5)};
    TextRun line = words[0];
    uint32_t count = typeset::code_points(line.text);
    for (size_t i = 1; i < words.size(); ++i) ASSERT_TRUE(typeset::join_run(line, words[i], 250, count));
    TextRun leader = word(". . . .", 40, 20);
    leader.y = 120;
    typeset::Page p = page_of({line, leader});
    const std::string with = content(p, true), without = content(p, false);
    EXPECT_NE(with.find("0.4 Tw\n"), std::string::npos) << with;
    EXPECT_NE(with.find("(a b c ) -50 (d)"), std::string::npos) << with;
    EXPECT_NE(with.find("0 Tw\n"), std::string::npos) << with;
    expect_same_moves(space_moves(with, false), space_moves(without, true));
    EXPECT_EQ(space_moves(with, false).size(), 6u);
}

TEST(WordSpacing, FacesWithTwoByteCodesKeepTheirNumbers) {
    typeset::Page p = page_of({word("Men", 40, 18), word("rarely", 60.9, 26), word("ask.", 89.8, 17)});
    const std::string two = content(p, false);
    EXPECT_EQ(two.find("Tw"), std::string::npos);
    EXPECT_NE(two.find("-40"), std::string::npos) << two;
}

}  // namespace
}  // namespace bb
