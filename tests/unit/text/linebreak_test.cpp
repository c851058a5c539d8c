// Knuth-Plass line breaker on synthetic box/glue/penalty lists. Expected
// breaks are computed by hand in the comments with the documented formulas:
// badness b = round(100 r^3) (10000 when there is nothing to stretch),
// demerits = (line_penalty + b)^2 (+ p^2 for a penalty p >= 0),
// + double_hyphen_demerits / final_hyphen_demerits, + adj_demerits when the
// fitness classes (0 very loose b>99, 1 loose b>12, 2 decent, 3 tight b>12
// when shrinking) of adjacent lines differ by more than 1. The paragraph
// start counts as decent. line_penalty = 10 throughout.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <functional>
#include <random>

#include "text/linebreak.h"

using namespace bb::text;

namespace {

// Words of the given widths separated by `glue`, finished like a paragraph.
// Word k is item 2k, the glue after it item 2k+1; the final break is the
// last item (2n - 1 + 3 items of finish_paragraph = index 2n + 1).
std::vector<Item> words(std::vector<double> widths, Item glue) {
    std::vector<Item> items;
    for (size_t k = 0; k < widths.size(); ++k) {
        if (k) items.push_back(glue);
        items.push_back(Item::make_box(widths[k], k));
    }
    finish_paragraph(items);
    return items;
}

Item flagged(double width, double penalty) { return Item::make_penalty(width, penalty, true); }

}  // namespace

TEST(Badness, FollowsTeX) {
    EXPECT_EQ(badness(0, 0), 0);
    EXPECT_EQ(badness(1, 1), 100);
    EXPECT_EQ(badness(1, 2), 13);    // 100 * 0.125 = 12.5, rounded
    EXPECT_EQ(badness(1, 0), 10000); // nothing to stretch
    EXPECT_EQ(badness(5, 1), 10000); // r = 5 > 4.64
}

TEST(LineBreak, TotalFitBeatsGreedy) {
    // Words 2 3 1 1 6 1 3, glue 1 plus 2 minus 0, measure 10.
    // Greedy (first fit): "2 3 1 1" (=10, b 0) | "6 1" (=8, r=2/2=1, b 100,
    //   very loose) | "3": 100 + 12100 + 10000 (adj: decent->very loose)
    //   + 100 + 10000 (adj back) = 32300.
    // Total fit: "2 3 1" (=8, r=2/4, b 13, loose) | "1 6 1" (=10, b 0) | "3":
    //   23^2 + 10^2 + 10^2 = 729.
    auto items = words({2, 3, 1, 1, 6, 1, 3}, Item::make_glue(1, 2, 0));
    BreakResult r = break_lines(items, Measure(10));
    ASSERT_EQ(r.lines.size(), 3u);
    EXPECT_EQ(r.breaks(), (std::vector<size_t>{5, 11, items.size() - 1}));
    EXPECT_DOUBLE_EQ(r.demerits, 729);
    EXPECT_DOUBLE_EQ(r.lines[0].ratio, 0.5);
    EXPECT_DOUBLE_EQ(r.lines[1].ratio, 0);
    EXPECT_EQ(r.lines[0].fitness, 1);
    EXPECT_EQ(r.lines[1].begin, 6u);  // the glue at 5 is discarded
    EXPECT_TRUE(r.overfull.empty());
}

TEST(LineBreak, AdjacentFitnessClasses) {
    // Words 6 3 1 4 3 2 5, glue 2 plus 1 minus 1, measure 12.
    // A: "6 3" (=11, r=1, b 100, very loose) | "1 4 3" (=12, b 0) | "2 5":
    //    110^2 + 100 + 100 = 12300, plus adj 10000 twice (start decent ->
    //    very loose, very loose -> decent) = 32300.
    // B: "6 3 1" (=14, shrink 2/2, b 100, tight) | "4 3 2" (=13, shrink 1/2,
    //    b 13, tight) | "5": 12100 + 529 + 100 = 12729, no adjacency cost.
    auto items = words({6, 3, 1, 4, 3, 2, 5}, Item::make_glue(2, 1, 1));
    BreakParams p;
    BreakResult with_adj = break_lines(items, Measure(12), p);
    EXPECT_EQ(with_adj.breaks(), (std::vector<size_t>{5, 11, items.size() - 1}));
    EXPECT_DOUBLE_EQ(with_adj.demerits, 12729);
    EXPECT_EQ(with_adj.lines[0].fitness, 3);
    EXPECT_DOUBLE_EQ(with_adj.lines[0].ratio, -1);
    p.adj_demerits = 0;  // without the adjacency rule A is cheaper (12300)
    BreakResult without = break_lines(items, Measure(12), p);
    EXPECT_EQ(without.breaks(), (std::vector<size_t>{3, 9, items.size() - 1}));
    EXPECT_DOUBLE_EQ(without.demerits, 12300);
    EXPECT_EQ(without.lines[0].fitness, 0);
}

