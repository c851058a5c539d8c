// LayoutMemory (`--watch`): a page-list layout that takes the chapters the
// last layout of the book kept gives the pages a fresh layout gives, after
// any edit, and takes every chapter the edit did not touch.
#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

#include "book_fixture.h"
#include "text/font_metrics.h"
#include "typeset/layout.h"
#include "typeset/layout_memory.h"
#include "typeset/print_edition.h"

namespace bb {
namespace {

/// Gives every inline of the guides a source position of its own, as a
/// manuscript's would have (the page-list names where each page begins).
struct SpanNumbers {
    uint32_t next = 1;
    void inlines(model::Inlines& v) {
        for (model::Inline& i : v) {
            i.span = {0, next++};
            inlines(i.children);
        }
    }
    void blocks(model::Blocks& v) {
        for (model::Block& b : v) {
            b.span = {0, next++};
            inlines(b.content);
            for (model::ListItem& item : b.items) blocks(item.blocks);
            blocks(b.blocks);
        }
    }
    void book(model::Book& book) {
        for (model::Guide& g : book.guides) {
            g.span = {0, next++};
            inlines(g.title);
            for (auto* c : {&g.myth, &g.example, &g.truth})
                if (*c) blocks((*c)->blocks);
            for (model::Section& s : g.sections) {
                inlines(s.title);
                blocks(s.blocks);
                for (model::Section& sub : s.subsections) blocks(sub.blocks);
            }
            if (g.faq)
                for (model::Qa& q : g.faq->questions) blocks(q.answer);
        }
    }
};

/// Every page's label, chapter and where its text begins, and the trace.
std::string pages_of(const typeset::PagedDoc& doc) {
    std::string out = typeset::trace(doc);
    for (const model::PrintPage& p : typeset::print_edition(doc, "test").pages)
        out += p.label + " " + p.chapter + " " + std::to_string(p.text.file) + ":" + std::to_string(p.text.offset) +
               "+" + std::to_string(p.byte) + " " + p.key + "\n";
    return out;
}

/// "" when equal, else the first line where `a` and `b` differ.
std::string first_difference(const std::string& a, const std::string& b) {
    size_t line = 1, start = 0;
    for (size_t i = 0; i < a.size() || i < b.size(); ++i) {
        if (i >= a.size() || i >= b.size() || a[i] != b[i]) {
            auto until_eol = [&](const std::string& s) { return s.substr(start, s.find('\n', start) - start); };
            return "line " + std::to_string(line) + ": '" + until_eol(a) + "' / '" + until_eol(b) + "'";
        }
        if (a[i] == '\n') {
            ++line;
            start = i + 1;
        }
    }
    return "";
}

struct Watched {
    base::SourceMap sources;
    base::Sink sink;
    std::optional<style::Sheet> sheet = fixture::default_sheet(sources, sink);
    model::Book book = fixture::book(30, 6);
    text::FontSet fonts;
    typeset::LayoutMemory memory;

    Watched() { SpanNumbers{}.book(book); }

    /// The pages with the memory, checked against a fresh layout's, and
    /// the problems reported (the same, whichever chapters were taken).
    std::string layout_both_ways(bool pages_only = true) {
        typeset::LayoutOptions kept, fresh;
        kept.pages_only = fresh.pages_only = pages_only;
        kept.memory = &memory;
        base::Sink s1, s2;
        std::string with = pages_of(typeset::layout(book, *sheet, kept, fonts, s1));
        std::string without = pages_of(typeset::layout(book, *sheet, fresh, fonts, s2));
        EXPECT_EQ(first_difference(with, without), "");
        EXPECT_EQ(messages(s1), messages(s2));
        problems = s1.all().size();
        return with;
    }
    size_t problems = 0;

    static std::vector<std::string> messages(const base::Sink& s) {
        std::vector<std::string> out;
        for (const auto& d : s.all()) out.push_back(std::to_string(d.span.offset) + " " + d.message);
        return out;
    }
};

TEST(LayoutMemory, AfterEachEditThePagesOfAFreshLayout) {
    Watched w;
    ASSERT_TRUE(w.sheet);
    const std::string first = w.layout_both_ways();
    EXPECT_EQ(w.memory.taken, 0u);
    const size_t chapters = w.memory.chapters.size();
    ASSERT_GT(chapters, 30u);

    // Nothing changed: every chapter taken, the same pages.
    EXPECT_EQ(first_difference(w.layout_both_ways(), first), "");
    EXPECT_EQ(w.memory.taken, chapters);

    // A page's worth of text added early in the book moves every later page
    // (and the page numbers the practitioners' lines print); a word changed
    // in another guide. Only those two guides are set again.
    w.book.guides[3].sections[0].blocks.push_back(fixture::para(fixture::prose(999, 420)));
    w.book.guides[3].sections[0].blocks.back().content[0].span = {0, 100000};
    const std::string before = w.book.guides[20].sections[1].blocks[0].content[0].text;
    w.book.guides[20].sections[1].blocks[0].content[0].text += " Indeed.";
    const std::string edited = w.layout_both_ways();
    EXPECT_NE(first_difference(edited, first), "");
    EXPECT_EQ(w.memory.taken, chapters - 2);

    // The edits undone: the book of the first layout.
    w.book.guides[3].sections[0].blocks.pop_back();
    w.book.guides[20].sections[1].blocks[0].content[0].text = before;
    EXPECT_EQ(first_difference(w.layout_both_ways(), first), "");

    // A guide's title is printed by other chapters (related guides, the
    // index by topic): every chapter is set again.
    w.book.guides[7].title = fixture::text("A title the other chapters print");
    w.layout_both_ways();
    EXPECT_EQ(w.memory.taken, 0u);
}

TEST(LayoutMemory, APdfsChaptersAreKeptWithTheirItemsAndTheirWarnings) {
    Watched w;
    ASSERT_TRUE(w.sheet);
    // A character the PDF's fonts cannot encode, reported by guide 12.
    w.book.guides[12].sections[2].blocks.push_back(fixture::para("A smile \U0001F600 here."));
    const std::string first = w.layout_both_ways(false);
    ASSERT_GT(w.problems, 0u);
    const size_t chapters = w.memory.chapters.size();
    // Guide 3 grows (later pages move, guide 12 among them): every chapter
    // but guide 3 is taken, guide 12's warning still reported, every item
    // (the trace has each run of text) as a fresh layout has it.
    w.book.guides[3].sections[0].blocks.push_back(fixture::para(fixture::prose(999, 420)));
    const std::string edited = w.layout_both_ways(false);
    EXPECT_NE(first_difference(edited, first), "");
    EXPECT_EQ(w.memory.taken, chapters - 1);
    EXPECT_GT(w.problems, 0u);
    // A page-list layout does not take a PDF's chapters (nor the reverse).
    w.layout_both_ways(true);
    EXPECT_EQ(w.memory.taken, 0u);
}

TEST(LayoutMemory, AGuideMovedSetsTheBookAgain) {
    Watched w;
    ASSERT_TRUE(w.sheet);
    w.layout_both_ways();
    // The order of the guides is part of what every chapter may read (the
    // index by topic lists them in it): moving one sets every chapter again,
    // and the book is the fresh layout's.
    model::Guide g = w.book.guides[5];
    w.book.guides.erase(w.book.guides.begin() + 5);
    w.book.guides.push_back(g);
    w.layout_both_ways();
    EXPECT_EQ(w.memory.taken, 0u);
}

}  // namespace
}  // namespace bb
