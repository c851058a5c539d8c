#include "typeset/book_flow.h"

#include <fmt/format.h>

#include <algorithm>

#include "model/print_edition.h"
#include "typeset/image_size.h"

namespace bb::typeset {

namespace {

class BookFlow {
public:
    BookFlow(Flow& flow, const model::Book& book, const style::Sheet& sheet, const FlowContext& ctx,
             base::Sink& sink)
        : f_(flow), book_(book), s_(sheet), ctx_(ctx), sink_(sink) {}

    /// One guide alone (flow_guide).
    void run_guide(const model::Guide& g) { guide(g, 0); }

    void run() {
        for (const auto& c : chapters_of(book_)) chapter(c);
    }

    void chapter(const Chapter& c) {
        switch (c.kind) {
            case Chapter::Kind::Preface: preface(*book_.preface); break;
            case Chapter::Kind::Part:
                part_no_ = c.number - 1;
                part(book_.parts[c.index]);
                break;
            case Chapter::Kind::Guide: guide(book_.guides[c.index], c.level); break;
            case Chapter::Kind::FaqChapter: faq_chapter(*book_.faq); break;
            case Chapter::Kind::Directory: directory(book_.directory, c); break;
        }
    }

private:
    // ------------------------------------------------------------ specs

    TextSpec body() const {
        TextSpec t;
        t.family = s_.text.font;
        t.size = s_.text.size;
        t.leading = s_.text.leading;
        t.color = rgb(s_.text.color);
        t.justify = s_.text.align == style::Align::Justify;
        t.role = t.justify ? Role::Body : Role::Ragged;
        t.italic = italic_;
        return t;
    }

    TextSpec heading_spec(const style::HeadingStyle& h) const {
        TextSpec t;
        t.family = h.font;
        t.bold = h.bold;
        t.size = h.size;
        t.leading = h.leading;
        t.color = rgb(h.color);
        t.justify = false;
        t.role = Role::Heading;
        t.hyphenate = false;
        t.keep_whole = true;
        return t;
    }

    /// Small sans text: labels, directory details.
    TextSpec small(bool bold, Rgb color) const {
        TextSpec t;
        t.family = s_.faq.question_font.empty() ? s_.text.font : s_.faq.question_font;
        t.bold = bold;
        t.size = s_.text.size * 0.8;
        t.leading = s_.text.leading * 0.85;
        t.color = color;
        t.justify = false;
        t.role = Role::Label;
        t.hyphenate = false;
        return t;
    }

    Rgb color(const std::string& name, Rgb fallback) const {
        auto it = s_.colors.find(name);
        return it == s_.colors.end() ? fallback : rgb(it->second);
    }

    Pieces inl(const model::Inlines& content, bool bold = false) const {
        return flatten(content, bold, italic_, s_.reference_print, ctx_.page_of);
    }

    // ------------------------------------------------------------ chapters

    void chapter_start(const style::HeadingStyle& h) {
        if (h.start == style::Start::Flow) {
            f_.space(std::max(h.space_before, s_.section.space_before * 2));
            return;
        }
        f_.page_break(h.start == style::Start::Recto && s_.page.two_sided, true);
    }

    void heading(const model::Inlines& title, const style::HeadingStyle& h, const std::string& anchor, int level,
                 bool in_outline = true) {
        f_.space(h.space_before);
        if (!anchor.empty()) f_.anchor(anchor);
        std::string plain = model::plain_text(title);
        if (in_outline && !anchor.empty()) f_.outline(plain, level, anchor);
        f_.paragraph(flatten(title, false, false, "", nullptr), heading_spec(h));
        f_.keep_with_next(std::max(1, s_.pagination.keep_with_next));
        f_.space(h.space_after);
        first_para_ = true;
    }

    void preface(const model::Preface& p) {
        chapter_start(s_.guide);
        f_.mark("guide", model::plain_text(p.title));
        f_.mark("section", "");
        heading(p.title, s_.guide, p.id, 0);
        blocks(p.blocks);
    }

