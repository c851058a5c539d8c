#include "typeset/folio_estimate.h"

#include <algorithm>
#include <cmath>
#include <iterator>
#include <utility>

namespace bb::typeset {

namespace {

// Rough costs in bytes of running text, from the seed book's layout: a
// heading with its space, a figure, a list line, a directory entry's
// fixed lines, a line of the index by topic. Only digit counts come out of
// this, so rough is enough.
constexpr double kHeading = 250, kFigure = 1500, kItem = 30, kEntryLines = 120, kIndexLine = 70;
// A practitioner's or related guide's line ("• Name (Location), p. 12"): a
// line and the list's spacing, 25.4 of them to a page (measured on 1,000
// guides each listing every entry of its topics, 322,089 lines). At 70,
// as for the index, such a book's guesses ran 18 % short: 1,257 of 11,602
// anchors got the wrong number of digits and the second pass set 477
// chapters again.
constexpr double kListRefLine = 95;

/// Walks the book in reading order, adding up text and noting where each
/// anchor begins.
class Estimator {
public:
    /// `anchors`: note where each anchor begins (estimate_folios), not only
    /// count bytes (chapter_sizes).
    explicit Estimator(bool anchors) : anchors_(anchors) {}
    /// Anchors in reading order with the bytes before them (an id met
    /// twice: its first place counts).
    std::vector<std::pair<std::string, double>> at;
    double bytes = 0;

