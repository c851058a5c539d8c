// A guide as one XHTML chapter: title, summary, the three callouts (myth,
// example, truth), sections, common questions, books, practitioners in the
// directory, related guides. Order follows spec/manuscript.md.
#include <fmt/format.h>

#include "epub/content.h"

namespace bb::epub {

namespace {

void callout(Renderer& r, Xml& x, const char* kind, const style::CalloutStyle& style, const char* fallback_label,
             const model::Callout& c) {
    x.open("section", {{"class", fmt::format("callout callout-{}", kind)}}).line();
    x.open("h2", {{"class", "callout-head"}});
    r.place(x, model::print_key("callout", c.span));
    x.element("span", {{"class", "callout-label"}}, style.label.empty() ? fallback_label : style.label);
    if (!c.title.empty()) {
        x.text(" ");
        x.open("span", {{"class", "callout-title"}});
        r.inlines(x, c.title);
        x.close();
    }
    x.close().line();
    r.blocks(x, c.blocks);
    x.close().line();
}

void sections(Renderer& r, Xml& x, const std::vector<model::Section>& list, int level) {
    for (const auto& s : list) {
        x.open("section", {{"id", s.anchor}, {"class", level == 2 ? "section" : "subsection"}}).line();
        x.open(heading_tag(level));
        r.inlines(x, s.title);
        x.close().line();
        r.blocks(x, s.blocks);
        sections(r, x, s.subsections, level + 1);
        x.close().line();
    }
}

void books(Renderer& r, Xml& x, const model::Books& b) {
    x.open("section", {{"id", b.anchor}, {"class", "books"}, {"epub:type", "bibliography"},
                       {"role", "doc-bibliography"}})
        .line();
    x.open("h2");
    r.inlines(x, b.title);
    x.close().line();
    x.open("ul", {{"class", "book-list"}}).line();
    for (const auto& book : b.books) {
        x.open("li");
        r.place(x, model::print_key("book", book.span));
        if (!book.url.empty()) x.open("a", {{"href", book.url}, {"class", "external"}});
        x.element("cite", {}, book.title);
        if (!book.url.empty()) x.close();
        if (!book.author.empty()) x.text(", " + book.author);
        if (!book.year.empty()) x.text(" (" + book.year + ")");
        x.text(".");
        if (!book.isbn.empty()) {
            x.text(" ");
            x.element("span", {{"class", "isbn"}}, "ISBN " + book.isbn);
        }
        x.close().line();
    }
    x.close().line();
    x.close().line();
}

void practitioners(Renderer& r, Xml& x, const model::Practitioners& p) {
    x.open("section", {{"id", p.anchor}, {"class", "practitioners"}}).line();
    x.open("h2");
    r.inlines(x, p.title);
    x.close().line();
    x.open("ul", {{"class", "entry-list"}}).line();
    for (const auto& id : p.entries) {
        const model::Entry* e = r.book().find_entry(id);
        x.open("li");
        r.place(x, model::print_key("practitioner", p.span, id));
        if (!e) {
            r.sink().error(p.span, fmt::format("EPUB: directory entry '{}' is not in the book", id));
            x.text(id);
        } else {
            r.link_to(x, id, model::plain_text(e->name), p.span);
            if (!e->location.empty()) {
                x.open("span", {{"class", "entry-where"}});
                x.text(" — ");
                r.inlines(x, e->location);
                x.close();
            }
        }
        x.close().line();
    }
    x.close().line();
    x.close().line();
}

void related(Renderer& r, Xml& x, const model::Related& rel) {
    x.open("section", {{"id", rel.anchor}, {"class", "related"}}).line();
    x.open("h2");
    r.inlines(x, rel.title);
    x.close().line();
    x.open("ul", {{"class", "guide-list"}}).line();
    for (const auto& id : rel.guides) {
        const model::Guide* g = r.book().find_guide(id);
        x.open("li");
        r.place(x, model::print_key("related", rel.span, id));
        r.link_to(x, id, g ? model::plain_text(g->title) : id, rel.span);
        x.close().line();
    }
    x.close().line();
    x.close().line();
}

}  // namespace

std::string guide_body(Renderer& r, const model::Guide& g) {
    const style::Sheet& s = r.sheet();
    Xml x;
    std::string hid = r.local_id("title");
    x.open("section", {{"id", g.id}, {"class", "guide"}, {"epub:type", "chapter"}, {"role", "doc-chapter"},
                       {"aria-labelledby", hid}})
        .line();
    x.open("h1", {{"id", hid}});
    r.inlines(x, g.title);
    x.close().line();
    if (g.summary && !g.summary->empty()) {
        x.open("p", {{"class", "summary"}});
        r.inlines(x, *g.summary);
        x.close().line();
    }
    if (g.myth) callout(r, x, "myth", s.myth, "The myth", *g.myth);
    if (g.example) callout(r, x, "example", s.example, "The example", *g.example);
    if (g.truth) callout(r, x, "truth", s.truth, "The truth", *g.truth);
    sections(r, x, g.sections, 2);
    if (g.faq && !g.faq->questions.empty()) {
        x.open("section", {{"id", g.faq->anchor}, {"class", "faq"}, {"epub:type", "qna"}, {"role", "doc-qna"}})
            .line();
        x.open("h2");
        r.inlines(x, g.faq->title);
        x.close().line();
        questions(r, x, g.faq->questions, 3);
        x.close().line();
    }
    // Empty sections are left out (spec: an empty `books` is a warning).
    if (g.books && !g.books->books.empty()) books(r, x, *g.books);
    if (g.practitioners && !g.practitioners->entries.empty()) practitioners(r, x, *g.practitioners);
    if (g.related && !g.related->guides.empty()) related(r, x, *g.related);
    x.close().line();
    return x.finish();
}

}  // namespace bb::epub