TEST(LineBreak, DoubleHyphenDemerits) {
    // 0 B4, 1 G, 2 B4, 3 hyphen(1, 50), 4 B3, 5 G, 6 B5, 7 hyphen(1, 50),
    // 8 B2, 9 G, 10 B3; glue 1 plus 1 minus 1; measure 10;
    // final_hyphen_demerits 0 to isolate the double-hyphen rule.
    // Line 1 must end at 3 (4+1+4+1 = 10, b 0): 100 + 2500 = 2600.
    // A: line 2 ends at hyphen 7 (3+1+5+1 = 10): 100 + 2500 + double; line 3
    //    "2 3": 100. = 5300 + double_hyphen_demerits.
    // B: line 2 ends at glue 9 (3+1+5+2 = 11, shrink 1/1, b 100, tight):
    //    12100; line 3 "3": 100. = 14800.
    std::vector<Item> items = {Item::make_box(4),   Item::make_glue(1, 1, 1), Item::make_box(4),
                               flagged(1, 50),      Item::make_box(3),        Item::make_glue(1, 1, 1),
                               Item::make_box(5),   flagged(1, 50),           Item::make_box(2),
                               Item::make_glue(1, 1, 1), Item::make_box(3)};
    finish_paragraph(items);
    BreakParams p;
    p.final_hyphen_demerits = 0;
    BreakResult r = break_lines(items, Measure(10), p);  // 15300 > 14800: B
    EXPECT_EQ(r.breaks(), (std::vector<size_t>{3, 9, items.size() - 1}));
    EXPECT_DOUBLE_EQ(r.demerits, 14800);
    EXPECT_TRUE(r.lines[0].hyphenated);
    EXPECT_FALSE(r.lines[1].hyphenated);
    p.double_hyphen_demerits = 0;  // 5300 < 14800: A, two hyphens in a row
    BreakResult a = break_lines(items, Measure(10), p);
    EXPECT_EQ(a.breaks(), (std::vector<size_t>{3, 7, items.size() - 1}));
    EXPECT_DOUBLE_EQ(a.demerits, 5300);
    EXPECT_TRUE(a.lines[1].hyphenated);
    EXPECT_DOUBLE_EQ(a.lines[1].natural, 10);  // the hyphen's width counts
}

TEST(LineBreak, FinalHyphenDemerits) {
    // 0 B4, 1 G, 2 B4, 3 hyphen(1, 0), 4 B2, 5 G, 6 B3; glue 1 plus 2 minus 2;
    // measure 10.
    // A: "4 4-" (=10, b 0): 100 | "2 3" last: 100 + final = 200 + final.
    // B: "4 4 2" (=11, shrink 1/2, b 13): 529 | "3": 100 = 629.
    std::vector<Item> items = {Item::make_box(4), Item::make_glue(1, 2, 2), Item::make_box(4), flagged(1, 0),
                               Item::make_box(2), Item::make_glue(1, 2, 2), Item::make_box(3)};
    finish_paragraph(items);
    BreakParams p;  // final_hyphen_demerits 5000: 5200 > 629
    BreakResult r = break_lines(items, Measure(10), p);
    EXPECT_EQ(r.breaks(), (std::vector<size_t>{5, items.size() - 1}));
    EXPECT_DOUBLE_EQ(r.demerits, 629);
    p.final_hyphen_demerits = 0;  // 200 < 629
    BreakResult a = break_lines(items, Measure(10), p);
    EXPECT_EQ(a.breaks(), (std::vector<size_t>{3, items.size() - 1}));
    EXPECT_DOUBLE_EQ(a.demerits, 200);
}

