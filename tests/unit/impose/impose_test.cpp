#include <gtest/gtest.h>

#include "impose/impose.h"

using namespace bb::impose;
using namespace bb::typeset;

namespace {
PagedDoc pages(int n, double w = 419.53, double h = 595.28) {
    PagedDoc doc;
    doc.font_index("/fonts/a.ttf");
    for (int i = 0; i < n; ++i) {
        Page p;
        p.width = w, p.height = h, p.label = std::to_string(i + 1);
        TextRun t;
        t.text = "page " + std::to_string(i + 1);
        t.x = 50, t.y = 60, t.width = 30;
        p.items.push_back(t);
        doc.pages.push_back(p);
    }
    return doc;
}

std::string text_at(const Page& sheet, bool right_half) {
    for (const Item& it : sheet.items)
        if (auto* t = std::get_if<TextRun>(&it))
            if ((t->x >= sheet.width / 2) == right_half) return t->text;
    return "";
}
}  // namespace

TEST(Arrange, BookletOfEightIsSaddleStitchOrder) {
    // Sheet 1 front 8|1, back 2|7; sheet 2 front 6|3, back 4|5 (1-based).
    auto s = arrange(8, Mode::Booklet);
    ASSERT_EQ(s.size(), 4u);
    EXPECT_EQ(s[0].left, 7); EXPECT_EQ(s[0].right, 0);
    EXPECT_EQ(s[1].left, 1); EXPECT_EQ(s[1].right, 6);
    EXPECT_EQ(s[2].left, 5); EXPECT_EQ(s[2].right, 2);
    EXPECT_EQ(s[3].left, 3); EXPECT_EQ(s[3].right, 4);
}

TEST(Arrange, BookletPadsToAMultipleOfFourWithBlanks) {
    // 5 pages -> 8 slots: 3 blanks, each at the back of the booklet.
    auto s = arrange(5, Mode::Booklet);
    ASSERT_EQ(s.size(), 4u);
    EXPECT_EQ(s[0].left, -1); EXPECT_EQ(s[0].right, 0);
    EXPECT_EQ(s[1].left, 1);  EXPECT_EQ(s[1].right, -1);
    EXPECT_EQ(s[2].left, -1); EXPECT_EQ(s[2].right, 2);
    EXPECT_EQ(s[3].left, 3);  EXPECT_EQ(s[3].right, 4);
    int used = 0;
    for (auto& slot : s) used += (slot.left >= 0) + (slot.right >= 0);
    EXPECT_EQ(used, 5);
}

TEST(Arrange, TwoUpKeepsReadingOrder) {
    auto s = arrange(3, Mode::TwoUp);
    ASSERT_EQ(s.size(), 2u);
    EXPECT_EQ(s[0].left, 0); EXPECT_EQ(s[0].right, 1);
    EXPECT_EQ(s[1].left, 2); EXPECT_EQ(s[1].right, -1);
}

TEST(Impose, A5PagesFitA4SheetUnscaledAndCentred) {
    PagedDoc doc = pages(4);
    doc.anchors["g"] = {2, 100};
    doc.links.push_back({3, 10, 20, 30, 40, "https://example.org/", ""});
    Options o;
    o.mode = Mode::Booklet;
    PagedDoc out = impose(doc, o);
    ASSERT_EQ(out.pages.size(), 2u);
    EXPECT_EQ(text_at(out.pages[0], false), "page 4");
    EXPECT_EQ(text_at(out.pages[0], true), "page 1");
    EXPECT_EQ(text_at(out.pages[1], false), "page 2");
    EXPECT_EQ(text_at(out.pages[1], true), "page 3");
    // A5 is exactly half of A4: scale 1, the right page starts at the middle.
    auto* t = std::get_if<TextRun>(&out.pages[0].items[1]);
    ASSERT_NE(t, nullptr);
    EXPECT_NEAR(t->x, 841.89 / 2 + (841.89 / 2 - 419.53) / 2 + 50, 0.01);
    EXPECT_DOUBLE_EQ(t->size, 10);
    // Page 3 is on the back of the sheet; page 4 on the front, left half.
    EXPECT_EQ(out.anchors.at("g").page, 1u);
    ASSERT_EQ(out.links.size(), 1u);
    EXPECT_EQ(out.links[0].page, 0u);
    EXPECT_NEAR(out.links[0].x, (841.89 / 2 - 419.53) / 2 + 10, 0.01);
    EXPECT_EQ(out.links[0].uri, "https://example.org/");
}

TEST(Impose, LargerPagesAreScaledDownToFit) {
    PagedDoc doc = pages(2, 595.28, 841.89);  // A4 portrait onto A4 landscape
    Options o;
    o.mode = Mode::TwoUp;
    o.crop_marks = true;
    PagedDoc out = impose(doc, o);
    ASSERT_EQ(out.pages.size(), 1u);
    double scale = (841.89 / 2 - 24) / 595.28;  // half the sheet width, less room for the marks
    auto* t = std::get_if<TextRun>(&out.pages[0].items[0]);
    ASSERT_NE(t, nullptr);
    EXPECT_NEAR(t->size, 10 * scale, 1e-9);
    for (const Item& it : out.pages[0].items)
        if (auto* l = std::get_if<Line>(&it)) {
            EXPECT_GE(std::min(l->x1, l->x2), 0);
            EXPECT_LE(std::max(l->x1, l->x2), 841.89);
        }
    int lines = 0;
    for (const Item& it : out.pages[0].items) lines += std::holds_alternative<Line>(it);
    EXPECT_EQ(lines, 16);  // 8 marks per page, 2 pages
}

TEST(Impose, NoneReturnsTheDocument) {
    PagedDoc doc = pages(3);
    EXPECT_EQ(trace(impose(doc, Options{})), trace(doc));
}
