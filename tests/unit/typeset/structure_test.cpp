// Structural assertions on the PagedDoc of a generated book: the rules a
// book designer checks by eye, checked on every line of every page.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <set>

#include "book_fixture.h"
#include "typeset/layout.h"
#include "typeset/paginate.h"

using namespace bb;
using typeset::PagedDoc;
using typeset::Role;
using typeset::TextRun;

namespace {

struct Laid {
    style::Sheet sheet;
    PagedDoc doc;
    base::Sink sink;
};

/// Laid out once per book size and reused by the tests (layout is the slow part).
const Laid& laid(int guides) {
    static std::map<int, std::unique_ptr<Laid>> cache;
    auto& slot = cache[guides];
    if (!slot) {
        slot = std::make_unique<Laid>();
        base::SourceMap sources;
        auto sheet = fixture::default_sheet(sources, slot->sink);
        EXPECT_TRUE(sheet) << "styles/default.yaml did not load";
        if (!sheet) return *slot;
        slot->sheet = *sheet;
        static text::FontSet fonts;
        model::Book book = fixture::book(guides);
        slot->doc = typeset::layout(book, slot->sheet, {}, fonts, slot->sink);
    }
    return *slot;
}

struct LineInfo {
    size_t page;
    double left, right;
    Role role;
    int words = 1;  ///< runs plus the spaces inside them (a justified line is one run)
    std::string text;
};

int spaces(const std::string& s) { return static_cast<int>(std::count(s.begin(), s.end(), ' ')); }

/// (paragraph, line) -> where that line is, from the runs of the document.
std::map<std::pair<uint32_t, uint32_t>, LineInfo> lines_of(const PagedDoc& doc) {
    std::map<std::pair<uint32_t, uint32_t>, LineInfo> out;
    for (size_t p = 0; p < doc.pages.size(); ++p)
        for (const auto& item : doc.pages[p].items)
            if (const auto* t = std::get_if<TextRun>(&item)) {
                if (!t->para || t->role == Role::Label) continue;
                auto key = std::make_pair(t->para, t->line);
                auto it = out.find(key);
                if (it == out.end()) {
                    out[key] = LineInfo{p, t->x, t->x + t->width, t->role, 1 + spaces(t->text), t->text};
                } else {
                    it->second.left = std::min(it->second.left, t->x);
                    it->second.right = std::max(it->second.right, t->x + t->width);
                    it->second.words += 1 + spaces(t->text);
                    it->second.text += " " + t->text;
                }
            }
    return out;
}

}  // namespace

TEST(Structure, LaysOutWithoutErrors) {
    const Laid& l = laid(12);
    EXPECT_FALSE(l.sink.has_errors());
    for (const auto& d : l.sink.all()) ADD_FAILURE() << d.message;
    EXPECT_GT(l.doc.pages.size(), 30u);
    for (const auto& page : l.doc.pages) {
        EXPECT_NEAR(page.width, 419.5, 0.2);  // A5
        EXPECT_NEAR(page.height, 595.3, 0.2);
    }
}

TEST(Structure, NoLineWiderThanTheMeasure) {
    const Laid& l = laid(12);
    const double measure = l.sheet.page.width - l.sheet.page.inner - l.sheet.page.outer;
    size_t checked = 0;
    for (size_t p = 0; p < l.doc.pages.size(); ++p) {
        const double left = typeset::text_left(l.sheet, p);
        for (const auto& item : l.doc.pages[p].items)
            if (const auto* t = std::get_if<TextRun>(&item)) {
                EXPECT_GE(t->x, left - 0.01) << "page " << p + 1 << ": " << t->text;
                EXPECT_LE(t->x + t->width, left + measure + 0.01) << "page " << p + 1 << ": " << t->text;
                ++checked;
            }
    }
    EXPECT_GT(checked, 1000u);
}

TEST(Structure, NoHeadingLastOnAPage) {
    const Laid& l = laid(12);
    for (size_t p = 0; p < l.doc.pages.size(); ++p) {
        const TextRun* last = nullptr;
        for (const auto& item : l.doc.pages[p].items)
            if (const auto* t = std::get_if<TextRun>(&item))
                if (t->role != Role::Furniture && t->role != Role::Label) last = t;
        if (last) {
            EXPECT_NE(last->role, Role::Heading) << "page " << p + 1 << " ends with heading: " << last->text;
        }
    }
}