TEST(LineBreak, OverfullBoxIsReportedAndAlone) {
    // B4 G B15 G B3 at measure 10: B15 cannot fit anywhere. The least
    // overflowing line is B15 alone (overflow 5), so the lines are
    // "4" | "15" (overfull, line 1) | "3".
    auto items = words({4, 15, 3}, Item::make_glue(1, 1, 1));
    BreakResult r = break_lines(items, Measure(10));
    ASSERT_EQ(r.lines.size(), 3u);
    EXPECT_EQ(r.breaks(), (std::vector<size_t>{1, 3, items.size() - 1}));
    EXPECT_EQ(r.overfull, (std::vector<size_t>{1}));
    EXPECT_TRUE(r.lines[1].overfull);
    EXPECT_FALSE(r.lines[0].overfull);
    EXPECT_EQ(r.pass, 4);
}

TEST(LineBreak, EmergencyBreaksInsideABox) {
    // The 15-wide word is given as 5 pieces of 3 with emergency penalties
    // between them; the last-resort pass uses them and nothing is overfull.
    std::vector<Item> items = {Item::make_box(4), Item::make_glue(1, 1, 1)};
    for (int k = 0; k < 5; ++k) {
        if (k) {
            Item e = Item::make_penalty(0, 5000);
            e.emergency = true;
            items.push_back(e);
        }
        items.push_back(Item::make_box(3));
    }
    items.push_back(Item::make_glue(1, 1, 1));
    items.push_back(Item::make_box(3));
    finish_paragraph(items);
    BreakResult r = break_lines(items, Measure(10));
    EXPECT_TRUE(r.overfull.empty());
    EXPECT_EQ(r.pass, 5);
    for (size_t i = 0; i < r.lines.size(); ++i) EXPECT_FALSE(r.lines[i].overfull) << i;
    // Without emergency breaks in the list the same text is overfull.
    auto plain = words({4, 15, 3}, Item::make_glue(1, 1, 1));
    EXPECT_FALSE(break_lines(plain, Measure(10)).overfull.empty());
}

TEST(LineBreak, RaggedRightIsNotGreedy) {
    // Words 5 7 2 1 4 3 2 1, glue 1 plus 0 minus 0, \rightskip stretch 5,
    // measure 10.
    // Greedy: "5" | "7 2" | "1 4 3" | "2 1" = 22100 + 10100 + 100 + 100 = 32400
    //   (line 1: r = 5/5, b 100, very loose, adj from decent start; line 2
    //   decent: adj again).
    // Total fit: "5" (22100) | "7" (r = 3/5, b 22, loose: 32^2 = 1024) |
    //   "2 1 4" (=9, r = 1/5, b 1: 121) | "3 2 1" (last: 100) = 23345.
    auto items = words({5, 7, 2, 1, 4, 3, 2, 1}, Item::make_glue(1, 0, 0));
    BreakParams p;
    p.line_end_stretch = 5;
    BreakResult r = break_lines(items, Measure(10), p);
    EXPECT_EQ(r.breaks(), (std::vector<size_t>{1, 3, 9, items.size() - 1}));
    EXPECT_DOUBLE_EQ(r.demerits, 23345);
    // Spaces stay natural; only the last line's \parfillskip stretches.
    for (size_t i = 0; i + 1 < r.lines.size(); ++i) EXPECT_EQ(r.lines[i].ratio, 0);
    EXPECT_LT(r.lines.back().ratio, 1e-6);
}

TEST(LineBreak, VaryingLineWidths) {
    // Words 1 5 1 4 1 3, glue 1 plus 1 minus 1.
    // Measure 10 everywhere: "1 5 1" (=9, r 1/2, b 13: 529) | "4 1 3" (100).
    // Measure 6 then 10: "1 5" (=7 on 6: shrink 1/1, b 100: 12100) |
    //   "1 4 1 3" (=12 on 10: shrink 2/3, b 30: 1600) = 13700; the uniform
    //   answer's first line "1 5 1" (=9 on 6) would be overfull.
    auto items = words({1, 5, 1, 4, 1, 3}, Item::make_glue(1, 1, 1));
    BreakResult uniform = break_lines(items, Measure(10));
    EXPECT_EQ(uniform.breaks(), (std::vector<size_t>{5, items.size() - 1}));
    EXPECT_DOUBLE_EQ(uniform.demerits, 629);
    BreakResult varied = break_lines(items, Measure(std::vector<double>{6, 10}));
    EXPECT_EQ(varied.breaks(), (std::vector<size_t>{3, items.size() - 1}));
    EXPECT_DOUBLE_EQ(varied.demerits, 13700);
}

