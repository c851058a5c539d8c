// estimate_folios: the first pass's page numbers have the digits the real
// ones will have, for most anchors, so the second pass sets few chapters.
#include <gtest/gtest.h>

#include <cstdio>
#include <map>
#include <optional>

#include "book_fixture.h"
#include "text/font_metrics.h"
#include "typeset/folio_estimate.h"
#include "typeset/layout.h"

namespace bb {
namespace {

/// 30 guides of 6 sections with the default style: about 200 pages, so
/// folios of 1, 2 and 3 digits.
struct ThirtyGuides {
    base::SourceMap sources;
    base::Sink sink;
    std::optional<style::Sheet> sheet = fixture::default_sheet(sources, sink);
    model::Book book = fixture::book(30, 6);
};

/// The first pass's guesses against the laid-out book: of the anchors on
/// arabic-numbered pages, how many were guessed with the right number of
/// digits, and a bit per folio width met.
struct GuessCheck {
    std::map<std::string, std::string> guesses;
    size_t pages = 0, compared = 0, same = 0, widths = 0;
};

GuessCheck check_guesses(const model::Book& book, const style::Sheet& sheet, base::Sink& sink) {
    GuessCheck c;
    c.guesses = typeset::estimate_folios(book, typeset::chapters_of(book), sheet);
    text::FontSet fonts;
    typeset::PagedDoc doc = typeset::layout(book, sheet, {}, fonts, sink);
    c.pages = doc.pages.size();
    for (const auto& [id, pos] : doc.anchors) {
        auto it = c.guesses.find(id);
        const std::string& label = doc.pages[pos.page].label;
        if (it == c.guesses.end() || label.empty() || !std::isdigit(static_cast<unsigned char>(label[0]))) continue;
        ++c.compared;
        c.same += it->second.size() == label.size();
        EXPECT_EQ(it->second.find_first_not_of('0'), std::string::npos) << id;
        c.widths |= 1u << label.size();
    }
    std::printf("%zu of %zu anchors guessed with the right digits (%zu pages)\n", c.same, c.compared, c.pages);
    return c;
}

TEST(FolioEstimate, DigitsMatchTheLaidOutBookForMostAnchors) {
    ThirtyGuides t;
    ASSERT_TRUE(t.sheet);
    GuessCheck c = check_guesses(t.book, *t.sheet, t.sink);
    EXPECT_EQ(c.widths & 0b1110u, 0b1110u) << "the book should have 1-, 2- and 3-digit folios";
    ASSERT_GT(c.compared, 100u);
    EXPECT_GT(c.same * 10, c.compared * 8) << c.same << " of " << c.compared << " anchors guessed with the right digits";
    // Every guide and section of the book has a guess.
    for (const auto& g : t.book.guides) {
        EXPECT_TRUE(c.guesses.count(g.id)) << g.id;
        for (const auto& s : g.sections) EXPECT_TRUE(c.guesses.count(s.anchor)) << s.anchor;
    }
}

// The shipped book's guides have an empty <practitioners/>: each lists every
// entry of its topics, hundreds in a big directory, a line and the list's
// spacing each. Counted as an index line, such a book's guesses ran 18 %
// short and the second pass set most chapters again. Here 7 guides list all
// 160 entries: ~140 pages, the directory from about page 100 (156 of 198
// anchors had the right digits then, 191 now).
TEST(FolioEstimate, DigitsMatchWhenGuidesListEveryPractitionerOfTheirTopics) {
    base::SourceMap sources;
    base::Sink sink;
    std::optional<style::Sheet> sheet = fixture::default_sheet(sources, sink);
    ASSERT_TRUE(sheet);
    model::Book book = fixture::book(7, 1, 160);
    std::vector<std::string> everyone;
    for (const auto& e : book.directory.entries) everyone.push_back(e.id);
    for (auto& g : book.guides) g.practitioners->entries = everyone;
    GuessCheck c = check_guesses(book, *sheet, sink);
    EXPECT_EQ(c.widths & 0b1100u, 0b1100u) << "the book should have 2- and 3-digit folios";
    ASSERT_GT(c.compared, 150u);
    EXPECT_GT(c.same * 10, c.compared * 9) << c.same << " of " << c.compared << " anchors guessed with the right digits";
}

TEST(LayoutShortcuts, SameBookAsThePlainPasses) {
    // The guesses, the reuse of chapters whose page numbers set alike and
    // the skipped confirming pass must change how much work is done, never
    // the book: with and without them, the same trace (every run, position,
    // page start and label).
    ThirtyGuides t;
    ASSERT_TRUE(t.sheet);
    const model::Book& book = t.book;
    const auto& sheet = t.sheet;
    text::FontSet fonts;
    typeset::LayoutOptions quick, plain;
    plain.shortcuts = false;
    typeset::LayoutStats quick_stats, plain_stats;
    base::Sink s1, s2;
    typeset::PagedDoc a = typeset::layout(book, *sheet, quick, fonts, s1, &quick_stats);
    typeset::PagedDoc b = typeset::layout(book, *sheet, plain, fonts, s2, &plain_stats);
    EXPECT_GT(a.pages.size(), 150u);
    EXPECT_EQ(typeset::trace(a), typeset::trace(b));
    std::printf("%d passes with the shortcuts (%d repeating the one before), %d without; the last pass took %zu "
                "chapters as set, %zu with other page numbers printed in\n",
                quick_stats.passes, quick_stats.passes_repeated, plain_stats.passes, quick_stats.chapters_taken,
                quick_stats.chapters_reprinted);
    EXPECT_LT(quick_stats.passes, plain_stats.passes) << "the shortcuts should save a pass on this book";
    // The last pass took chapters from the measure passes, some with page
    // numbers printed in place (the path this test is about)...
    EXPECT_GT(quick_stats.chapters_taken, 25u);
    EXPECT_GT(quick_stats.chapters_reprinted, 0u);
    EXPECT_EQ(plain_stats.chapters_taken, 0u);
    // ...and reported what a chapter set in the last pass reports.
    auto messages = [](const base::Sink& s) {
        std::vector<std::string> out;
        for (const auto& d : s.all()) out.push_back(std::to_string(d.span.offset) + " " + d.message);
        return out;
    };
    EXPECT_EQ(messages(s1), messages(s2));
}

TEST(LayoutShortcuts, AMeasurePassRepeatingTheOneBeforeGivesTheSameBook) {
    // 12 guides of 4 sections: ~106 pages, and the first pass guesses some
    // page near 100 with the wrong digits, so the chapters citing it are set
    // again in a second measure pass; they paginate as before, so that pass
    // joins and paginates nothing. The book (and an EPUB's page-list pages)
    // must be the plain passes' all the same.
    base::SourceMap sources;
    base::Sink sink;
    std::optional<style::Sheet> sheet = fixture::default_sheet(sources, sink);
    ASSERT_TRUE(sheet);
    const model::Book book = fixture::book(12, 4);
    text::FontSet fonts;
    for (bool pages_only : {false, true}) {
        typeset::LayoutOptions quick, plain;
        plain.shortcuts = false;
        quick.pages_only = plain.pages_only = pages_only;
        typeset::LayoutStats quick_stats, plain_stats;
        base::Sink s1, s2;
        typeset::PagedDoc a = typeset::layout(book, *sheet, quick, fonts, s1, &quick_stats);
        typeset::PagedDoc b = typeset::layout(book, *sheet, plain, fonts, s2, &plain_stats);
        EXPECT_GT(a.pages.size(), 100u);
        EXPECT_EQ(plain_stats.passes_repeated, 0) << "the plain passes paginate every pass";
        if (!pages_only) {
            EXPECT_EQ(quick_stats.passes_repeated, 1) << "the second measure pass should repeat the first";
            EXPECT_EQ(typeset::trace(a), typeset::trace(b));
        }
        ASSERT_EQ(a.pages.size(), b.pages.size());
        for (size_t p = 0; p < a.pages.size(); ++p) {
            EXPECT_EQ(a.pages[p].label, b.pages[p].label) << p;
            EXPECT_EQ(a.starts[p].chapter, b.starts[p].chapter) << p;
            EXPECT_EQ(a.starts[p].at.span.offset, b.starts[p].at.span.offset) << p;
            EXPECT_EQ(a.starts[p].at.byte, b.starts[p].at.byte) << p;
        }
        EXPECT_EQ(a.anchors.size(), b.anchors.size());
        for (const auto& [id, pos] : b.anchors) EXPECT_EQ(a.anchors[id].page, pos.page) << id;
    }
}

}  // namespace
}  // namespace bb