    void anchor(const std::string& id) {
        if (anchors_ && !id.empty()) at.emplace_back(id, bytes);
    }
    void inlines(const model::Inlines& content) {
        for (const auto& in : content) {
            bytes += static_cast<double>(in.text.size());
            inlines(in.children);
        }
    }
    void blocks(const model::Blocks& list) {
        for (const auto& b : list) {
            inlines(b.content);
            for (const auto& item : b.items) {
                bytes += kItem;
                blocks(item.blocks);
            }
            blocks(b.blocks);
            inlines(b.attribution);
            inlines(b.caption);
            if (b.kind == model::BlockKind::Figure) bytes += kFigure;
        }
    }
    void heading(const std::string& id, const model::Inlines& title) {
        anchor(id);
        bytes += kHeading;
        inlines(title);
    }
    void section(const model::Section& s) {
        heading(s.anchor, s.title);
        blocks(s.blocks);
        for (const auto& sub : s.subsections) section(sub);
    }
    void questions(const std::vector<model::Qa>& qs) {
        for (const auto& q : qs) {
            inlines(q.question);
            blocks(q.answer);
            bytes += kItem;
        }
    }
    void guide(const model::Guide& g) {
        heading(g.id, g.title);
        if (g.summary) inlines(*g.summary);
        for (const auto* c : {&g.myth, &g.example, &g.truth})
            if (*c) {
                bytes += kHeading / 2;
                inlines((*c)->title);
                blocks((*c)->blocks);
            }
        for (const auto& s : g.sections) section(s);
        if (g.faq) {
            heading(g.faq->anchor, g.faq->title);
            questions(g.faq->questions);
        }
        if (g.books && !g.books->books.empty()) {
            heading(g.books->anchor, g.books->title);
            for (const auto& b : g.books->books)
                bytes += kItem + static_cast<double>(b.title.size() + b.author.size() + b.year.size());
        }
        if (g.practitioners && !g.practitioners->entries.empty()) {
            heading(g.practitioners->anchor, g.practitioners->title);
            bytes += kListRefLine * static_cast<double>(g.practitioners->entries.size());
        }
        if (g.related && !g.related->guides.empty()) {
            heading(g.related->anchor, g.related->title);
            bytes += kListRefLine * static_cast<double>(g.related->guides.size());
        }
    }
    void directory(const model::Book& book, const Chapter& part) {
        const model::Directory& d = book.directory;
        if (part.topic_index) {
            topic_index(book, part);
            return;
        }
        if (part.first == 0) {
            heading(d.id.empty() ? "directory" : d.id, d.title);
            blocks(d.intro);
        }
        for (size_t i = part.first; i < part.end && i < d.entries.size(); ++i) {
            const model::Entry& e = d.entries[i];
            anchor(e.id);
            bytes += kEntryLines;
            inlines(e.name);
            inlines(e.location);
            bytes += static_cast<double>(e.url.size() + e.email.size());
            blocks(e.description);
        }
    }
    /// Its share of the index's lines: the index lists every guide and
    /// entry about once, spread over the topics.
    void topic_index(const model::Book& book, const Chapter& part) {
        if (part.first == 0) {
            anchor(kByTopicAnchor);
            bytes += kHeading;
        }
        const size_t end = std::min(part.end, book.topics.size());
        for (size_t i = part.first; i < end; ++i) {
            anchor(topic_anchor(book.topics[i].id));
            bytes += kHeading;
        }
        if (end > part.first)
            bytes += kIndexLine * static_cast<double>(book.guides.size() + book.directory.entries.size()) *
                     static_cast<double>(end - part.first) / static_cast<double>(book.topics.size());
    }

private:
    bool anchors_;
};

int digits(long n) { return n < 10 ? 1 : 1 + digits(n / 10); }


void add_chapter(Estimator& e, const model::Book& book, const Chapter& c) {
    switch (c.kind) {
        case Chapter::Kind::Preface:
            if (book.preface) {
                e.heading(book.preface->id.empty() ? "preface" : book.preface->id, book.preface->title);
                e.blocks(book.preface->blocks);
            }
            break;
        case Chapter::Kind::Part: {
            const model::Part& p = book.parts[c.index];
            e.heading(p.id, p.title);
            e.blocks(p.intro);
            break;
        }
        case Chapter::Kind::Guide: e.guide(book.guides[c.index]); break;
        case Chapter::Kind::FaqChapter:
            if (book.faq) {
                e.heading(book.faq->id.empty() ? "faq" : book.faq->id, book.faq->title);
                e.questions(book.faq->questions);
            }
            break;
        case Chapter::Kind::Directory: e.directory(book, c); break;
    }
}

}  // namespace

std::vector<double> chapter_sizes(const model::Book& book, const std::vector<Chapter>& chapters) {
    std::vector<double> sizes;
    sizes.reserve(chapters.size());
    for (const Chapter& c : chapters) {
        Estimator e(false);
        add_chapter(e, book, c);
        sizes.push_back(e.bytes);
    }
    return sizes;
}

std::map<std::string, std::string> estimate_folios(const model::Book& book, const std::vector<Chapter>& chapters,
                                                   const style::Sheet& sheet) {
    Estimator e(true);
    // Each chapter opens on a fresh recto: on average a page and a half of
    // text's worth more than its own text.
    const double measure = sheet.page.width - sheet.page.inner - sheet.page.outer;
    const double height = sheet.page.height - sheet.page.top - sheet.page.bottom;
    const double per_line = measure / std::max(1.0, 0.47 * sheet.text.size);
    const double per_page = std::max(1.0, per_line * std::floor(height / std::max(1.0, sheet.text.leading)));
    for (const Chapter& c : chapters) {
        if (!c.continues_directory())
            e.bytes = std::ceil(e.bytes / per_page) * per_page + 0.5 * per_page;  // a fresh page, sometimes a blank verso
        add_chapter(e, book, c);
    }
    // The estimate runs short (spacing around headings, callout padding and
    // blank versos it does not model). Fitted on generated books of 100,
    // 1,000 and 5,000 guides, and of 100 and 1,000 guides listing every
    // practitioner of their topics: anchors whose guess has the wrong number
    // of digits 1, 22, 23, 6, 53 (of 1,180, 11,602, 57,911, 1,180, 11,602;
    // only the second pass's work depends on it). Before the reference
    // lines had their own cost: 1.025, and 1, 15, 12, 11, 1,257.
    constexpr double kCalibration = 1.015;
    // Sorted once and put into the map at its end (a map insertion per
    // anchor with string compares was most of a big book's estimate).
    std::stable_sort(e.at.begin(), e.at.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    std::map<std::string, std::string> out;
    for (auto& [id, before] : e.at) {
        if (!out.empty() && std::prev(out.end())->first == id) continue;  // not its first place
        long page = std::max(1L, static_cast<long>(before / per_page * kCalibration) + 1);
        out.emplace_hint(out.end(), std::move(id), std::string(static_cast<size_t>(digits(page)), '0'));
    }
    return out;
}

}  // namespace bb::typeset