TEST(Structure, HeadingsKeepTwoLinesOfWhatFollows) {
    // The slab after a heading's last line and the next line are on its page.
    const Laid& l = laid(12);
    auto lines = lines_of(l.doc);
    std::vector<std::pair<std::pair<uint32_t, uint32_t>, LineInfo>> seq(lines.begin(), lines.end());
    for (size_t i = 0; i + 2 < seq.size(); ++i) {
        if (seq[i].second.role != Role::Heading) continue;
        if (seq[i + 1].first.first == seq[i].first.first) continue;  // not its last line
        size_t p = seq[i].second.page;
        // The next two lines of text (of whatever paragraph) share the page.
        EXPECT_EQ(seq[i + 1].second.page, p) << "after heading paragraph " << seq[i].first.first;
        if (seq[i + 1].second.role != Role::Heading) {
            EXPECT_EQ(seq[i + 2].second.page, p);
        }
    }
}

TEST(Structure, NoWidowsOrOrphans) {
    const Laid& l = laid(12);
    std::map<uint32_t, std::map<size_t, int>> per_page;  // paragraph -> page -> lines
    for (const auto& [key, info] : lines_of(l.doc))
        if (info.role == Role::Body || info.role == Role::Ragged) per_page[key.first][info.page]++;
    size_t split = 0;
    for (const auto& [para, pages] : per_page) {
        if (pages.size() < 2) continue;
        ++split;
        EXPECT_EQ(pages.size(), 2u) << "paragraph " << para;
        EXPECT_GE(pages.begin()->second, l.sheet.pagination.orphans) << "orphan in paragraph " << para;
        EXPECT_GE(pages.rbegin()->second, l.sheet.pagination.widows) << "widow in paragraph " << para;
    }
    EXPECT_GT(split, 5u);  // the test means something: paragraphs do cross pages
}

TEST(Structure, JustifiedLinesAreFlushOnBothSides) {
    const Laid& l = laid(12);
    auto lines = lines_of(l.doc);
    std::map<uint32_t, std::vector<LineInfo>> paras;
    for (const auto& [key, info] : lines)
        if (info.role == Role::Body) paras[key.first].push_back(info);
    const double measure = l.sheet.page.width - l.sheet.page.inner - l.sheet.page.outer;
    size_t full_width = 0;
    for (const auto& [para, ls] : paras) {
        if (ls.size() < 3) continue;
        // Every line but the last ends on the same right edge; every line but
        // the first (indented) starts on the same left edge. A line carries its
        // own page's margins, so compare within a page.
        double edge = 0;
        for (size_t i = 0; i + 1 < ls.size(); ++i)
            if (ls[i].page == ls[0].page) edge = std::max(edge, ls[i].right);
        for (size_t i = 0; i + 1 < ls.size(); ++i) {
            if (ls[i].page != ls[0].page) continue;
            // A line of one unbreakable word has no space to stretch.
            if (ls[i].words > 1) {
                EXPECT_NEAR(ls[i].right, edge, 0.05) << "paragraph " << para << " line " << i << ": " << ls[i].text;
            }
            if (i == 0) continue;
            EXPECT_NEAR(ls[i].left, ls[1].left, 0.05) << "paragraph " << para << " line " << i;
        }
        const double left = typeset::text_left(l.sheet, ls[1].page);
        if (std::abs(ls[1].left - left) < 0.05 && ls[1].words > 1) {
            EXPECT_NEAR(ls[1].right, left + measure, 0.05) << "paragraph " << para;
            ++full_width;
        }
    }
    EXPECT_GT(full_width, 20u);
}

TEST(Structure, TextIsHyphenated) {
    const Laid& l = laid(12);
    size_t hyphenated = 0;
    auto lines = lines_of(l.doc);
    for (size_t p = 0; p < l.doc.pages.size(); ++p)
        for (const auto& item : l.doc.pages[p].items)
            if (const auto* t = std::get_if<TextRun>(&item))
                if (t->role == Role::Body && t->text.size() > 2 && t->text.back() == '-' &&
                    std::isalpha(static_cast<unsigned char>(t->text[t->text.size() - 2])))
                    ++hyphenated;
    EXPECT_GT(hyphenated, 3u);
}

