// Layout paginates the chapters where each was set (paginate.h, the parts
// overload) instead of joining them into one galley first: the pages must be
// those of the joined galley, every font and paragraph renumbered, every
// callout frame drawn and every pair of spaces merged alike; a measure pass
// paginates the galleys it keeps without changing them.
#include <gtest/gtest.h>

#include "book_fixture.h"
#include "text/font_metrics.h"
#include "typeset/book_flow.h"
#include "typeset/front_matter.h"
#include "typeset/layout.h"
#include "typeset/paginate.h"

namespace bb {
namespace {

using namespace typeset;

/// The oracle: how layout joined its chapters before (appending `from` to
/// `into`, fonts, frames and paragraphs renumbered, two spaces in a row
/// kept as the greater).
void join(Galley& into, Galley&& from) {
    std::vector<uint32_t> font_map(from.fonts.size());
    for (size_t i = 0; i < from.fonts.size(); ++i) {
        auto it = std::find(into.fonts.begin(), into.fonts.end(), from.fonts[i]);
        if (it == into.fonts.end()) {
            into.fonts.push_back(from.fonts[i]);
            it = into.fonts.end() - 1;
        }
        font_map[i] = static_cast<uint32_t>(it - into.fonts.begin());
    }
    const int frame_offset = static_cast<int>(into.frames.size());
    into.frames.insert(into.frames.end(), from.frames.begin(), from.frames.end());
    const uint32_t para_offset = into.paragraphs;
    into.paragraphs += from.paragraphs;
    for (auto& s : from.slabs) {
        for (auto& item : s.items)
            if (auto* t = std::get_if<TextRun>(&item)) {
                if (t->font < font_map.size()) t->font = font_map[t->font];
                if (t->para) t->para += para_offset;
            }
        if (s.frame >= 0) s.frame += frame_offset;
        if (s.kind == Slab::Kind::Space && !into.slabs.empty() && into.slabs.back().kind == Slab::Kind::Space &&
            s.frame < 0 && into.slabs.back().frame < 0) {
            into.slabs.back().height = std::max(into.slabs.back().height, s.height);
            continue;
        }
        into.slabs.push_back(std::move(s));
    }
}

TEST(PaginateParts, ChaptersReadInPlaceMakeThePagesOfTheirJoinedGalley) {
    base::SourceMap sources;
    base::Sink sink;
    auto sheet = fixture::default_sheet(sources, sink);
    ASSERT_TRUE(sheet);
    // A directory long enough to be set in parts (chapters_of).
    const model::Book book = fixture::book_with_a_long_directory(6);
    const std::vector<typeset::Chapter> chapters = typeset::chapters_of(book);
    text::FontSet font_set;
    typeset::FontBook fonts(*sheet, font_set, sink);
    const text::Hyphenator* hyphenator = typeset::prepare_layout(*sheet, book.lang, font_set, 1);
    const typeset::PageOf page_of = [](const std::string&) { return std::string("12"); };
    const typeset::FlowContext ctx{"", page_of};

    // The front matter and each chapter on a Flow of its own, as layout sets them.
    auto set_parts = [&] {
        std::vector<typeset::Galley> parts;
        typeset::Flow front(*sheet, fonts, hyphenator, book.lang, sink, nullptr);
        typeset::flow_title_pages(front, book, *sheet, {"Charis SIL"});
        typeset::flow_contents(front, book, *sheet, page_of);
        parts.push_back(std::move(front.galley()));
        for (size_t i = 0; i < chapters.size(); ++i) {
            typeset::Flow f(*sheet, fonts, hyphenator, book.lang, sink, nullptr);
            typeset::flow_chapter(f, chapters[i], book, *sheet, ctx, sink);
            for (typeset::Slab& s : f.galley().slabs) s.chapter = static_cast<uint32_t>(i + 1);
            parts.push_back(std::move(f.galley()));
        }
        return parts;
    };
    auto paged = [&](auto&& paginate_them) {
        typeset::PagedDoc doc;
        std::vector<typeset::PageFacts> facts;
        paginate_them(doc, facts);
        doc.chapters.assign(chapters.size() + 1, "");
        return typeset::trace(doc);
    };

    std::vector<typeset::Galley> to_join = set_parts();
    // What makes the parts' numbering differ from the book's: fonts met in
    // another order, paragraphs and frames counted from zero.
    bool fonts_differ = false;
    size_t frames = 0;
    for (const typeset::Galley& g : to_join) {
        fonts_differ = fonts_differ || g.fonts != to_join[0].fonts;
        frames += g.frames.size();
    }
    EXPECT_TRUE(fonts_differ);
    EXPECT_GT(frames, 3u);

    const std::string joined = paged([&](typeset::PagedDoc& doc, std::vector<typeset::PageFacts>& facts) {
        typeset::Galley book_galley = std::move(to_join[0]);
        for (size_t i = 1; i < to_join.size(); ++i) join(book_galley, std::move(to_join[i]));
        typeset::paginate(std::move(book_galley), *sheet, doc, facts);
    });
    std::vector<typeset::Galley> in_place = set_parts();
    const std::string read_in_place = paged([&](typeset::PagedDoc& doc, std::vector<typeset::PageFacts>& facts) {
        std::vector<typeset::Galley*> parts;
        for (typeset::Galley& g : in_place) parts.push_back(&g);
        typeset::paginate(parts, *sheet, doc, facts);
    });

    EXPECT_GT(joined.size(), 20000u);
    EXPECT_NE(joined.find("rect"), std::string::npos);  // callout backgrounds
    EXPECT_TRUE(joined == read_in_place) << "pagination of the parts in place differs from the joined galley's";

    // A measure pass paginates the galleys it keeps for the next pass as
    // they are: the pages of their measure copies, the galleys untouched.
    std::vector<typeset::Galley> kept = set_parts();
    std::vector<typeset::Galley> copies;
    for (const typeset::Galley& g : kept) copies.push_back(typeset::measure_copy(g));
    std::vector<size_t> items_before;
    for (const typeset::Galley& g : kept)
        for (const typeset::Slab& s : g.slabs) items_before.push_back(s.items.size());
    const std::string of_copies = paged([&](typeset::PagedDoc& doc, std::vector<typeset::PageFacts>& facts) {
        std::vector<typeset::Galley*> parts;
        for (typeset::Galley& g : copies) parts.push_back(&g);
        typeset::paginate(parts, *sheet, doc, facts);
    });
    typeset::PagedDoc measured;
    const std::string of_kept = paged([&](typeset::PagedDoc& doc, std::vector<typeset::PageFacts>& facts) {
        std::vector<const typeset::Galley*> parts;
        for (const typeset::Galley& g : kept) parts.push_back(&g);
        typeset::paginate_measure(parts, *sheet, doc, facts);
        measured = doc;
    });
    EXPECT_GT(of_copies.size(), 5000u);
    EXPECT_TRUE(of_kept == of_copies) << "a measure pagination differs from the pagination of measure copies";
    EXPECT_FALSE(measured.anchors.empty());
    EXPECT_TRUE(measured.links.empty() && measured.outline.empty());
    std::vector<size_t> items_after;
    for (const typeset::Galley& g : kept)
        for (const typeset::Slab& s : g.slabs) items_after.push_back(s.items.size());
    EXPECT_EQ(items_after, items_before) << "a measure pagination took items out of the galleys";
}

// Two spaces in a row in an appended part or at a seam (no book of ours
// makes them: chapters end with a page break and Flow merges its own) are
// one, the greater, as append_galley joins them.
TEST(PaginateParts, SpacesInARowAreOneAsInTheJoinedGalley) {
    base::SourceMap sources;
    base::Sink sink;
    auto sheet = fixture::default_sheet(sources, sink);
    ASSERT_TRUE(sheet);
    auto slab = [](typeset::Slab::Kind kind, double height, const char* anchor = nullptr) {
        typeset::Slab s;
        s.kind = kind;
        s.height = height;
        if (anchor) s.extra().anchors.push_back(anchor);
        return s;
    };
    using K = typeset::Slab::Kind;
    auto parts = [&] {
        std::vector<typeset::Galley> p(2);
        p[0].slabs.push_back(slab(K::Content, 10, "a"));
        p[0].slabs.push_back(slab(K::Space, 5));
        p[1].slabs.push_back(slab(K::Space, 8));
        p[1].slabs.push_back(slab(K::Content, 10, "b"));
        p[1].slabs.push_back(slab(K::Space, 7));
        p[1].slabs.push_back(slab(K::Space, 3));
        p[1].slabs.push_back(slab(K::Content, 10, "c"));
        return p;
    };
    std::vector<typeset::Galley> to_join = parts();
    join(to_join[0], std::move(to_join[1]));
    typeset::PagedDoc joined;
    std::vector<typeset::PageFacts> facts;
    typeset::paginate(std::move(to_join[0]), *sheet, joined, facts);

    std::vector<typeset::Galley> in_place = parts();
    std::vector<typeset::Galley*> pointers{&in_place[0], &in_place[1]};
    typeset::PagedDoc read_in_place;
    facts.clear();
    typeset::paginate(pointers, *sheet, read_in_place, facts);

    const double top = sheet->page.top;
    ASSERT_EQ(joined.anchors.size(), 3u);
    EXPECT_DOUBLE_EQ(joined.anchors.at("b").y, top + 10 + 8);
    EXPECT_DOUBLE_EQ(joined.anchors.at("c").y, top + 10 + 8 + 10 + 7);
    EXPECT_EQ(typeset::trace(joined), typeset::trace(read_in_place));

    // A measure pagination merges them alike, twice over, leaving the
    // galleys' spaces as they were (a measure pass keeps them).
    const std::vector<typeset::Galley> kept = parts();
    std::vector<const typeset::Galley*> read{&kept[0], &kept[1]};
    for (int time = 0; time < 2; ++time) {
        typeset::PagedDoc measured;
        facts.clear();
        typeset::paginate_measure(read, *sheet, measured, facts);
        EXPECT_EQ(typeset::trace(measured), typeset::trace(joined)) << "measure pagination " << time + 1;
    }
    EXPECT_DOUBLE_EQ(kept[0].slabs[1].height, 5);
    EXPECT_DOUBLE_EQ(kept[1].slabs[2].height, 7);
}

}  // namespace
}  // namespace bb
