#include "epub/content.h"

#include <fmt/format.h>

namespace bb::epub {

std::string heading_tag(int level) { return fmt::format("h{}", level < 1 ? 1 : level > 6 ? 6 : level); }

void questions(Renderer& r, Xml& x, const std::vector<model::Qa>& qas, int level) {
    std::string h = heading_tag(level);
    for (const auto& qa : qas) {
        x.open("div", {{"class", "qa"}}).line();
        x.open(h, {{"class", "question"}, {"id", r.local_id("q")}});
        r.inlines(x, qa.question);
        x.close().line();
        x.open("div", {{"class", "answer"}}).line();
        r.blocks(x, qa.answer);
        x.close().line();
        x.close().line();
    }
}

namespace {

std::string title_page_body(Renderer& r) {
    const model::Meta& m = r.book().meta;
    Xml x;
    x.open("section", {{"class", "titlepage"}, {"epub:type", "titlepage"}, {"aria-label", r.sheet().label("title-page", "Title page")}}).line();
    x.element("h1", {{"class", "book-title"}}, m.title).line();
    if (!m.subtitle.empty()) x.element("p", {{"class", "book-subtitle"}}, m.subtitle).line();
    if (!m.creators.empty()) {
        x.open("p", {{"class", "book-creators"}});
        for (size_t i = 0; i < m.creators.size(); ++i) {
            if (i) x.text(i + 1 == m.creators.size() ? " and " : ", ");
            x.text(m.creators[i].name);
        }
        x.close().line();
    }
    if (!m.publisher.empty()) x.element("p", {{"class", "book-publisher"}}, m.publisher).line();
    if (!m.rights.empty()) x.element("p", {{"class", "book-rights"}}, m.rights).line();
    x.close().line();
    return x.finish();
}

std::string preface_body(Renderer& r, const Chunk& c) {
    const model::Preface& p = *r.book().preface;
    Xml x;
    std::string hid = r.local_id("title");
    x.open("section", {{"id", c.id}, {"class", "preface"}, {"epub:type", "preface"}, {"role", "doc-preface"},
                       {"aria-labelledby", hid}})
        .line();
    x.open("h1", {{"id", hid}});
    r.inlines(x, p.title);
    x.close().line();
    r.blocks(x, p.blocks);
    x.close().line();
    return x.finish();
}

std::string part_body(Renderer& r, const Chunk& c) {
    const model::Part& p = r.book().parts[c.index];
    Xml x;
    std::string hid = r.local_id("title");
    x.open("section", {{"id", c.id}, {"class", "part"}, {"epub:type", "part"}, {"role", "doc-part"},
                       {"aria-labelledby", hid}})
        .line();
    x.open("h1", {{"id", hid}});
    x.element("span", {{"class", "part-label"}}, fmt::format("{} {}", r.sheet().label("part", "Part"), c.index + 1));
    x.text(" ");
    x.open("span", {{"class", "part-title"}});
    r.inlines(x, p.title);
    x.close();
    x.close().line();
    r.blocks(x, p.intro);
    x.close().line();
    return x.finish();
}

std::string faq_body(Renderer& r, const Chunk& c) {
    const model::FaqChapter& f = *r.book().faq;
    Xml x;
    std::string hid = r.local_id("title");
    x.open("section", {{"id", c.id}, {"class", "faq-chapter"}, {"epub:type", "chapter"}, {"role", "doc-chapter"},
                       {"aria-labelledby", hid}})
        .line();
    x.open("h1", {{"id", hid}});
    r.inlines(x, f.title);
    x.close().line();
    x.open("div", {{"class", "faq"}, {"epub:type", "qna"}, {"role", "doc-qna"}}).line();
    questions(r, x, f.questions, 2);
    x.close().line();
    x.close().line();
    return x.finish();
}

}  // namespace

std::string chapter_document(Renderer& r, const Chunk& c) {
    // Each file's page-break markers, in page order: those before its first
    // text, those inside it (written with the text), those after it.
    const std::string first_marks = r.begin_chunk(static_cast<size_t>(&c - r.plan().chunks().data()));
    std::string body, body_type;
    switch (c.kind) {
        case ChunkKind::TitlePage: body = title_page_body(r); body_type = "frontmatter"; break;
        case ChunkKind::Preface: body = preface_body(r, c); body_type = "frontmatter"; break;
        case ChunkKind::Part: body = part_body(r, c); body_type = "bodymatter"; break;
        case ChunkKind::Guide:
            body = guide_body(r, r.book().guides[c.index]);
            body_type = "bodymatter";
            break;
        case ChunkKind::FaqChapter: body = faq_body(r, c); body_type = "bodymatter"; break;
        case ChunkKind::Directory: body = directory_body(r, c); body_type = "backmatter"; break;
        case ChunkKind::Nav: return "";
    }
    body = first_marks + body + r.end_chunk();
    std::string title = c.title.empty() ? r.book().meta.title : c.title;
    return xhtml_document(r.book().lang, title, kCssHref, body, body_type);
}

}  // namespace bb::epub