TEST(Structure, GuidesStartOnRectoAfterABlankVerso) {
    const Laid& l = laid(12);
    for (int g = 0; g < 12; ++g) {
        auto it = l.doc.anchors.find("guide-" + std::to_string(g));
        ASSERT_NE(it, l.doc.anchors.end());
        EXPECT_EQ(it->second.page % 2, 0u) << "guide " << g << " starts on a verso";
        // The page before a guide is either the end of the previous chapter
        // or an empty page: no running head, no folio, nothing.
        const auto& before = l.doc.pages[it->second.page - 1];
        bool only_furniture = true;
        for (const auto& item : before.items)
            if (const auto* t = std::get_if<TextRun>(&item)) only_furniture = only_furniture && t->role == Role::Furniture;
        if (only_furniture) {
            EXPECT_TRUE(before.items.empty()) << "blank page " << it->second.page << " has furniture";
        }
    }
}

TEST(Structure, RunningHeadsAndFolios) {
    const Laid& l = laid(12);
    auto opening = l.doc.anchors.at("guide-3").page;
    auto body = opening + 1;
    auto furniture = [&](size_t p) {
        std::vector<std::string> out;
        for (const auto& item : l.doc.pages[p].items)
            if (const auto* t = std::get_if<TextRun>(&item))
                if (t->role == Role::Furniture) out.push_back(t->text);
        return out;
    };
    // Opening page: the folio only.
    EXPECT_EQ(furniture(opening), std::vector<std::string>{l.doc.pages[opening].label});
    // Next page (a verso): the book's title and the folio.
    auto f = furniture(body);
    ASSERT_EQ(f.size(), 2u);
    EXPECT_EQ(f[0], "The Men's Work Directory");
    EXPECT_EQ(f[1], l.doc.pages[body].label);
    // The recto after it names the guide.
    auto r = furniture(body + 1);
    ASSERT_FALSE(r.empty());
    EXPECT_EQ(r[0], "Guide number 3: why he pulls away");
}

TEST(Structure, OutlineAndLinksPointAtAnchors) {
    const Laid& l = laid(12);
    ASSERT_FALSE(l.doc.outline.empty());
    for (const auto& o : l.doc.outline) EXPECT_TRUE(l.doc.anchors.count(o.anchor)) << o.anchor;
    size_t internal = 0;
    for (const auto& link : l.doc.links) {
        EXPECT_LT(link.page, l.doc.pages.size());
        if (link.uri.empty()) {
            EXPECT_TRUE(l.doc.anchors.count(link.anchor)) << link.anchor;
            ++internal;
        }
    }
    EXPECT_GT(internal, 12u);  // contents entries and practitioners refs
}

TEST(Structure, ContentsShowTheRealPages) {
    const Laid& l = laid(12);
    // The contents entry of guide 5 ends with the folio of the page it starts on.
    const auto& target = l.doc.pages[l.doc.anchors.at("guide-5").page];
    bool found = false;
    for (const auto& link : l.doc.links)
        if (link.anchor == "guide-5" && link.page < 6)
            for (const auto& item : l.doc.pages[link.page].items)
                if (const auto* t = std::get_if<TextRun>(&item))
                    if (std::abs(t->x + t->width - (link.x + link.w)) < 0.01 && t->y > link.y &&
                        t->y < link.y + link.h && t->text == target.label)
                        found = true;
    EXPECT_TRUE(found);
}

TEST(Structure, CalloutsBreakAcrossPagesWithTheirBox) {
    const Laid& l = laid(12);
    // Every page that carries callout text has a tinted rectangle behind it.
    for (size_t p = 0; p < l.doc.pages.size(); ++p) {
        const auto& items = l.doc.pages[p].items;
        bool rect = false;
        for (const auto& item : items) rect = rect || std::holds_alternative<typeset::Rect>(item);
        for (const auto& item : items)
            if (const auto* t = std::get_if<TextRun>(&item))
                if (t->role == Role::Label && t->text.rfind("The ", 0) == 0) {
                    EXPECT_TRUE(rect) << "callout label without box on page " << p + 1;
                }
    }
}
