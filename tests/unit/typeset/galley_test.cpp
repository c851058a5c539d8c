// paginates_alike: what decides whether a measure pass may take the last
// pass's pages instead of paginating the book again.
#include <gtest/gtest.h>

#include "typeset/galley.h"

namespace bb::typeset {
namespace {

Galley sample() {
    Galley g;
    g.frames.push_back(Frame{{240, 240, 230}, {80, 100, 70}, 6, 2, 0, 300});
    for (int i = 0; i < 6; ++i) {
        Slab s;
        s.height = i == 2 ? 8 : 13.5;
        s.kind = i == 2 ? Slab::Kind::Space : Slab::Kind::Content;
        s.keep_with_next = i == 0;
        s.text_line = i != 2;
        s.frame = i >= 3 ? 0 : -1;
        s.frame_start = i == 3;
        s.chapter = 4;
        s.source_span = base::Span{2, static_cast<uint32_t>(100 + 40 * i)};
        s.source_byte = static_cast<uint32_t>(i);
        if (i == 0) s.extra().anchors.push_back("guide-1");
        s.items.push_back(TextRun{});
        g.slabs.push_back(std::move(s));
    }
    return g;
}

TEST(PaginatesAlike, SameSlabsWhateverTheirItemsLinksAndMarks) {
    Galley a = sample(), b = sample();
    EXPECT_TRUE(paginates_alike(a, b, true));
    b.slabs[1].items.clear();
    b.slabs[4].items.push_back(Rect{});
    b.slabs[3].extra().links.push_back(LinkArea{});
    b.slabs[0].extra().marks["guide"] = "Anger";
    EXPECT_TRUE(paginates_alike(a, b, true));
    EXPECT_TRUE(paginates_alike(a, measure_copy(b), true)) << "a measure copy paginates as its galley";
}

TEST(PaginatesAlike, AnythingPaginationReadsMakesThemDiffer) {
    const Galley a = sample();
    auto differs = [&](auto change) {
        Galley b = sample();
        change(b);
        return !paginates_alike(a, b, false) && !paginates_alike(b, a, false);
    };
    EXPECT_TRUE(differs([](Galley& b) { b.slabs[1].height += 0.01; }));
    EXPECT_TRUE(differs([](Galley& b) { b.slabs.pop_back(); }));
    EXPECT_TRUE(differs([](Galley& b) { b.slabs[2].kind = Slab::Kind::Break; }));
    EXPECT_TRUE(differs([](Galley& b) { b.slabs[3].keep_with_next = true; }));
    EXPECT_TRUE(differs([](Galley& b) { b.slabs[4].text_line = false; }));
    EXPECT_TRUE(differs([](Galley& b) { b.slabs[5].frame = -1; }));
    EXPECT_TRUE(differs([](Galley& b) { b.slabs[3].frame_start = false; }));
    EXPECT_TRUE(differs([](Galley& b) { b.slabs[2].recto = true; }));
    EXPECT_TRUE(differs([](Galley& b) { b.slabs[2].opening = true; }));
    EXPECT_TRUE(differs([](Galley& b) { b.slabs[1].chapter = 5; }));
    EXPECT_TRUE(differs([](Galley& b) { b.slabs[0].extras->anchors[0] = "guide-2"; }));
    EXPECT_TRUE(differs([](Galley& b) { b.slabs[4].extra().anchors.push_back("guide-1--s2"); }));
    EXPECT_TRUE(differs([](Galley& b) { b.frames[0].padding = 7; }));
    EXPECT_TRUE(differs([](Galley& b) { b.frames.push_back(b.frames[0]); }));
}

TEST(PaginatesAlike, WhereTextBeginsCountsOnlyWhenAsked) {
    const Galley a = sample();
    for (int field = 0; field < 3; ++field) {
        Galley b = sample();
        if (field == 0) b.slabs[3].source_byte = 9;
        if (field == 1) b.slabs[3].source_span.offset += 1;
        if (field == 2) b.slabs[3].extra().source_key = "book:x";
        EXPECT_TRUE(paginates_alike(a, b, false)) << field;
        EXPECT_FALSE(paginates_alike(a, b, true)) << field;
    }
}

}  // namespace
}  // namespace bb::typeset
