#include "handout/extras.h"

#include <fmt/format.h>

#include <algorithm>

#include "handout/qr_code.h"

namespace bb::handout {

namespace {

using typeset::Flow;
using typeset::Pieces;
using typeset::Role;
using typeset::TextSpec;

TextSpec heading_spec(const style::HeadingStyle& h) {
    TextSpec t;
    t.family = h.font;
    t.bold = h.bold;
    t.size = h.size;
    t.leading = h.leading;
    t.color = typeset::rgb(h.color);
    t.justify = false;
    t.role = Role::Heading;
    t.hyphenate = false;
    t.keep_whole = true;
    return t;
}

TextSpec body_spec(const style::Sheet& s) {
    TextSpec t;
    t.family = s.text.font;
    t.size = s.text.size;
    t.leading = s.text.leading;
    t.color = typeset::rgb(s.text.color);
    t.justify = false;
    t.role = Role::Ragged;
    return t;
}

/// Small sans text for contact details, as the book's directory sets them.
TextSpec small_spec(const style::Sheet& s, typeset::Rgb color) {
    TextSpec t;
    t.family = s.faq.question_font.empty() ? s.text.font : s.faq.question_font;
    t.size = s.text.size * 0.8;
    t.leading = s.text.leading * 0.85;
    t.color = color;
    t.justify = false;
    t.role = Role::Label;
    t.hyphenate = false;
    return t;
}

typeset::Rgb muted(const style::Sheet& s) {
    auto it = s.colors.find("muted");
    return it == s.colors.end() ? typeset::rgb(s.text.color) : typeset::rgb(it->second);
}

/// A section heading as the book sets one, with its anchor and bookmark.
void heading(Flow& f, const model::Inlines& title, const std::string& anchor, const style::Sheet& s) {
    f.space(s.section.space_before);
    if (!anchor.empty()) {
        f.anchor(anchor);
        f.outline(model::plain_text(title), 1, anchor);
    }
    f.paragraph(typeset::flatten(title, false, false, "", nullptr), heading_spec(s.section));
    f.keep_with_next(std::max(1, s.pagination.keep_with_next));
    f.space(s.section.space_after);
}

Pieces flat(const model::Inlines& in, bool bold = false, bool italic = false) {
    return typeset::flatten(in, bold, italic, "", nullptr);
}

/// One practitioner: name, kind · format · location, URL · email, the
/// description, and the QR code of the URL at the right of the text block.
void entry(Flow& f, const model::Entry& e, const style::Sheet& s, double qr_side, base::Sink& sink) {
    std::optional<QrMatrix> qr;
    if (!e.url.empty()) {
        qr = encode_qr(e.url);
        if (!qr)
            sink.warning(e.span, fmt::format("the URL of '{}' is too long for a QR code; the handout prints it "
                                             "without one",
                                             e.id));
    }
    const double gap = s.text.size;
    const double qr_x = f.left() + f.width() - qr_side;
    f.space(std::max(s.directory.entry_space, s.text.leading * 0.5));
    f.begin_group();  // the entry and its code stay together
    auto& slabs = f.galley().slabs;
    const size_t first = slabs.size();
    if (qr) f.push_inset(0, qr_side + gap);

    TextSpec name = body_spec(s);
    name.bold = true;
    name.keep_whole = true;
    name.hyphenate = false;
    name.role = Role::Heading;
    Pieces n = flat(e.name, true);
    for (auto& p : n) p.uri = e.url;
    f.paragraph(n, name);

    const TextSpec small = small_spec(s, muted(s));
    Pieces meta = typeset::plain(fmt::format("{} · {}", model::to_string(e.kind), model::to_string(e.format)), e.span);
    if (!e.location.empty()) {
        meta[0].text += " · ";
        Pieces loc = flat(e.location);
        meta.insert(meta.end(), loc.begin(), loc.end());
    }
    f.paragraph(meta, small);

    Pieces contact;
    if (!e.url.empty()) {
        typeset::Piece u = typeset::plain(e.url, e.span)[0];
        u.uri = e.url;
        contact.push_back(u);
    }
    if (!e.email.empty()) {
        if (!contact.empty()) contact.push_back(typeset::plain(" · ", e.span)[0]);
        typeset::Piece m = typeset::plain(e.email, e.span)[0];
        m.uri = "mailto:" + e.email;
        contact.push_back(m);
    }
    if (!contact.empty()) f.paragraph(contact, small_spec(s, typeset::rgb(s.text.color)));

    TextSpec desc = body_spec(s);
    desc.size = s.text.size * 0.9;
    desc.leading = s.text.leading * 0.9;
    for (const auto& b : e.description) {
        if (b.kind != model::BlockKind::Paragraph) continue;
        f.space(s.text.leading * 0.25);
        f.paragraph(flat(b.content), desc);
    }
    if (qr) f.pop_inset();

    if (qr) {
        // The text may be shorter than the code: a strut makes the entry as
        // tall as the code so what follows clears it.
        double height = 0;
        size_t top = first;
        while (top < slabs.size() && slabs[top].kind != typeset::Slab::Kind::Content) ++top;
        for (size_t i = top; i < slabs.size(); ++i) height += slabs[i].height;
        if (height < qr_side) f.strut(qr_side - height);
        if (top < slabs.size()) {
            // Items of a slab are relative to the text block's left edge and
            // the slab's top; the group keeps the slabs below on this page.
            for (const auto& r : qr_rects(*qr, qr_x, 0, qr_side)) slabs[top].items.push_back(r);
        }
    }
    f.end_group();
}

}  // namespace

void flow_practitioners(Flow& flow, const model::Book& book, const model::Guide& guide, const style::Sheet& sheet,
                        double qr_side, base::Sink& sink) {
    if (!guide.practitioners || guide.practitioners->entries.empty()) return;
    const auto& pr = *guide.practitioners;
    heading(flow, pr.title, pr.anchor, sheet);
    for (const auto& id : pr.entries)
        if (const model::Entry* e = book.find_entry(id)) entry(flow, *e, sheet, qr_side, sink);
}

void flow_related(Flow& flow, const model::Book& book, const model::Guide& guide, const style::Sheet& sheet) {
    if (!guide.related || guide.related->guides.empty()) return;
    const auto& rel = *guide.related;
    heading(flow, rel.title, rel.anchor, sheet);
    TextSpec t = body_spec(sheet);
    TextSpec bullet = body_spec(sheet);
    for (const auto& id : rel.guides) {
        const model::Guide* g = book.find_guide(id);
        if (!g) continue;
        flow.space(sheet.lists.item_space);
        flow.push_inset(sheet.lists.indent, 0);
        flow.hang(sheet.lists.bullet, bullet, sheet.text.size * 0.4);
        flow.paragraph(flat(g->title), t);
        flow.pop_inset();
    }
}

}  // namespace bb::handout
