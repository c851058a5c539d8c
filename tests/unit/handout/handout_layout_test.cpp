// The handout of the seed guide (manuscript/) and of a generated book: one
// guide, no title page, contents or directory; a footer on every page saying
// where the guide sits in the book; one QR code per practitioner with a URL,
// encoding exactly that URL; related guides by title; imposition of the
// handout and concatenation of several.
#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <set>

#include "../typeset/book_fixture.h"
#include "handout/make.h"
#include "handout/qr_code.h"
#include "manuscript/load.h"
#include "style/load.h"
#include "typeset/layout.h"

using namespace bb;

namespace {

const std::string kSrc = BB_SOURCE_DIR;

/// The book's and the handout's styles, as `bookbuild handout` loads them.
struct Sheets {
    base::SourceMap sources;
    base::Sink sink{1000};
    std::optional<style::Sheet> book_sheet = style::load(kSrc + "/styles/default.yaml", sources, sink);
    std::optional<style::Sheet> handout_sheet = style::load(kSrc + "/styles/handout.yaml", sources, sink);
};

/// The shipped manuscript (the seed guide) with both styles.
struct Seed : Sheets {
    std::optional<model::Book> book = manuscript::load(kSrc + "/manuscript", {}, sources, sink);
    text::FontSet fonts;
    handout::HandoutMaker maker(handout::HandoutOptions o = {}, impose::Options i = {}) {
        o.image_dir = kSrc + "/manuscript/images";
        return handout::HandoutMaker(*book, *book_sheet, *handout_sheet, o, i, fonts, sink);
    }
};

bool black(const typeset::Rect& r) { return r.fill == typeset::Rgb{}; }

std::vector<typeset::Rect> black_rects(const typeset::Page& page) {
    std::vector<typeset::Rect> out;
    for (const auto& item : page.items)
        if (const auto* r = std::get_if<typeset::Rect>(&item); r && black(*r)) out.push_back(*r);
    return out;
}

bool near(double a, double b) { return std::abs(a - b) < 0.01; }

/// How many times the QR code of `url` (any position, `side` points wide) is
/// drawn on the pages of `doc`, rectangle for rectangle.
int count_codes(const typeset::PagedDoc& doc, const std::string& url, double side) {
    auto qr = handout::encode_qr(url);
    if (!qr) return -1;
    auto want = handout::qr_rects(*qr, 0, 0, side);
    int found = 0;
    for (const auto& page : doc.pages) {
        auto have = black_rects(page);
        for (const auto& start : have) {
            double dx = start.x - want[0].x, dy = start.y - want[0].y;
            bool all = true;
            for (const auto& w : want) {
                bool hit = false;
                for (const auto& h : have)
                    if (near(h.x, w.x + dx) && near(h.y, w.y + dy) && near(h.w, w.w) && near(h.h, w.h)) hit = true;
                if (!hit) { all = false; break; }
            }
            if (all) ++found;
        }
    }
    return found;
}

/// The furniture runs on the footer line of `page`, joined left to right.
std::string footer_of(const typeset::Page& page, double y, std::string* folio) {
    std::vector<const typeset::TextRun*> runs;
    for (const auto& item : page.items)
        if (const auto* t = std::get_if<typeset::TextRun>(&item);
            t && t->role == typeset::Role::Furniture && near(t->y, y))
            runs.push_back(t);
    std::sort(runs.begin(), runs.end(), [](auto* a, auto* b) { return a->x < b->x; });
    std::string s;
    for (size_t i = 0; i + 1 < runs.size(); ++i) s += runs[i]->text;
    if (folio) *folio = runs.empty() ? "" : runs.back()->text;
    return s;
}

/// The text of each page line by line (runs on one baseline joined left to
/// right, with a space where there is a gap between them).
std::string all_text(const typeset::PagedDoc& doc) {
    std::string s;
    for (const auto& p : doc.pages) {
        std::map<long, std::vector<const typeset::TextRun*>> lines;
        for (const auto& item : p.items)
            if (const auto* t = std::get_if<typeset::TextRun>(&item)) lines[std::lround(t->y * 10)].push_back(t);
        for (auto& [y, runs] : lines) {
            std::sort(runs.begin(), runs.end(), [](auto* a, auto* b) { return a->x < b->x; });
            for (size_t i = 0; i < runs.size(); ++i) {
                if (i > 0 && runs[i]->x > runs[i - 1]->x + runs[i - 1]->width + 0.5) s += " ";
                s += runs[i]->text;
            }
            s += "\n";
        }
    }
    return s;
}

}  // namespace

