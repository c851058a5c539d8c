#include "manuscript/build.h"

#include "manuscript/checker.h"
#include "manuscript/values.h"

namespace bb::manuscript {

using namespace model;

std::string section_anchor(const std::string& guide_id, const std::string& path) {
    return guide_id + "--s" + path;
}

namespace {

void collapse_run(Inlines& content, bool& space_before) {
    for (Inline& in : content) {
        if (in.kind == InlineKind::Text) {
            // In place: the text only shrinks. Most runs need nothing (one
            // line, single spaces): that is found with memchr, not a loop.
            std::string& t = in.text;
            if (t.empty()) continue;
            const std::string_view v = t;
            if (!(space_before && v.front() == ' ') && v.find('\n') == v.npos && v.find('\t') == v.npos &&
                v.find('\r') == v.npos && v.find("  ") == v.npos) {
                space_before = v.back() == ' ';
                continue;
            }
            size_t w = 0;
            for (char c : t) {
                if (is_xml_space(c)) {
                    if (!space_before) t[w++] = ' ';
                    space_before = true;
                } else {
                    t[w++] = c;
                    space_before = false;
                }
            }
            t.resize(w);
        } else if ((in.kind == InlineKind::Ref || in.kind == InlineKind::Link) && in.children.empty()) {
            space_before = false;  // filled with a title or URL later
        } else {
            collapse_run(in.children, space_before);
        }
    }
}

// Strips trailing spaces; returns true once something visible was met.
bool trim_end(Inlines& content) {
    for (size_t i = content.size(); i-- > 0;) {
        Inline& in = content[i];
        if (in.kind == InlineKind::Text) {
            while (!in.text.empty() && in.text.back() == ' ') in.text.pop_back();
            if (!in.text.empty()) return true;
        } else if ((in.kind == InlineKind::Ref || in.kind == InlineKind::Link) && in.children.empty()) {
            return true;
        } else if (trim_end(in.children)) {
            return true;
        }
    }
    return false;
}

void drop_empty_text(Inlines& content) {
    std::erase_if(content, [](const Inline& in) { return in.kind == InlineKind::Text && in.text.empty(); });
    for (Inline& in : content) drop_empty_text(in.children);
}

std::string attr(const XNode& n, std::string_view name) {
    const XAttr* a = n.attr(name);
    return a ? a->value : std::string();
}
base::Span attr_span(const XNode& n, std::string_view name) {
    const XAttr* a = n.attr(name);
    return a ? a->name_span : n.span;
}

Inlines text_inlines(std::string s, Span span) {
    Inlines out;
    if (!s.empty()) out.push_back({InlineKind::Text, std::move(s), {}, {}, span});
    return out;
}

struct Builder {
    Built& b;

    // ------------------------------------------------------------ inline
    Inlines inline_children(const XNode& n) {
        Inlines out;
        for (const auto& c : n.children) {
            if (c.is_text) {
                out.push_back({InlineKind::Text, c.text, {}, {}, c.span});
                continue;
            }
            Inline in;
            in.span = c.span;
            if (c.name == "em") in.kind = InlineKind::Emph;
            else if (c.name == "strong") in.kind = InlineKind::Strong;
            else if (c.name == "cite") in.kind = InlineKind::Cite;
            else if (c.name == "link") {
                in.kind = InlineKind::Link;
                in.target = attr(c, "href");
            } else if (c.name == "ref") {
                in.kind = InlineKind::Ref;
                in.target = attr(c, "to");
                if (c.attr("to")) b.refs.push_back({RefUse::Ref, in.target, attr_span(c, "to")});
            } else {
                continue;  // reported by the checker
            }
            in.children = inline_children(c);
            out.push_back(std::move(in));
        }
        return out;
    }

    Inlines inlines(const XNode& n) {
        Inlines out = inline_children(n);
        collapse_inlines(out);
        return out;
    }

    // An empty link shows its URL (without "mailto:").
    void fill_links(Inlines& content) {
        for (Inline& in : content) {
            if (in.kind == InlineKind::Link && in.children.empty()) {
                std::string shown = in.target.rfind("mailto:", 0) == 0 ? in.target.substr(7) : in.target;
                in.children = text_inlines(shown, in.span);
            }
            fill_links(in.children);
        }
    }

    Inlines content(const XNode& n) {
        Inlines out = inlines(n);
        fill_links(out);
        return out;
    }

    // ------------------------------------------------------------ blocks
    Blocks blocks(const XNode& n) {
        Blocks out;
        for (const auto& c : n.children)
            if (!c.is_text && is_block(c)) out.push_back(block(c));
        return out;
    }

    static bool is_block(const XNode& c) {
        return c.name == "p" || c.name == "list" || c.name == "quote" || c.name == "figure";
    }

