#include "epub/nav.h"

#include <fmt/format.h>

#include <algorithm>

#include "epub/content.h"
#include "epub/xhtml.h"

namespace bb::epub {

namespace {

void add_sections(std::vector<NavItem>& out, const std::vector<model::Section>& sections, const Plan& plan) {
    for (const auto& s : sections) {
        NavItem item{model::plain_text(s.title), plan.href(s.anchor), {}};
        add_sections(item.children, s.subsections, plan);
        out.push_back(std::move(item));
    }
}

NavItem guide_item(const model::Guide& g, const Plan& plan) {
    NavItem item{model::plain_text(g.title), plan.href(g.id), {}};
    add_sections(item.children, g.sections, plan);
    return item;
}

void nav_list(Xml& x, const std::vector<NavItem>& items) {
    x.open("ol").line();
    for (const auto& item : items) {
        x.open("li");
        x.element("a", {{"href", item.href}}, item.title);
        if (!item.children.empty()) {
            x.line();
            nav_list(x, item.children);
        }
        x.close().line();
    }
    x.close().line();
}

int depth(const std::vector<NavItem>& items) {
    int d = 0;
    for (const auto& i : items) d = std::max(d, 1 + depth(i.children));
    return d;
}

void nav_points(Xml& x, const std::vector<NavItem>& items, int& order) {
    for (const auto& item : items) {
        ++order;
        x.open("navPoint", {{"id", fmt::format("np-{}", order)}, {"playOrder", std::to_string(order)}}).line();
        x.open("navLabel").element("text", {}, item.title).close().line();
        x.empty("content", {{"src", kTextDir + item.href}}).line();
        nav_points(x, item.children, order);
        x.close().line();
    }
}

}  // namespace

std::vector<NavItem> toc_tree(const model::Book& book, const Plan& plan, const style::Sheet& sheet) {
    std::vector<NavItem> toc;
    for (const Chunk& c : plan.chunks()) {
        switch (c.kind) {
            case ChunkKind::TitlePage:
            case ChunkKind::Nav: break;
            case ChunkKind::Preface:
            case ChunkKind::FaqChapter: toc.push_back({c.title, c.file, {}}); break;
            case ChunkKind::Part: {
                NavItem part{fmt::format("{} {}: {}", sheet.label("part", "Part"), c.index + 1, c.title), c.file, {}};
                for (size_t gi : book.parts[c.index].guides)
                    if (gi < book.guides.size()) part.children.push_back(guide_item(book.guides[gi], plan));
                toc.push_back(std::move(part));
                break;
            }
            case ChunkKind::Guide: {
                bool in_part = false;
                for (const auto& p : book.parts)
                    for (size_t gi : p.guides) in_part = in_part || gi == c.index;
                if (!in_part) toc.push_back(guide_item(book.guides[c.index], plan));
                break;
            }
            case ChunkKind::Directory: {
                NavItem dir{c.title, c.file, {}};
                if (plan.has(kByTopicId))
                    dir.children.push_back(
                        {sheet.label("directory-by-topic", "Browse by topic"), plan.href(kByTopicId), {}});
                toc.push_back(std::move(dir));
                break;
            }
        }
    }
    return toc;
}

std::string nav_document(const model::Book& book, const Plan& plan, const style::Sheet& sheet,
                         const std::vector<NavItem>& toc, const PageMarks* marks) {
    const Chunk* nav = plan.find(ChunkKind::Nav);
    std::string contents = sheet.label("contents", "Contents");
    Xml x;
    x.open("nav", {{"epub:type", "toc"}, {"role", "doc-toc"}, {"id", "toc"}, {"aria-labelledby", "toc_title"}})
        .line();
    x.element("h1", {{"id", "toc_title"}}, contents).line();
    nav_list(x, toc);
    x.close().line();

    // Landmarks: where a reading system's "go to" menu jumps (EPUB 3.3 §7.4.3).
    x.open("nav", {{"epub:type", "landmarks"}, {"id", "landmarks"}, {"hidden", "hidden"},
                   {"aria-labelledby", "landmarks_title"}})
        .line();
    x.element("h2", {{"id", "landmarks_title"}}, sheet.label("landmarks", "Landmarks")).line();
    x.open("ol").line();
    auto landmark = [&](const char* type, const std::string& href, const std::string& text) {
        x.open("li").element("a", {{"epub:type", type}, {"href", href}}, text).close().line();
    };
    if (const Chunk* t = plan.find(ChunkKind::TitlePage))
        landmark("titlepage", t->file, sheet.label("title-page", "Title page"));
    if (nav) landmark("toc", nav->file + "#toc", contents);
    if (const Chunk* b = plan.bodymatter()) landmark("bodymatter", b->file, b->title);
    if (const Chunk* d = plan.find(ChunkKind::Directory)) landmark("appendix", d->file, d->title);
    x.close().line();
    x.close().line();

    // The print edition's pages, each to its marker (EPUB 3.3 §7.4.2).
    if (marks && !marks->empty()) {
        x.open("nav", {{"epub:type", "page-list"}, {"role", "doc-pagelist"}, {"id", "page-list"},
                       {"hidden", "hidden"}, {"aria-labelledby", "page-list_title"}})
            .line();
        x.element("h2", {{"id", "page-list_title"}}, sheet.label("page-list", "Pages")).line();
        x.open("ol").line();
        for (size_t p = 0; p < marks->pages().size(); ++p) {
            const Chunk& c = plan.chunks()[marks->chunk_of(p)];
            x.open("li").element("a", {{"href", c.file + "#" + marks->id(p)}}, marks->pages()[p].label).close().line();
        }
        x.close().line();
        x.close().line();
    }
    return xhtml_document(book.lang, contents, kCssHref, x.finish(), "frontmatter");
}

std::string ncx_document(const model::Book& book, const std::vector<NavItem>& toc) {
    std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    Xml x;
    x.open("ncx", {{"xmlns", "http://www.daisy.org/z3986/2005/ncx/"}, {"version", "2005-1"}, {"xml:lang", book.lang}})
        .line();
    x.open("head").line();
    x.empty("meta", {{"name", "dtb:uid"}, {"content", book.meta.identifier}}).line();
    x.empty("meta", {{"name", "dtb:depth"}, {"content", std::to_string(std::max(1, depth(toc)))}}).line();
    x.empty("meta", {{"name", "dtb:totalPageCount"}, {"content", "0"}}).line();
    x.empty("meta", {{"name", "dtb:maxPageNumber"}, {"content", "0"}}).line();
    x.close().line();
    x.open("docTitle").element("text", {}, book.meta.title).close().line();
    x.open("navMap").line();
    int order = 0;
    nav_points(x, toc, order);
    x.close().line();
    x.close().line();
    out += x.finish();
    return out;
}

}  // namespace bb::epub