TEST(HandoutSeed, OneGuideWithFooterOnEveryPageAndAQrCodePerPractitionerUrl) {
    Seed s;
    ASSERT_TRUE(s.book && s.book_sheet && s.handout_sheet) << s.sink.error_count();
    const model::Guide* guide = s.book->find_guide("pulling-away");
    ASSERT_NE(guide, nullptr);
    handout::HandoutOptions o;
    auto maker = s.maker(o);
    typeset::PagedDoc doc = maker.make(*guide);
    EXPECT_FALSE(s.sink.has_errors());
    ASSERT_GE(doc.pages.size(), 2u);

    // Where the guide is in the book, from the book's own layout.
    typeset::LayoutOptions lo;
    lo.image_dir = kSrc + "/manuscript/images";
    text::FontSet fonts;
    base::Sink book_sink(1000);
    typeset::PagedDoc book_doc = typeset::layout(*s.book, *s.book_sheet, lo, fonts, book_sink);
    handout::BookPlace place = maker.place(*guide);
    ASSERT_TRUE(place.found);
    EXPECT_EQ(place.first_page, book_doc.anchors.at("pulling-away").page);
    EXPECT_EQ(place.first_label, book_doc.pages[place.first_page].label);
    EXPECT_LT(place.last_page, book_doc.anchors.at(s.book->directory.id).page);
    EXPECT_GE(place.last_page, place.first_page);
    const std::string footer = handout::footer_text(*s.book, place);
    EXPECT_EQ(footer, "from The Men\u2019s Work Directory, pp. " + place.first_label + "\u2013" + place.last_label);

    const double foot_y =
        s.handout_sheet->page.height - s.handout_sheet->page.bottom + s.handout_sheet->text.leading * 2;
    for (size_t i = 0; i < doc.pages.size(); ++i) {
        std::string folio;
        EXPECT_EQ(footer_of(doc.pages[i], foot_y, &folio), footer) << "page " << i + 1;
        EXPECT_EQ(folio, std::to_string(i + 1));
    }

    // One code per practitioner with a URL, and no other black squares.
    ASSERT_TRUE(guide->practitioners);
    size_t with_url = 0, rects = 0;
    for (const auto& id : guide->practitioners->entries) {
        const model::Entry* e = s.book->find_entry(id);
        ASSERT_NE(e, nullptr);
        if (e->url.empty()) continue;
        ++with_url;
        EXPECT_EQ(count_codes(doc, e->url, o.qr_side), 1) << e->url;
        rects += handout::qr_rects(*handout::encode_qr(e->url), 0, 0, o.qr_side).size();
    }
    EXPECT_GE(with_url, 2u);
    size_t black_total = 0;
    for (const auto& p : doc.pages) black_total += black_rects(p).size();
    EXPECT_EQ(black_total, rects);

    // The guide alone: its title opens page 1; no title page, contents or
    // directory; no link points outside the handout.
    const typeset::TextRun* first = nullptr;
    for (const auto& item : doc.pages[0].items)
        if (const auto* t = std::get_if<typeset::TextRun>(&item); t && t->role != typeset::Role::Furniture) {
            first = t;
            break;
        }
    ASSERT_NE(first, nullptr);
    EXPECT_EQ(first->role, typeset::Role::Heading);
    std::string text = all_text(doc);
    EXPECT_EQ(text.substr(0, text.find('\n')), "Why he pulls away");  // no running head on page 1
    EXPECT_EQ(text.find("Contents"), std::string::npos);
    EXPECT_EQ(text.find(s.book->meta.subtitle), std::string::npos);  // the title page's
    EXPECT_EQ(doc.anchors.count(s.book->directory.id), 0u);
    for (const auto& e : s.book->directory.entries) EXPECT_EQ(doc.anchors.count(e.id), 0u);
    EXPECT_LT(doc.pages.size(), book_doc.pages.size());
    for (const auto& l : doc.links) {
        if (l.uri.empty()) {
            EXPECT_EQ(doc.anchors.count(l.anchor), 1u) << l.anchor;
        }
    }
    // The practitioners' names link to their URLs.
    std::set<std::string> uris;
    for (const auto& l : doc.links) uris.insert(l.uri);
    for (const auto& id : guide->practitioners->entries) {
        if (const auto* e = s.book->find_entry(id); e && !e->url.empty()) {
            EXPECT_EQ(uris.count(e->url), 1u);
        }
    }
}

TEST(HandoutSeed, BookFoliosNumberPagesAsInTheBook) {
    Seed s;
    ASSERT_TRUE(s.book);
    const model::Guide* guide = s.book->find_guide("pulling-away");
    handout::HandoutOptions o;
    o.book_folios = true;
    auto maker = s.maker(o);
    typeset::PagedDoc doc = maker.make(*guide);
    // The seed's one guide opens the body: page 1 after the roman front
    // matter (i-iv), so its handout is numbered 1, 2, ... as in the book.
    int first = std::stoi(maker.place(*guide).first_label);
    ASSERT_EQ(maker.place(*guide).first_label, "1");
    for (size_t i = 0; i < doc.pages.size(); ++i) EXPECT_EQ(doc.pages[i].label, std::to_string(first + int(i)));
    ASSERT_EQ(doc.labels.size(), 1u);
    EXPECT_EQ(doc.labels[0].start, first);
}