TEST(LineBreak, FirstPassSkipsHyphenationPoints) {
    // "4 4" + discretionary + "2" ... fits without hyphenation in pass 1.
    std::vector<Item> items = {Item::make_box(4), Item::make_glue(1, 1, 1), Item::make_box(4)};
    Item h = flagged(1, 50);
    h.discretionary = true;
    items.push_back(h);
    items.push_back(Item::make_box(4));
    finish_paragraph(items);
    // At measure 13 "4 4 4"... = 4+1+8 = 13: one line, pass 1.
    BreakResult r = break_lines(items, Measure(13));
    EXPECT_EQ(r.pass, 1);
    EXPECT_EQ(r.lines.size(), 1u);
    // At measure 10 pass 1 fails ("4" alone has no stretch; "4 8" too wide),
    // pass 2 breaks at the hyphen: "4 4-" (=10).
    BreakResult h2 = break_lines(items, Measure(10));
    EXPECT_EQ(h2.pass, 2);
    EXPECT_EQ(h2.breaks(), (std::vector<size_t>{3, items.size() - 1}));
    EXPECT_TRUE(h2.lines[0].hyphenated);
}

TEST(LineBreak, AtMostTwoHyphenatedLinesInARow) {
    // Random words, most with a free hyphenation point (penalty 0, no
    // double-hyphen cost): the unconstrained optimum often ends three or
    // more lines in a row with a hyphen; the default limit of 2 never does,
    // and costs no overfull line.
    auto longest_run = [](const BreakResult& r) {
        size_t run = 0, longest = 0;
        for (const auto& l : r.lines) longest = std::max(longest, run = l.hyphenated ? run + 1 : 0);
        return longest;
    };
    std::mt19937 rng(42);
    int ladders = 0;
    for (int trial = 0; trial < 40; ++trial) {
        std::vector<Item> items;
        for (int k = 0; k < 120; ++k) {
            if (k) items.push_back(Item::make_glue(3, 1.5, 1));
            double w = 8 + rng() % 30;
            if (rng() % 4 != 0) {
                items.push_back(Item::make_box(w / 2));
                items.push_back(flagged(3, 0));
                items.push_back(Item::make_box(w / 2));
            } else {
                items.push_back(Item::make_box(w));
            }
        }
        finish_paragraph(items);
        BreakParams p;
        p.double_hyphen_demerits = 0;
        p.final_hyphen_demerits = 0;
        p.max_consecutive_hyphens = 0;
        BreakResult free = break_lines(items, Measure(100), p);
        ladders += longest_run(free) >= 3;
        p.max_consecutive_hyphens = 2;
        BreakResult limited = break_lines(items, Measure(100), p);
        EXPECT_LE(longest_run(limited), 2u) << trial;
        EXPECT_EQ(limited.overfull.size(), free.overfull.size());
        EXPECT_GE(limited.demerits, free.demerits);  // a constraint never lowers the optimum
    }
    EXPECT_GT(ladders, 5);
}

TEST(LineBreak, BoundedActiveListStillSolves) {
    // With at most 2 active nodes the breaker is no longer exact, but it
    // still covers the paragraph, never does better than the exact optimum,
    // and sets no overfull line.
    std::mt19937 rng(5);
    std::vector<double> w;
    for (int k = 0; k < 300; ++k) w.push_back(2 + rng() % 8);
    auto items = words(w, Item::make_glue(1, 0.5, 0.33));
    BreakParams exact;
    BreakResult best = break_lines(items, Measure(40), exact);
    BreakParams bounded;
    bounded.max_active = 2;
    BreakResult r = break_lines(items, Measure(40), bounded);
    ASSERT_FALSE(r.lines.empty());
    EXPECT_EQ(r.lines.back().end, items.size() - 1);
    EXPECT_TRUE(r.overfull.empty());
    EXPECT_LE(r.peak_active, 2u);
    EXPECT_GT(best.peak_active, 2u);
    if (r.pass == best.pass) {
        EXPECT_GE(r.demerits, best.demerits);
    }
}