    void part(const model::Part& p) {
        chapter_start(s_.part);
        f_.mark("part", model::plain_text(p.title));
        f_.mark("guide", "");
        f_.mark("section", "");
        // The part's label ("Part 2") above its title, in the title's colour.
        ++part_no_;
        TextSpec label = heading_spec(s_.part);
        label.size = s_.part.size * 0.5;
        label.leading = s_.part.leading * 0.6;
        label.bold = false;
        // On a page of its own the space before is a sink from the top (a
        // strut: spaces at the top of a page are otherwise dropped).
        if (s_.part.start == style::Start::Flow)
            f_.space(s_.part.space_before);
        else
            f_.strut(s_.part.space_before);
        f_.anchor(p.id);
        f_.outline(model::plain_text(p.title), 0, p.id);
        std::string number = fmt::format("{} {}", s_.label("part", "Part"), part_no_);
        if (model::plain_text(p.title) != number) {  // "Part 1" over a title "Part 1" says it twice
            f_.paragraph(plain(number), label);
            f_.keep_with_next(4);
            f_.space(s_.part.leading * 0.3);
        }
        style::HeadingStyle title = s_.part;
        title.space_before = 0;
        heading(p.title, title, "", 0, false);
        blocks(p.intro);
    }

    void guide(const model::Guide& g, int level) {
        chapter_start(s_.guide);
        std::string title = model::plain_text(g.title);
        f_.mark("guide", title);
        f_.mark("section", "");
        heading(g.title, s_.guide, g.id, level);
        if (g.summary) {
            TextSpec t = body();
            t.italic = true;
            t.justify = false;
            t.role = Role::Ragged;
            t.color = color("muted", t.color);
            f_.paragraph(flatten(*g.summary, false, true, s_.reference_print, ctx_.page_of), t);
            f_.space(s_.text.leading);
        }
        if (g.myth) callout(*g.myth, s_.myth, true);
        if (g.example) callout(*g.example, s_.example, false);
        if (g.truth) callout(*g.truth, s_.truth, false);
        for (const auto& sec : g.sections) section(sec, level + 1, 0);
        if (g.faq && !g.faq->questions.empty()) {
            heading(g.faq->title, s_.section, g.faq->anchor, level + 1);
            questions(g.faq->questions);
        }
        if (g.books && !g.books->books.empty()) books(*g.books, level + 1);
        if (g.practitioners && !g.practitioners->entries.empty()) practitioners(*g.practitioners, level + 1);
        if (g.related && !g.related->guides.empty()) related(*g.related, level + 1);
    }

    void section(const model::Section& sec, int level, int depth) {
        const style::HeadingStyle& h = depth == 0 ? s_.section : s_.subsection;
        if (depth == 0) f_.mark("section", model::plain_text(sec.title));
        heading(sec.title, h, sec.anchor, level);
        blocks(sec.blocks);
        for (const auto& sub : sec.subsections) section(sub, level + 1, depth + 1);
    }

    void faq_chapter(const model::FaqChapter& faq) {
        chapter_start(s_.guide);
        f_.mark("guide", model::plain_text(faq.title));
        f_.mark("section", "");
        heading(faq.title, s_.guide, faq.id, 0);
        questions(faq.questions);
    }

    // ------------------------------------------------------------ guide parts

    void callout(const model::Callout& c, const style::CalloutStyle& cs, bool with_title) {
        f_.space(s_.text.leading * 0.5);
        f_.begin_frame(rgb(cs.background), rgb(cs.rule), cs.padding, 2.0);
        TextSpec label = small(true, rgb(cs.rule));
        f_.place(model::print_key("callout", c.span));
        f_.paragraph(plain(cs.label), label);
        f_.keep_with_next(std::max(1, s_.pagination.keep_with_next));
        if (with_title && !c.title.empty()) {
            TextSpec t = body();
            t.bold = true;
            t.justify = false;
            t.role = Role::Ragged;
            t.keep_whole = true;
            f_.paragraph(inl(c.title), t);
            f_.keep_with_next(std::max(1, s_.pagination.keep_with_next));
        }
        f_.space(s_.text.leading * 0.25);
        first_para_ = true;
        blocks(c.blocks);
        f_.end_frame();
        f_.space(s_.text.leading * 0.5);
        first_para_ = true;
    }