TEST(HandoutSeed, BookletAndTwoUpCarryEveryPageOnce) {
    Seed s;
    ASSERT_TRUE(s.book);
    const model::Guide* guide = s.book->find_guide("pulling-away");
    const size_t n = s.maker().make(*guide).pages.size();
    for (auto mode : {impose::Mode::TwoUp, impose::Mode::Booklet}) {
        impose::Options i;
        i.mode = mode;
        ASSERT_TRUE(impose::sheet_by_name("Letter", i.sheet));
        typeset::PagedDoc doc = s.maker({}, i).make(*guide);
        size_t want = mode == impose::Mode::TwoUp ? (n + 1) / 2 : (n + 3) / 4 * 2;
        EXPECT_EQ(doc.pages.size(), want);
        for (const auto& p : doc.pages) {
            EXPECT_DOUBLE_EQ(p.width, 792);
            EXPECT_DOUBLE_EQ(p.height, 612);
        }
        // Still decodable: each code once, scaled down but whole.
        for (const auto& id : guide->practitioners->entries) {
            const auto* e = s.book->find_entry(id);
            if (!e || e->url.empty()) continue;
            double scale = std::min(396.0 / s.handout_sheet->page.width, 612.0 / s.handout_sheet->page.height);
            EXPECT_EQ(count_codes(doc, e->url, handout::HandoutOptions{}.qr_side * scale), 1) << e->url;
        }
    }
}

TEST(HandoutGenerated, RelatedGuidesByTitleAndRefsKeepTheBookPage) {
    Sheets sheets;
    ASSERT_TRUE(sheets.book_sheet && sheets.handout_sheet);
    base::Sink& sink = sheets.sink;
    model::Book book = fixture::book(4, 2);
    model::Related rel;
    rel.anchor = "guide-0--related";
    rel.title = fixture::text("Related Guides");
    rel.guides = {"guide-2", "guide-3"};
    book.guides[0].related = rel;
    // A reference to another guide, printed with its page in the book.
    model::Inline ref{model::InlineKind::Ref, "", "guide-3", fixture::text("the last guide"), {}};
    book.guides[0].sections[0].blocks.push_back(fixture::para({ref}));
    text::FontSet fonts;
    handout::HandoutMaker maker(book, *sheets.book_sheet, *sheets.handout_sheet, {}, {}, fonts, sink);
    typeset::PagedDoc doc = maker.make(book.guides[0]);
    std::string text = all_text(doc);
    EXPECT_NE(text.find("Guide number 2: why he pulls away\n"), std::string::npos) << text;
    EXPECT_NE(text.find("Guide number 3: why he pulls away\n"), std::string::npos);
    EXPECT_EQ(text.find("Guide number 1:"), std::string::npos);
    EXPECT_NE(text.find("Related Guides"), std::string::npos);
    // The guide's own text and nothing of the others.
    EXPECT_EQ(text.find("Section 1 of guide 3"), std::string::npos);
    EXPECT_NE(text.find("Section 1 of guide 0"), std::string::npos);
    // Both practitioners of the fixture have URLs.
    EXPECT_EQ(count_codes(doc, "https://example.org/sample-1", 64), 1);
    EXPECT_EQ(count_codes(doc, "https://example.org/sample-2", 64), 1);
    for (const auto& l : doc.links) EXPECT_TRUE(!l.uri.empty() || doc.anchors.count(l.anchor)) << l.anchor;
    // Pages of guide 0 in the book end before guide 1 starts.
    handout::BookPlace p0 = maker.place(book.guides[0]), p1 = maker.place(book.guides[1]);
    ASSERT_TRUE(p0.found && p1.found);
    EXPECT_LT(p0.last_page, p1.first_page);
    EXPECT_GT(p0.last_page, p0.first_page);
}