    Block block(const XNode& n) {
        Block bl;
        bl.span = n.span;
        if (n.name == "p") {
            bl.kind = BlockKind::Paragraph;
            bl.content = content(n);
        } else if (n.name == "list") {
            bl.kind = BlockKind::List;
            bl.numbered = attr(n, "style") == "number";
            for (const auto& c : n.children) {
                if (c.is_text || c.name != "item") continue;
                ListItem item;
                item.span = c.span;
                bool has_blocks = false;
                for (const auto& k : c.children) has_blocks |= !k.is_text && is_block(k);
                if (has_blocks) {
                    item.blocks = blocks(c);
                } else {
                    Block p;
                    p.kind = BlockKind::Paragraph;
                    p.span = c.span;
                    p.content = content(c);
                    item.blocks.push_back(std::move(p));
                }
                bl.items.push_back(std::move(item));
            }
        } else if (n.name == "quote") {
            bl.kind = BlockKind::Quote;
            bl.blocks = blocks(n);
            for (const auto& c : n.children)
                if (!c.is_text && c.name == "attribution") bl.attribution = content(c);
        } else {
            bl.kind = BlockKind::Figure;
            bl.src = attr(n, "src");
            bl.alt = collapse_space(attr(n, "alt"));
            for (const auto& c : n.children)
                if (!c.is_text && c.name == "caption") bl.caption = content(c);
        }
        return bl;
    }

    // ------------------------------------------------------------ helpers
    const XNode* child(const XNode& n, std::string_view name) {
        for (const auto& c : n.children)
            if (!c.is_text && c.name == name) return &c;
        return nullptr;
    }

    Inlines title_of(const XNode& n, const char* fallback = nullptr) {
        if (const XNode* t = child(n, "title")) return content(*t);
        return fallback ? text_inlines(fallback, n.span) : Inlines{};
    }

    void define(const XNode& n, AnchorKind kind, const Inlines& title) {
        if (const XAttr* a = n.attr("id")) b.ids.push_back({a->value, kind, plain_text(title), a->name_span});
    }

    void topics_of(const XNode& n, std::vector<std::string>& out) {
        const XAttr* a = n.attr("topics");
        if (!a) return;
        out = split_words(a->value);
        for (const auto& t : out) b.refs.push_back({RefUse::Topic, t, a->name_span});
    }

    std::vector<Qa> questions(const XNode& n) {
        std::vector<Qa> out;
        for (const auto& c : n.children) {
            if (c.is_text || c.name != "qa") continue;
            Qa qa;
            qa.span = c.span;
            if (const XNode* q = child(c, "q")) qa.question = content(*q);
            if (const XNode* a = child(c, "a")) qa.answer = blocks(*a);
            out.push_back(std::move(qa));
        }
        return out;
    }

    // ------------------------------------------------------------ guide
    Section section(const XNode& n, const std::string& guide_id, const std::string& path) {
        Section s;
        s.span = n.span;
        s.id = attr(n, "id");
        s.anchor = s.id.empty() ? section_anchor(guide_id, path) : s.id;
        s.title = title_of(n);
        s.blocks = blocks(n);
        define(n, AnchorKind::Section, s.title);
        int k = 0;
        for (const auto& c : n.children)
            if (!c.is_text && c.name == "section")
                s.subsections.push_back(section(c, guide_id, path + "-" + std::to_string(++k)));
        return s;
    }

    Guide guide(const XNode& n) {
        Guide g;
        g.span = n.span;
        g.id = attr(n, "id");
        topics_of(n, g.topics);
        b.guide_topics_spans.push_back(attr_span(n, "topics"));
        g.title = title_of(n);
        define(n, AnchorKind::Guide, g.title);
        int sections = 0;
        for (const auto& c : n.children) {
            if (c.is_text) continue;
            if (c.name == "summary") g.summary = content(c);
            else if (c.name == "myth") g.myth = Callout{title_of(c), blocks(c), c.span};
            else if (c.name == "example") g.example = Callout{{}, blocks(c), c.span};
            else if (c.name == "truth") g.truth = Callout{{}, blocks(c), c.span};
            else if (c.name == "section") g.sections.push_back(section(c, g.id, std::to_string(++sections)));
            else if (c.name == "faq") g.faq = Faq{g.id + "--faq", title_of(c, "Common Questions"), questions(c), c.span};
            else if (c.name == "books") {
                Books bk{g.id + "--books", title_of(c, "Books on This Topic"), {}, c.span};
                for (const auto& r : c.children)
                    if (!r.is_text && r.name == "book-ref")
                        bk.books.push_back({collapse_space(attr(r, "title")), collapse_space(attr(r, "author")),
                                            attr(r, "year"), attr(r, "isbn"), attr(r, "url"), r.span});
                g.books = std::move(bk);
            } else if (c.name == "practitioners") {
                Practitioners p{g.id + "--practitioners", title_of(c, "Coaches and Programs in the Directory"), {}, false, c.span};
                for (const auto& r : c.children)
                    if (!r.is_text && r.name == "entry-ref" && r.attr("to")) {
                        p.entries.push_back(attr(r, "to"));
                        b.refs.push_back({RefUse::EntryRef, attr(r, "to"), attr_span(r, "to")});
                    }
                g.practitioners = std::move(p);
            } else if (c.name == "related") {
                Related rel{g.id + "--related", title_of(c, "Related Guides"), {}, c.span};
                for (const auto& r : c.children)
                    if (!r.is_text && r.name == "guide-ref" && r.attr("to")) {
                        rel.guides.push_back(attr(r, "to"));
                        b.refs.push_back({RefUse::GuideRef, attr(r, "to"), attr_span(r, "to")});
                    }
                g.related = std::move(rel);
            }
        }
        return g;
    }