    void questions(const std::vector<model::Qa>& qas) {
        for (size_t i = 0; i < qas.size(); ++i) {
            const auto& qa = qas[i];
            if (i > 0) f_.space(s_.faq.space_between);
            TextSpec q = body();
            q.family = s_.faq.question_font.empty() ? s_.text.font : s_.faq.question_font;
            q.bold = s_.faq.question_bold;
            q.italic = false;
            q.justify = false;
            q.role = Role::Heading;
            q.keep_whole = true;
            q.hyphenate = false;
            f_.paragraph(inl(qa.question), q);
            f_.keep_with_next(std::max(1, s_.pagination.keep_with_next));
            f_.space(s_.text.leading * 0.2);
            first_para_ = true;
            blocks(qa.answer);
        }
    }

    void books(const model::Books& b, int level) {
        heading(b.title, s_.section, b.anchor, level);
        for (const auto& bk : b.books) {
            Pieces p = plain(bk.title, bk.span, false, true);
            std::string rest;
            if (!bk.author.empty()) rest += ", " + bk.author;
            if (!bk.year.empty()) rest += " (" + bk.year + ")";
            if (!bk.isbn.empty()) rest += ", ISBN " + bk.isbn;
            rest += ".";
            p.push_back(plain(rest, bk.span)[0]);
            if (!bk.url.empty()) {
                Piece u = plain(" " + bk.url, bk.span)[0];
                u.uri = bk.url;
                p.push_back(u);
            }
            f_.place(model::print_key("book", bk.span));
            list_item_paragraph(p, "•", 0);
        }
        first_para_ = false;
    }

    void practitioners(const model::Practitioners& pr, int level) {
        heading(pr.title, s_.section, pr.anchor, level);
        for (const auto& id : pr.entries) {
            const model::Entry* e = book_.find_entry(id);
            if (!e) continue;
            model::Inlines ref;
            model::Inline r;
            r.kind = model::InlineKind::Ref;
            r.target = e->id;
            r.children = e->name;
            r.span = e->span;
            // "Name (Location), p. 12": the location belongs to the name,
            // the page reference comes last.
            if (!e->location.empty()) {
                r.children.push_back(model::Inline{model::InlineKind::Text, " (", "", {}, e->span});
                r.children.insert(r.children.end(), e->location.begin(), e->location.end());
                r.children.push_back(model::Inline{model::InlineKind::Text, ")", "", {}, e->span});
            }
            ref.push_back(r);
            f_.place(model::print_key("practitioner", pr.span, id));
            list_item_paragraph(inl(ref), s_.lists.bullet, 0);
        }
        first_para_ = false;
    }

    void related(const model::Related& rel, int level) {
        heading(rel.title, s_.section, rel.anchor, level);
        for (const auto& id : rel.guides) {
            const model::Guide* g = book_.find_guide(id);
            if (!g) continue;
            model::Inline r;
            r.kind = model::InlineKind::Ref;
            r.target = g->id;
            r.children = g->title;
            r.span = g->span;
            f_.place(model::print_key("related", rel.span, id));
            list_item_paragraph(inl({r}), s_.lists.bullet, 0);
        }
        first_para_ = false;
    }

    // ------------------------------------------------------------ directory