TEST(LineBreak, ForcedBreakInside) {
    auto items = words({2, 2, 2, 2}, Item::make_glue(1, 1, 1));
    // Replace the glue between word 1 and 2 (index 3) by a forced break.
    items[3] = Item::make_penalty(0, -kInfPenalty);
    BreakResult r = break_lines(items, Measure(100));
    EXPECT_EQ(r.breaks(), (std::vector<size_t>{3, items.size() - 1}));
}

TEST(LineBreak, Looseness) {
    // 12 words of 3 with glue 1 plus 2 minus 1 at measure 20.
    // Best: 5 | 5 | 2 words (19 = short 1 of stretch 8, b 0): 3 x 100 = 300.
    // Two lines: only 6 | 6 fits (23 = excess 3 of shrink 5, b 22, on both
    // lines, the last line too): 2 x 32^2 = 2048.
    // Four lines, e.g. 3 words (11 = short 9 of 4, b 1139): feasible only
    // because tolerance is 10000 here.
    std::vector<double> w(12, 3);
    auto items = words(w, Item::make_glue(1, 2, 1));
    BreakParams p;
    p.tolerance = 10000;
    BreakResult best = break_lines(items, Measure(20), p);
    p.looseness = 1;
    BreakResult looser = break_lines(items, Measure(20), p);
    EXPECT_EQ(best.lines.size(), 3u);
    EXPECT_DOUBLE_EQ(best.demerits, 300);
    EXPECT_EQ(looser.lines.size(), 4u);
    p.looseness = -1;
    BreakResult tighter = break_lines(items, Measure(20), p);
    EXPECT_EQ(tighter.lines.size(), 2u);
    EXPECT_DOUBLE_EQ(tighter.demerits, 2048);
}

// Brute force over every subset of legal breaks with the same formulas:
// the breaker must find the same minimum demerits.
namespace {
double brute_force(const std::vector<Item>& items, double L, const BreakParams& p) {
    std::vector<size_t> legal;
    for (size_t i = 0; i + 1 < items.size(); ++i) {
        const Item& it = items[i];
        if ((it.is_glue() && i > 0 && items[i - 1].is_box()) || (it.is_penalty() && it.penalty < kInfPenalty))
            legal.push_back(i);
    }
    double best = INFINITY;
    size_t n = legal.size();
    for (size_t mask = 0; mask < (size_t{1} << n); ++mask) {
        std::vector<size_t> brks;
        for (size_t k = 0; k < n; ++k)
            if (mask >> k & 1) brks.push_back(legal[k]);
        brks.push_back(items.size() - 1);
        size_t start = 0;
        int prev_fit = 2;
        bool prev_flag = false;
        double total = 0;
        bool ok = true;
        for (size_t b : brks) {
            double w = 0, y = 0, z = 0;
            for (size_t k = start; k < b; ++k) {
                if (!items[k].is_penalty()) w += items[k].width;
                if (items[k].is_glue()) y += items[k].stretch, z += items[k].shrink;
            }
            if (items[b].is_penalty()) w += items[b].width;
            double bad;
            int fit;
            if (w <= L) {
                bad = y >= kFill ? 0 : badness(L - w, y);
                fit = bad > 99 ? 0 : bad > 12 ? 1 : 2;
            } else {
                if (w - L > z + 1e-9) { ok = false; break; }
                bad = badness(w - L, z);
                fit = bad > 12 ? 3 : 2;
            }
            if (bad > p.tolerance) { ok = false; break; }
            double d = (p.line_penalty + bad) * (p.line_penalty + bad);
            if (items[b].is_penalty() && items[b].penalty >= 0) d += items[b].penalty * items[b].penalty;
            bool flag = items[b].is_penalty() && items[b].flagged;
            bool final = b == items.size() - 1;
            if (prev_flag) d += final ? p.final_hyphen_demerits : (flag ? p.double_hyphen_demerits : 0);
            if (std::abs(fit - prev_fit) > 1) d += p.adj_demerits;
            total += d;
            prev_fit = fit;
            prev_flag = flag && !final;
            start = b + 1;
            while (start < items.size() && !items[start].is_box() && !items[start].is_forced_break()) ++start;
        }
        if (ok) best = std::min(best, total);
    }
    return best;
}
}  // namespace