    // ------------------------------------------------------------ book
    void meta(const XNode& n) {
        Meta& m = b.book.meta;
        m.span = n.span;
        for (const auto& c : n.children) {
            if (c.is_text) continue;
            std::string v = collapse_space(c.direct_text());
            if (c.name == "title") m.title = v;
            else if (c.name == "subtitle") m.subtitle = v;
            else if (c.name == "creator") {
                Creator cr{v, "aut"};
                if (c.attr("role")) cr.role = attr(c, "role");
                m.creators.push_back(std::move(cr));
            } else if (c.name == "publisher") m.publisher = v;
            else if (c.name == "identifier") m.identifier = v;
            else if (c.name == "date") m.date = v;
            else if (c.name == "rights") m.rights = v;
            else if (c.name == "description") m.description = v;
            else if (c.name == "subject") m.subjects.push_back(v);
        }
    }

    Entry entry(const XNode& n) {
        Entry e;
        e.span = n.span;
        e.id = attr(n, "id");
        std::string kind = attr(n, "kind"), format = attr(n, "format");
        e.kind = kind == "program" ? EntryKind::Program
                 : kind == "retreat" ? EntryKind::Retreat
                 : kind == "group" ? EntryKind::Group : EntryKind::Coach;
        e.format = format == "online" ? EntryFormat::Online
                   : format == "hybrid" ? EntryFormat::Hybrid : EntryFormat::InPerson;
        topics_of(n, e.topics);
        for (const auto& c : n.children) {
            if (c.is_text) continue;
            if (c.name == "name") e.name = content(c);
            else if (c.name == "location") e.location = content(c);
            else if (c.name == "url") e.url = collapse_space(c.direct_text());
            else if (c.name == "email") e.email = collapse_space(c.direct_text());
            else if (c.name == "description") e.description = blocks(c);
        }
        define(n, AnchorKind::Entry, e.name);
        return e;
    }

    void book(const XNode& root) {
        Book& bk = b.book;
        if (const XAttr* l = root.attr("lang")) bk.lang = l->value;
        for (const auto& c : root.children) {
            if (c.is_text) continue;
            if (c.name == "meta") meta(c);
            else if (c.name == "topics") {
                for (const auto& t : c.children) {
                    if (t.is_text || t.name != "topic") continue;
                    Topic tp{attr(t, "id"), collapse_space(t.direct_text()), t.span};
                    define(t, AnchorKind::Topic, text_inlines(tp.name, t.span));
                    bk.topics.push_back(std::move(tp));
                }
            } else if (c.name == "front") {
                if (const XNode* p = child(c, "preface")) {
                    Preface pr{attr(*p, "id"), title_of(*p), blocks(*p), p->span};
                    define(*p, AnchorKind::Preface, pr.title);
                    bk.preface = std::move(pr);
                }
            } else if (c.name == "part") {
                Part part{attr(c, "id"), title_of(c), {}, {}, c.span};
                define(c, AnchorKind::Part, part.title);
                if (const XNode* in = child(c, "intro")) part.intro = blocks(*in);
                for (const auto& g : c.children)
                    if (!g.is_text && g.name == "guide") {
                        part.guides.push_back(bk.guides.size());
                        bk.guides.push_back(guide(g));
                    }
                bk.parts.push_back(std::move(part));
            } else if (c.name == "guide") {
                bk.guides.push_back(guide(c));
            } else if (c.name == "faq") {
                FaqChapter f{attr(c, "id"), title_of(c), questions(c), c.span};
                define(c, AnchorKind::FaqChapter, f.title);
                bk.faq = std::move(f);
            } else if (c.name == "directory") {
                Directory& d = bk.directory;
                d.span = c.span;
                d.id = attr(c, "id");
                d.title = title_of(c);
                define(c, AnchorKind::Directory, d.title);
                if (const XNode* in = child(c, "intro")) d.intro = blocks(*in);
                for (const auto& e : c.children)
                    if (!e.is_text && e.name == "entry") d.entries.push_back(entry(e));
            }
        }
    }
};

}  // namespace

void collapse_inlines(Inlines& content) {
    bool space_before = true;  // leading white space is dropped
    collapse_run(content, space_before);
    trim_end(content);
    drop_empty_text(content);
}

Built build_book(const XNode& root) {
    Built b;
    Builder builder{b};
    builder.book(root);
    return b;
}

}  // namespace bb::manuscript