// The handout lays the book out for its pages only (no items drawn): each
// guide's place and every folio it prints are those of the book's full
// layout, blank versos before the next chapter left out alike.
TEST(HandoutGenerated, TheBooksPagesAloneGiveTheHandoutsOfItsFullLayout) {
    Sheets sheets;
    ASSERT_TRUE(sheets.book_sheet && sheets.handout_sheet);
    base::Sink& sink = sheets.sink;
    model::Book book = fixture::book(9, 3);
    // References to other guides print their pages in the book.
    for (size_t g = 0; g + 1 < book.guides.size(); ++g) {
        model::Inline ref{model::InlineKind::Ref, "", book.guides[g + 1].id, fixture::text("the next guide"), {}};
        book.guides[g].sections[0].blocks.push_back(fixture::para({ref}));
    }
    text::FontSet fonts;
    handout::HandoutMaker pages_only(book, *sheets.book_sheet, *sheets.handout_sheet, {}, {}, fonts, sink);
    const typeset::PagedDoc full = typeset::layout(book, *sheets.book_sheet, {}, fonts, sink);
    handout::HandoutMaker drawn(book, full, *sheets.handout_sheet, {}, {}, fonts, sink);
    size_t blank_skipped = 0;
    for (const model::Guide& g : book.guides) {
        const handout::BookPlace a = pages_only.place(g), b = drawn.place(g);
        ASSERT_TRUE(a.found && b.found) << g.id;
        EXPECT_EQ(a.first_page, b.first_page) << g.id;
        EXPECT_EQ(a.last_page, b.last_page) << g.id;
        EXPECT_EQ(a.first_label, b.first_label) << g.id;
        EXPECT_EQ(a.last_label, b.last_label) << g.id;
        blank_skipped += b.last_page + 1 < full.pages.size() && full.pages[b.last_page + 1].items.empty();
        EXPECT_EQ(typeset::trace(pages_only.make(g)), typeset::trace(drawn.make(g))) << g.id;
    }
    EXPECT_GT(blank_skipped, 0u) << "no guide ended before a blank verso";
    EXPECT_FALSE(sink.has_errors());
}

TEST(HandoutConcatenate, MergesFontsAndMovesLinksAnchorsAndLabels) {
    typeset::PagedDoc a, b;
    a.fonts = {"/f/a.ttf"};
    b.fonts = {"/f/b.ttf", "/f/a.ttf"};
    typeset::TextRun t;
    t.font = 0;
    a.pages.push_back({100, 100, "1", {t}});
    t.font = 1;
    b.pages.push_back({100, 100, "7", {}});
    b.pages.push_back({100, 100, "8", {t}});
    b.links.push_back({1, 0, 0, 1, 1, "", "x"});
    b.anchors["x"] = {1, 5};
    b.labels.push_back({0, typeset::LabelStyle::Decimal, 7});
    auto out = handout::concatenate({a, b});
    ASSERT_EQ(out.pages.size(), 3u);
    EXPECT_EQ(out.fonts, (std::vector<std::string>{"/f/a.ttf", "/f/b.ttf"}));
    EXPECT_EQ(std::get<typeset::TextRun>(out.pages[2].items[0]).font, 0u);
    EXPECT_EQ(out.links.at(0).page, 3u - 1);
    EXPECT_EQ(out.anchors.at("x").page, 2u);
    ASSERT_EQ(out.labels.size(), 2u);
    EXPECT_EQ(out.labels[1].first_page, 1u);
    EXPECT_EQ(out.labels[1].start, 7);
}

TEST(HandoutFindGuide, UnknownIdSuggestsTheNearest) {
    model::Book book = fixture::book(3, 1);
    std::string error;
    EXPECT_NE(handout::find_guide(book, "guide-1", error), nullptr);
    EXPECT_EQ(handout::find_guide(book, "guide-x1", error), nullptr);
    EXPECT_NE(error.find("unknown guide 'guide-x1'"), std::string::npos) << error;
    EXPECT_NE(error.find("did you mean"), std::string::npos) << error;
}

TEST(HandoutGenerated, AUrlTooLongForAQrCodeIsPrintedWithoutOneAndWarned) {
    Sheets sheets;
    ASSERT_TRUE(sheets.book_sheet && sheets.handout_sheet);
    base::Sink& sink = sheets.sink;
    model::Book book = fixture::book(2, 1);
    book.directory.entries[1].url = "https://example.org/" + std::string(3000, 'x');
    text::FontSet fonts;
    handout::HandoutMaker maker(book, *sheets.book_sheet, *sheets.handout_sheet, {}, {}, fonts, sink);
    typeset::PagedDoc doc = maker.make(book.guides[0]);
    int qr_warnings = 0;
    for (const auto& d : sink.all())
        if (d.severity == base::Severity::Warning && d.message.find("too long for a QR code") != std::string::npos &&
            d.message.find("'entry-2'") != std::string::npos)
            ++qr_warnings;
    EXPECT_EQ(qr_warnings, 1);
    EXPECT_EQ(count_codes(doc, "https://example.org/sample-1", 64), 1);
    size_t black_total = 0;
    for (const auto& p : doc.pages) black_total += black_rects(p).size();
    EXPECT_EQ(black_total, handout::qr_rects(*handout::encode_qr("https://example.org/sample-1"), 0, 0, 64).size());
    EXPECT_NE(all_text(doc).find("Sample Listing 2"), std::string::npos);
}