namespace {
/// A random paragraph and the measure to set it in.
struct RandomList {
    std::vector<Item> items;
    double measure;
};

/// Sets `trials` paragraphs from `make` with TeX's second pass at
/// `tolerance` and compares each minimum with the brute force's; one with
/// no feasible solution must have been answered by a later pass. Returns
/// the results compared.
std::vector<BreakResult> compare_with_brute_force(int trials, double tolerance,
                                                  const std::function<RandomList()>& make) {
    std::vector<BreakResult> compared;
    for (int trial = 0; trial < trials; ++trial) {
        const RandomList list = make();
        BreakParams p;
        p.pretolerance = -1;
        p.tolerance = tolerance;
        p.max_consecutive_hyphens = 0;  // not modelled by the brute force
        const double expected = brute_force(list.items, list.measure, p);
        BreakResult r = break_lines(list.items, Measure(list.measure), p);
        if (std::isinf(expected)) {
            EXPECT_GE(r.pass, 3) << "trial " << trial;  // no feasible solution: a later pass answered
            continue;
        }
        EXPECT_EQ(r.pass, 2) << "trial " << trial;
        EXPECT_DOUBLE_EQ(r.demerits, expected) << "trial " << trial;
        compared.push_back(std::move(r));
    }
    return compared;
}
}  // namespace

TEST(LineBreak, MatchesBruteForceOnRandomLists) {
    std::mt19937 rng(1234);
    auto compared = compare_with_brute_force(300, 10000, [&] {
        RandomList list;
        int nwords = 4 + static_cast<int>(rng() % 7);
        for (int k = 0; k < nwords; ++k) {
            if (k) {
                if (rng() % 4 == 0) list.items.push_back(flagged(1, 50));
                else list.items.push_back(Item::make_glue(1, 1 + rng() % 2, rng() % 2));
            }
            list.items.push_back(Item::make_box(1 + rng() % 6));
        }
        finish_paragraph(list.items);
        list.measure = 8 + rng() % 6;
        return list;
    });
    EXPECT_GT(compared.size(), 150u);
}

// With TeX's tolerance most breaks inside a line are too loose for every
// active node, and the breaker skips them without looking at each
// (all_too_loose): the minimum must still be the brute force's.
TEST(LineBreak, MatchesBruteForceWithTeXsTolerance) {
    std::mt19937 rng(4321);
    auto compared = compare_with_brute_force(400, 200, [&] {
        RandomList list;
        int nwords = 5 + static_cast<int>(rng() % 8);
        for (int k = 0; k < nwords; ++k) {
            if (k) {
                if (rng() % 5 == 0) list.items.push_back(flagged(0.5, 50));
                else list.items.push_back(Item::make_glue(1, 0.5 + (rng() % 3) * 0.25, 0.25));
            }
            // Quarters: every sum exact, so no badness sits on a rounding edge.
            list.items.push_back(Item::make_box(1 + rng() % 4 + (rng() % 4) * 0.25));
        }
        finish_paragraph(list.items);
        list.measure = 9 + rng() % 5;
        return list;
    });
    EXPECT_GT(compared.size(), 100u);
    // The first line passed over a too-loose break.
    EXPECT_GT(std::count_if(compared.begin(), compared.end(), [](const BreakResult& r) { return r.lines.front().end > 2; }),
              50);
}