    void directory(const model::Directory& d, const Chapter& part) {
        if (d.entries.empty() && d.intro.empty()) return;
        if (part.topic_index) {
            by_topic(part.first, part.end);
            return;
        }
        if (part.first == 0) {
            chapter_start(s_.guide);
            f_.mark("guide", model::plain_text(d.title));
            f_.mark("section", "");
            heading(d.title, s_.guide, d.id, 0);
            blocks(d.intro);
        }
        Rgb muted = color("muted", rgb(s_.text.color));
        for (size_t i = part.first; i < part.end && i < d.entries.size(); ++i) {
            const model::Entry& e = d.entries[i];
            f_.space(s_.directory.entry_space);
            f_.begin_group();  // entries are kept whole
            f_.anchor(e.id);
            TextSpec name = heading_spec(s_.subsection);
            f_.paragraph(inl(e.name), name);
            std::string meta = fmt::format("{} · {}", model::to_string(e.kind), model::to_string(e.format));
            Pieces m = plain(meta, e.span);
            if (!e.location.empty()) {
                m[0].text += " · ";
                Pieces loc = inl(e.location);
                m.insert(m.end(), loc.begin(), loc.end());
            }
            f_.paragraph(m, small(false, muted));
            if (s_.directory.show_url && (!e.url.empty() || !e.email.empty())) {
                Pieces c;
                if (!e.url.empty()) {
                    Piece u = plain(e.url, e.span)[0];
                    u.uri = e.url;
                    c.push_back(u);
                }
                if (!e.email.empty()) {
                    if (!c.empty()) c.push_back(plain(" · ", e.span)[0]);
                    Piece m2 = plain(e.email, e.span)[0];
                    m2.uri = "mailto:" + e.email;
                    c.push_back(m2);
                }
                f_.paragraph(c, small(false, muted));
            }
            if (s_.directory.show_topics && !e.topics.empty()) {
                std::string topics;
                for (const auto& t : e.topics) {
                    const model::Topic* topic = book_.find_topic(t);
                    if (!topics.empty()) topics += ", ";
                    topics += topic ? topic->name : t;
                }
                f_.paragraph(plain(topics, e.span, false, true), small(false, muted));
            }
            f_.space(s_.text.leading * 0.25);
            first_para_ = true;
            blocks(e.description);
            f_.end_group();
        }
    }

    /// "Browse by topic": for each topic a guide or an entry has, the
    /// guides and the entries with their pages, as the contents lists
    /// chapters (leaders, folios, links), so a reader of the paper book can
    /// go from what he is dealing with to who works on it.
    void by_topic(size_t first, size_t end) {
        const model::Book& b = book_;
        auto in_use = [&](const std::string& topic) {
            for (const auto& g : b.guides)
                for (const auto& t : g.topics)
                    if (t == topic) return true;
            for (const auto& e : b.directory.entries)
                for (const auto& t : e.topics)
                    if (t == topic) return true;
            return false;
        };
        if (first == 0) {
            bool any = false;
            for (const auto& t : b.topics) any = any || in_use(t.id);
            if (!any) return;  // and the other parts find no topic in use
            const std::string title = s_.label("directory-by-topic", "Browse by topic");
            f_.place(model::print_key("by-topic", b.directory.span));
            heading(plain_inlines(title), s_.section, kByTopicAnchor, 1);
        }
        TextSpec line = body();
        line.justify = false;
        line.role = Role::Ragged;
        line.italic = false;
        line.hyphenate = false;
        TextSpec label = small(true, color("muted", rgb(s_.text.color)));
        auto page = [&](const std::string& id) {
            std::string p = ctx_.page_of ? ctx_.page_of(id) : "";
            return p.empty() ? std::string("00") : p;
        };
        for (size_t ti = first; ti < end && ti < b.topics.size(); ++ti) {
            const model::Topic& t = b.topics[ti];
            if (!in_use(t.id)) continue;
            f_.space(s_.subsection.space_before);
            f_.begin_group();  // a topic is short: kept on one page
            f_.anchor(topic_anchor(t.id));
            f_.outline(t.name, 2, topic_anchor(t.id));
            f_.place(model::print_key("topic", t.span));
            f_.paragraph(plain(t.name, t.span), heading_spec(s_.subsection));
            std::vector<const model::Guide*> guides;
            for (const auto& g : b.guides)
                for (const auto& id : g.topics)
                    if (id == t.id) guides.push_back(&g);
            std::vector<const model::Entry*> entries;
            for (const auto& e : b.directory.entries)
                for (const auto& id : e.topics)
                    if (id == t.id) entries.push_back(&e);
            if (!guides.empty()) {
                f_.label_line(s_.label("guides", "Guides"), label);
                for (const auto* g : guides) {
                    f_.place(model::print_key("topic", t.span, g->id));
                    f_.leader_entry(flatten(g->title, false, false, "", nullptr), line, page(g->id), s_.toc.leaders,
                                    g->id);
                }
            }
            if (!entries.empty()) {
                f_.label_line(s_.label("in-the-directory", "In the directory"), label);
                for (const auto* e : entries) {
                    f_.place(model::print_key("topic", t.span, e->id));
                    f_.leader_entry(flatten(e->name, false, false, "", nullptr), line, page(e->id), s_.toc.leaders,
                                    e->id);
                }
            }
            f_.end_group();
        }
    }

