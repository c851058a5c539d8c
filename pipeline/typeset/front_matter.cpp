#include "typeset/front_matter.h"

#include <fmt/format.h>

namespace bb::typeset {

namespace {

TextSpec display(const std::string& family, bool bold, bool italic, double size, double leading, Rgb color) {
    TextSpec t;
    t.family = family;
    t.bold = bold;
    t.italic = italic;
    t.size = size;
    t.leading = leading;
    t.color = color;
    t.justify = false;
    t.centered = true;
    t.role = Role::Display;
    t.hyphenate = false;
    t.keep_whole = true;
    return t;
}

Rgb named(const style::Sheet& s, const std::string& name, Rgb fallback) {
    auto it = s.colors.find(name);
    return it == s.colors.end() ? fallback : rgb(it->second);
}

std::string joined_creators(const model::Book& book) {
    std::string out;
    for (size_t i = 0; i < book.meta.creators.size(); ++i) {
        if (i > 0) out += i + 1 == book.meta.creators.size() ? " and " : ", ";
        out += book.meta.creators[i].name;
    }
    return out;
}

}  // namespace

size_t flow_title_pages(Flow& flow, const model::Book& book, const style::Sheet& s,
                        const std::vector<std::string>& font_names) {
    const double body_h = s.page.height - s.page.top - s.page.bottom;
    const Rgb ink = rgb(s.text.color);
    const Rgb accent = rgb(s.guide.color);
    const std::string& heading_font = s.guide.font;
    flow.anchor("title-page--bookbuild");
    flow.strut(body_h * 0.2);
    flow.paragraph(plain(book.meta.title, book.meta.span),
                   display(heading_font, true, false, s.guide.size * 1.3, s.guide.leading * 1.3, accent));
    if (!book.meta.subtitle.empty()) {
        flow.strut(s.text.leading);
        flow.paragraph(plain(book.meta.subtitle, book.meta.span),
                       display(s.text.font, false, true, s.text.size * 1.4, s.text.leading * 1.4, ink));
    }
    flow.strut(body_h * 0.2);
    std::string creators = joined_creators(book);
    if (!creators.empty())
        flow.paragraph(plain(creators, book.meta.span),
                       display(s.text.font, false, false, s.text.size * 1.2, s.text.leading * 1.2, ink));
    if (!book.meta.publisher.empty() && book.meta.publisher != creators) {
        flow.strut(body_h * 0.15);
        flow.paragraph(plain(book.meta.publisher, book.meta.span),
                       display(heading_font, false, false, s.text.size * 0.9, s.text.leading, ink));
    }
    flow.page_break(false, true);
    if (!s.page.two_sided) return 1;

    // Imprint: small print in the lower half of the verso.
    TextSpec small;
    small.family = s.text.font;
    small.size = s.text.size * 0.8;
    small.leading = s.text.leading * 0.85;
    small.color = named(s, "muted", ink);
    small.justify = false;
    small.role = Role::Caption;
    small.hyphenate = false;
    flow.strut(body_h * 0.55);
    auto line = [&](const std::string& text, bool italic = false) {
        if (text.empty()) return;
        TextSpec t = small;
        t.italic = italic;
        flow.paragraph(plain(text, book.meta.span), t);
    };
    line(book.meta.title, true);
    if (!book.meta.rights.empty()) line(book.meta.rights);
    if (!book.meta.publisher.empty()) line(book.meta.publisher);
    std::string id = book.meta.identifier;
    if (id.rfind("urn:isbn:", 0) == 0) id = "ISBN " + id.substr(9);
    line(id);
    if (!book.meta.date.empty()) line(book.meta.date);
    flow.strut(small.leading);
    std::string fonts;
    for (size_t i = 0; i < font_names.size(); ++i) {
        if (i > 0) fonts += i + 1 == font_names.size() ? " and " : ", ";
        fonts += font_names[i];
    }
    if (!fonts.empty()) line(fmt::format("Set in {} with bookbuild {}.", fonts, BOOKBUILD_VERSION));
    flow.page_break(false, true);
    return 2;
}

void flow_contents(Flow& flow, const model::Book& book, const style::Sheet& s, const PageOf& page_of) {
    if (s.toc.depth <= 0) return;
    flow.page_break(s.page.two_sided, true);
    std::string title = s.label("contents", "Contents");
    flow.mark("guide", title);
    flow.mark("section", "");
    flow.anchor(kContentsAnchor);
    flow.outline(title, 0, kContentsAnchor);
    TextSpec h;
    h.family = s.guide.font;
    h.bold = s.guide.bold;
    h.size = s.guide.size;
    h.leading = s.guide.leading;
    h.color = rgb(s.guide.color);
    h.justify = false;
    h.role = Role::Heading;
    h.hyphenate = false;
    h.keep_whole = true;
    flow.paragraph(plain(title), h);
    flow.keep_with_next(1);
    flow.space(s.guide.space_after * 1.5);

    TextSpec entry;
    entry.family = s.text.font;
    entry.size = s.text.size;
    entry.leading = s.text.leading;
    entry.color = rgb(s.text.color);
    entry.role = Role::Ragged;
    entry.hyphenate = false;
    TextSpec top = entry;  // parts, and chapters outside parts
    top.family = s.section.font;
    top.bold = true;
    TextSpec sub = entry;  // sections
    sub.size = s.text.size * 0.9;
    sub.leading = s.text.leading * 0.9;
    sub.left = s.text.size * 1.5;

    auto page = [&](const std::string& anchor) {
        std::string p = page_of ? page_of(anchor) : "";
        return p.empty() ? std::string("00") : p;
    };
    auto chapter = [&](const model::Inlines& t, const std::string& anchor, const TextSpec& spec) {
        flow.leader_entry(flatten(t, false, false, "", nullptr), spec, page(anchor), s.toc.leaders, anchor);
    };
    const bool parts = !book.parts.empty();
    auto guide_entries = [&](const model::Guide& g, int level) {
        if (level > s.toc.depth) return;
        flow.space(parts ? 0 : entry.leading * 0.3);
        chapter(g.title, g.id, parts ? entry : top);
        if (level + 1 > s.toc.depth) return;
        for (const auto& sec : g.sections) chapter(sec.title, sec.anchor, sub);
    };
    if (book.preface) chapter(book.preface->title, book.preface->id, top);
    if (parts) {
        for (const auto& p : book.parts) {
            flow.space(entry.leading * 0.6);
            chapter(p.title, p.id, top);
            flow.keep_with_next(1);
            for (size_t g : p.guides)
                if (g < book.guides.size()) guide_entries(book.guides[g], 2);
        }
    } else {
        for (const auto& g : book.guides) guide_entries(g, 1);
    }
    if (book.faq) {
        flow.space(entry.leading * 0.6);
        chapter(book.faq->title, book.faq->id, top);
    }
    if (!book.directory.entries.empty() || !book.directory.intro.empty()) {
        flow.space(entry.leading * 0.6);
        chapter(book.directory.title, book.directory.id, top);
    }
}

}  // namespace bb::typeset