// The last passes are first run with a bound on the total demerits
// (run_bounded): on paragraphs that reach them -- long words that
// hyphenate in few places, stiff spaces, words wider than the line --
// they must give exactly what the unbounded passes give, including where
// the bounded runs give up (a total above every bound, an artificial
// break) and where no bound is tried (a negative penalty).
TEST(LineBreak, BoundedLastPassesGiveTheUnboundedLines) {
    std::mt19937 rng(2026);
    int last_passes = 0, above_bounds = 0, artificial = 0, unbounded = 0;
    for (int trial = 0; trial < 600; ++trial) {
        std::vector<Item> items;
        const int nwords = 10 + static_cast<int>(rng() % 40);
        for (int k = 0; k < nwords; ++k) {
            if (k) {
                if (rng() % 300 == 0) items.push_back(Item::make_penalty(0, -5000));  // a break the author asked for
                items.push_back(Item::make_glue(1, 0.25 + (rng() % 3) * 0.25, 0.25));
            }
            if (rng() % 6) {
                // now and then a word wider than any line, unbreakable
                items.push_back(Item::make_box(rng() % 25 ? 1 + rng() % 6 + (rng() % 4) * 0.25 : 30 + rng() % 10));
                continue;
            }
            // A long word: syllables with a hyphenation point or, when
            // unhyphenatable, character-level emergency breaks.
            const bool emergency = rng() % 3 == 0;
            const int pieces = 3 + static_cast<int>(rng() % 8);
            for (int q = 0; q < pieces; ++q) {
                if (q) {
                    Item brk = emergency ? Item::make_penalty(0, 0) : flagged(0.5, 50);
                    brk.discretionary = !emergency;
                    brk.emergency = emergency;
                    items.push_back(brk);
                }
                items.push_back(Item::make_box(2 + rng() % 5));
            }
        }
        finish_paragraph(items);
        BreakParams p;
        p.emergency_stretch = 1 + rng() % 3;
        p.max_consecutive_hyphens = static_cast<int>(rng() % 4);
        if (trial % 4 == 0) p.max_active = 2 + rng() % 7;  // the active list cut to its best few
        const Measure measure = rng() % 4 ? Measure(18 + rng() % 14) : Measure({14.0, 26.0});
        BreakResult bounded = break_lines(items, measure, p);
        p.bounded_last_passes = false;
        BreakResult full = break_lines(items, measure, p);
        ASSERT_EQ(bounded.pass, full.pass) << "trial " << trial;
        EXPECT_EQ(bounded.demerits, full.demerits) << "trial " << trial;
        EXPECT_EQ(bounded.overfull, full.overfull) << "trial " << trial;
        ASSERT_EQ(bounded.lines.size(), full.lines.size()) << "trial " << trial;
        for (size_t i = 0; i < full.lines.size(); ++i) {
            EXPECT_EQ(bounded.lines[i].begin, full.lines[i].begin) << "trial " << trial << " line " << i;
            EXPECT_EQ(bounded.lines[i].end, full.lines[i].end) << "trial " << trial << " line " << i;
            EXPECT_EQ(bounded.lines[i].fitness, full.lines[i].fitness) << "trial " << trial << " line " << i;
        }
        if (full.pass < 4) continue;
        ++last_passes;
        above_bounds += full.demerits > 1e10;
        artificial += !full.overfull.empty();
        unbounded += std::any_of(items.begin(), items.end(),
                                 [](const Item& it) { return it.is_penalty() && it.penalty == -5000; });
    }
    std::printf("[ cases    ] %d in the last passes: %d above the bounds, %d with an artificial break, %d with a negative penalty\n",
                last_passes, above_bounds, artificial, unbounded);
    EXPECT_GT(last_passes, 150);
    EXPECT_GT(above_bounds, 10);
    EXPECT_GT(artificial, 10);
    EXPECT_GT(unbounded, 10);
}