    static model::Inlines plain_inlines(const std::string& text) {
        return {model::Inline{model::InlineKind::Text, text, "", {}, {}}};
    }

    // ------------------------------------------------------------ blocks

    void blocks(const model::Blocks& bs) {
        for (const auto& b : bs) block(b);
    }

    void block(const model::Block& b) {
        switch (b.kind) {
            case model::BlockKind::Paragraph: paragraph(b.content); break;
            case model::BlockKind::List: list(b); break;
            case model::BlockKind::Quote: quote(b); break;
            case model::BlockKind::Figure: figure(b); break;
        }
    }

    void paragraph(const model::Inlines& content) {
        TextSpec t = body();
        if (!first_para_) {
            t.first_indent = s_.text.indent;
            f_.space(s_.text.paragraph_space);
        }
        f_.paragraph(inl(content), t);
        first_para_ = false;
    }

    /// A list item made of one paragraph, with a hanging bullet.
    void list_item_paragraph(const Pieces& p, const std::string& bullet, double extra_indent) {
        double indent = s_.lists.indent + extra_indent;
        f_.space(s_.lists.item_space);
        f_.push_inset(indent, 0);
        TextSpec t = body();
        t.justify = false;
        t.role = Role::Ragged;
        TextSpec b = body();
        b.italic = false;
        f_.hang(bullet, b, s_.text.size * 0.4);
        f_.paragraph(p, t);
        f_.pop_inset();
    }

    void list(const model::Block& b) {
        f_.space(s_.lists.item_space * 2);
        TextSpec label = body();
        label.italic = false;
        // The label column is the style's indent, or wider when the longest
        // number needs it: labels hang in it and never leave the text block.
        const double gap = s_.text.size * 0.4;
        std::string widest = b.numbered ? fmt::format("{}.", std::string(std::to_string(b.items.size()).size(), '0'))
                                        : s_.lists.bullet;
        const double indent = std::max(s_.lists.indent, f_.text_width(widest, label) + gap);
        int n = 0;
        for (const auto& item : b.items) {
            ++n;
            if (n > 1) f_.space(s_.lists.item_space);
            f_.push_inset(indent, 0);
            std::string mark = b.numbered ? fmt::format("{}.", n) : s_.lists.bullet;
            bool hung = false;
            first_para_ = true;
            for (const auto& inner : item.blocks) {
                if (!hung && inner.kind == model::BlockKind::Paragraph) {
                    f_.hang(mark, label, gap);
                    hung = true;
                }
                block(inner);
            }
            f_.pop_inset();
        }
        f_.space(s_.lists.item_space * 2);
        first_para_ = false;
    }

    void quote(const model::Block& b) {
        f_.space(s_.text.leading * 0.5);
        f_.push_inset(s_.quote.indent, s_.quote.indent);
        bool was = italic_;
        italic_ = s_.quote.style == style::FontStyle::Italic;
        first_para_ = true;
        blocks(b.blocks);
        italic_ = was;
        if (!b.attribution.empty()) {
            TextSpec t = body();
            t.justify = false;
            t.right = true;
            t.role = Role::Caption;
            Pieces p = flatten(b.attribution, false, false, s_.reference_print, ctx_.page_of);
            p.insert(p.begin(), plain("— ")[0]);
            f_.keep_with_next(1);
            f_.paragraph(p, t);
        }
        f_.pop_inset();
        f_.space(s_.text.leading * 0.5);
        first_para_ = true;
    }

