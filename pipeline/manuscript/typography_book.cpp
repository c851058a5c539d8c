#include "manuscript/typography_book.h"

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
    for_each_inlines(
        book, [&](Inlines& in) { apply_typography(in, o); },
        [&](Block& b) {
            if (b.kind == BlockKind::Figure) b.alt = typographic(b.alt, o);
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