// Found by a review of the bounded passes: with a box of negative width a
// longer line can be the tighter one, and the shortcut that passes over a
// break when the oldest node's line is too loose (all_too_loose) skipped a
// line that fits; with a negative line_penalty a line's badness no longer
// bounds its demerits. Both now give the unbounded answer.
TEST(LineBreak, BoundedLastPassesWithNegativeWidthsOrLinePenalty) {
    std::vector<Item> items;
    for (double w : {4.0, 4.0, 5.0, 3.0, 5.5}) items.push_back(Item::make_box(w));
    items.push_back(Item::make_glue(1, 1, 0.5));
    items.push_back(Item::make_box(2));
    items.push_back(Item::make_glue(1, 0, 0.25));
    items.push_back(Item::make_box(-1));
    Item hyphen = flagged(0.5, 300);
    hyphen.discretionary = true;
    items.push_back(hyphen);
    for (double w : {1.0, 5.0}) items.push_back(Item::make_box(w));
    items.push_back(Item::make_glue(1, 1, 0.5));
    for (double w : {5.25, 1.0, 3.0, 2.0, 3.0, 4.0}) items.push_back(Item::make_box(w));
    items.push_back(Item::make_glue(1, 0.25, 0));
    for (double w : {-2.0, 1.0, 5.0}) items.push_back(Item::make_box(w));
    items.push_back(Item::make_glue(0, kFill, 0));
    items.push_back(Item::make_penalty(0, -kInfPenalty));
    BreakParams p;
    BreakResult bounded = break_lines(items, Measure(29), p);
    p.bounded_last_passes = false;
    BreakResult full = break_lines(items, Measure(29), p);
    EXPECT_EQ(bounded.pass, 4);
    EXPECT_EQ(bounded.breaks(), full.breaks());
    EXPECT_EQ(bounded.demerits, full.demerits);
    EXPECT_EQ(full.breaks(), (std::vector<size_t>{9, 19, 24}));  // the review's unbounded answer

    std::vector<Item> stiff = {Item::make_box(2), Item::make_glue(1, 0.005, 0), Item::make_box(2.0000005),
                               Item::make_glue(1, 0, 0), Item::make_box(4), Item::make_glue(1, 0.002, 0),
                               Item::make_box(3), Item::make_penalty(0, -kInfPenalty)};
    BreakParams q;
    q.line_penalty = -1e11;  // (line_penalty + 1e11)^2: a line with no stretch costs nothing
    q.adj_demerits = 0;
    BreakResult q_bounded = break_lines(stiff, Measure(10), q);
    q.bounded_last_passes = false;
    BreakResult q_full = break_lines(stiff, Measure(10), q);
    EXPECT_EQ(q_bounded.breaks(), q_full.breaks());
    EXPECT_EQ(q_bounded.demerits, q_full.demerits);
    EXPECT_EQ(q_full.breaks(), (std::vector<size_t>{1, 3, 7}));
}

TEST(LineBreak, NeverEmptyAndNeverWiderWhenPossible) {
    EXPECT_TRUE(break_lines({}, Measure(10)).lines.empty());
    std::mt19937 rng(99);
    for (int trial = 0; trial < 50; ++trial) {
        std::vector<double> w;
        for (int k = 0; k < 200; ++k) w.push_back(1 + rng() % 9);
        auto items = words(w, Item::make_glue(1, 0.5, 0.33));
        BreakResult r = break_lines(items, Measure(30));
        EXPECT_TRUE(r.overfull.empty());
        size_t covered = 0;
        for (const auto& l : r.lines) {
            EXPECT_GE(l.ratio, -1);
            covered += l.end >= l.begin;
        }
        EXPECT_EQ(covered, r.lines.size());
        EXPECT_EQ(r.lines.back().end, items.size() - 1);
    }
}

// A long paragraph keeps a short active list: nodes are dropped as their
// lines overflow, so the cost grows with the paragraph, not its square.
// (Its speed is measured in bench/micro, BM_BreakLines, not here.)
TEST(LineBreak, LongParagraphKeepsAShortActiveList) {
    // 2,000 words of 2-12 units, interword glue 3 plus 1.5 minus 1, with a
    // hyphenation point in every third word, at a measure of about 12 words.
    std::mt19937 rng(7);
    std::vector<Item> items;
    for (int k = 0; k < 2000; ++k) {
        if (k) items.push_back(Item::make_glue(3, 1.5, 1));
        double w = 10 + rng() % 50;
        if (k % 3 == 0) {
            items.push_back(Item::make_box(w / 2));
            Item h = flagged(3, 50);
            h.discretionary = true;
            items.push_back(h);
            items.push_back(Item::make_box(w / 2));
        } else {
            items.push_back(Item::make_box(w));
        }
    }
    finish_paragraph(items);
    BreakResult r = break_lines(items, Measure(400));
    EXPECT_GT(r.lines.size(), 100u);
    EXPECT_TRUE(r.overfull.empty());
    // About a line's worth of breaks (12 words, 4 hyphens) times the fitness
    // classes, far below the bound (which is not what keeps it short).
    EXPECT_LT(r.peak_active, 64u);
}