    void figure(const model::Block& b) {
        std::string path = ctx_.image_dir + "/" + b.src;
        auto size = image_size(path);
        if (!size) {
            sink_.error(b.span, fmt::format("cannot read the image '{}' (PNG or JPEG expected)", b.src));
            return;
        }
        // Scaled to the measure, never up-scaled past 150 dpi, and never
        // taller than half the text block so it can share a page.
        double w = std::min(f_.width(), size->width * 72.0 / 150.0);
        double h = w * size->height / size->width;
        double max_h = (s_.page.height - s_.page.top - s_.page.bottom) * 0.5;
        if (h > max_h) {
            h = max_h;
            w = h * size->width / size->height;
        }
        f_.space(s_.text.leading * 0.5);
        f_.begin_group();
        f_.image(path, (f_.width() - w) / 2, w, h);
        if (!b.caption.empty()) {
            f_.space(s_.text.leading * 0.3);
            TextSpec t = body();
            t.size = s_.text.size * 0.9;
            t.leading = s_.text.leading * 0.9;
            t.italic = true;
            t.justify = false;
            t.centered = true;
            t.role = Role::Caption;
            f_.paragraph(flatten(b.caption, false, true, s_.reference_print, ctx_.page_of), t);
        }
        f_.end_group();
        f_.space(s_.text.leading * 0.5);
        first_para_ = true;
    }

    Flow& f_;
    const model::Book& book_;
    const style::Sheet& s_;
    const FlowContext& ctx_;
    base::Sink& sink_;
    bool first_para_ = true;
    bool italic_ = false;
    int part_no_ = 0;
};

}  // namespace

void flow_book(Flow& flow, const model::Book& book, const style::Sheet& sheet, const FlowContext& ctx,
               base::Sink& sink) {
    BookFlow(flow, book, sheet, ctx, sink).run();
}

std::vector<Chapter> chapters_of(const model::Book& book) {
    std::vector<Chapter> out;
    if (book.preface) out.push_back({Chapter::Kind::Preface, 0, 0, 0});
    if (!book.parts.empty()) {
        for (size_t p = 0; p < book.parts.size(); ++p) {
            out.push_back({Chapter::Kind::Part, p, 0, static_cast<int>(p + 1)});
            for (size_t g : book.parts[p].guides)
                if (g < book.guides.size()) out.push_back({Chapter::Kind::Guide, g, 1, 0});
        }
    } else {
        for (size_t g = 0; g < book.guides.size(); ++g) out.push_back({Chapter::Kind::Guide, g, 0, 0});
    }
    if (book.faq) out.push_back({Chapter::Kind::FaqChapter, 0, 0, 0});
    // Parts of ~50 entries (a few milliseconds of work each) and of 4 topics.
    constexpr size_t kEntriesPerPart = 50, kTopicsPerPart = 4;
    auto parts = [&](bool topic_index, size_t count, size_t per_part) {
        for (size_t first = 0; first == 0 || first < count; first += per_part) {
            Chapter c{Chapter::Kind::Directory, 0, 0, 0};
            c.topic_index = topic_index;
            c.first = first;
            c.end = std::min(count, first + per_part);
            out.push_back(c);
        }
    };
    parts(false, book.directory.entries.size(), kEntriesPerPart);
    parts(true, book.topics.size(), kTopicsPerPart);
    return out;
}

std::string chapter_id(const model::Book& book, const Chapter& c) {
    auto or_default = [](const std::string& id, const char* fallback) { return id.empty() ? fallback : id; };
    switch (c.kind) {
        case Chapter::Kind::Preface: return or_default(book.preface ? book.preface->id : "", "preface");
        case Chapter::Kind::Part: return book.parts[c.index].id;
        case Chapter::Kind::Guide: return book.guides[c.index].id;
        case Chapter::Kind::FaqChapter: return or_default(book.faq ? book.faq->id : "", "faq");
        case Chapter::Kind::Directory: return or_default(book.directory.id, "directory");
    }
    return "";
}

void flow_chapter(Flow& flow, const Chapter& chapter, const model::Book& book, const style::Sheet& sheet,
                  const FlowContext& ctx, base::Sink& sink) {
    BookFlow(flow, book, sheet, ctx, sink).chapter(chapter);
}

void flow_guide(Flow& flow, const model::Book& book, const model::Guide& guide, const style::Sheet& sheet,
                const FlowContext& ctx, base::Sink& sink, bool with_extras) {
    if (with_extras) {
        BookFlow(flow, book, sheet, ctx, sink).run_guide(guide);
        return;
    }
    model::Guide core = guide;
    core.practitioners.reset();
    core.related.reset();
    BookFlow(flow, book, sheet, ctx, sink).run_guide(core);
}

}  // namespace bb::typeset
