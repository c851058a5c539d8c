#include "manuscript/typography_book.h"

#include <algorithm>
#include <atomic>

#include "base/threads.h"

#include "manuscript/walk.h"

namespace bb::manuscript {

using namespace model;

namespace {
void collect(Inlines& content, bool frozen, std::vector<TextRun>& runs) {
    for (Inline& in : content) {
        if (in.kind == InlineKind::Text) {
            runs.push_back({&in.text, frozen});
            continue;
        }
        bool freeze = frozen;
        if (in.kind == InlineKind::Link) {
            std::string shown = plain_text(in.children);
            freeze = freeze || shown == in.target || "mailto:" + shown == in.target;
        }
        collect(in.children, freeze, runs);
    }
}
}  // namespace

void apply_typography(Inlines& content, const TypographyOptions& options) {
    std::vector<TextRun> runs;
    collect(content, false, runs);
    apply_typography(runs, options);
}

void apply_book_typography(Book& book, const TypographyOptions& o) {
    if (!o.quotes && !o.dashes) return;
    // Every paragraph is independent (quotes never pair across them): two
    // threads take chunks of them in turn, as each is free (paragraphs
    // differ in length, so a fixed share left one thread waiting).
    std::vector<Inlines*> all;
    for_each_inlines(
        book, [&](Inlines& in) { all.push_back(&in); },
        [&](Block& b) {
            if (b.kind == BlockKind::Figure) b.alt = typographic(b.alt, o);
        });
    constexpr size_t kChunk = 64;
    std::atomic<size_t> next{0};
    base::run_on_threads(base::job_limit() > 1 && all.size() > 1024 ? 2 : 1, [&] {
        for (size_t start; (start = next.fetch_add(kChunk)) < all.size();)
            for (size_t i = start; i < std::min(all.size(), start + kChunk); ++i) apply_typography(*all[i], o);
    });
    Meta& m = book.meta;
    for (std::string* s : {&m.title, &m.subtitle, &m.publisher, &m.rights, &m.description}) *s = typographic(*s, o);
    for (Creator& c : m.creators) c.name = typographic(c.name, o);
    for (std::string& s : m.subjects) s = typographic(s, o);
    for (Topic& t : book.topics) t.name = typographic(t.name, o);
    for (Guide& g : book.guides)
        if (g.books)
            for (BookRef& r : g.books->books) {
                r.title = typographic(r.title, o);
                r.author = typographic(r.author, o);
            }
}

}  // namespace bb::manuscript
