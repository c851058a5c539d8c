#include "handout/layout.h"

#include <algorithm>
#include <charconv>

#include "handout/extras.h"
#include "text/hyphenate.h"
#include "typeset/book_flow.h"
#include "typeset/flow.h"
#include "typeset/fonts.h"
#include "typeset/furniture.h"
#include "typeset/paginate.h"

namespace bb::handout {

namespace {

using typeset::PagedDoc;

/// A run of furniture text at (x, y).
typeset::TextRun run(PagedDoc& doc, const text::Font* font, const std::string& s, double size, double x, double y,
                     typeset::Rgb color) {
    typeset::TextRun t;
    t.text = s;
    t.font = doc.font_index(font->path());
    t.size = size;
    t.x = x;
    t.y = y;
    t.width = font->width(s, size, false);
    t.color = color;
    t.role = typeset::Role::Furniture;
    return t;
}

/// The footer of every page: "from *Book*, pp. 37–44" at the left of the
/// text block, the folio at the right, where the book's footer would be.
void add_footer(PagedDoc& doc, const model::Book& book, const BookPlace& place, const style::Sheet& sheet,
                typeset::FontBook& fonts) {
    const typeset::Face& roman = fonts.face(sheet.text.font, false, false);
    const typeset::Face& italic = fonts.face(sheet.text.font, false, true);
    if (!roman.font || !italic.font) return;
    const double size = sheet.text.size * 0.85;
    const double y = sheet.page.height - sheet.page.bottom + sheet.text.leading * 2;
    typeset::Rgb ink = typeset::rgb(sheet.text.color);
    const std::string pages = pages_text(place);
    for (size_t i = 0; i < doc.pages.size(); ++i) {
        typeset::Page& page = doc.pages[i];
        const double left = typeset::text_left(sheet, i);
        const double right = left + sheet.page.width - sheet.page.inner - sheet.page.outer;
        double x = left;
        auto put = [&](const typeset::Face& face, const std::string& s) {
            if (s.empty()) return;
            typeset::TextRun t = run(doc, face.font, s, size, x, y, ink);
            x += t.width;
            page.items.push_back(std::move(t));
        };
        put(roman, "from ");
        put(italic, book.meta.title);
        if (!pages.empty()) put(roman, ", " + pages);
        typeset::TextRun folio = run(doc, roman.font, page.label, size, 0, y, ink);
        folio.x = right - folio.width;
        page.items.push_back(std::move(folio));
    }
}

/// The number a folio stands for, or 0.
int folio_number(const std::string& label) {
    int n = 0;
    auto r = std::from_chars(label.data(), label.data() + label.size(), n);
    return r.ec == std::errc() && r.ptr == label.data() + label.size() ? n : 0;
}

}  // namespace

std::string footer_text(const model::Book& book, const BookPlace& place) {
    std::string pages = pages_text(place);
    return "from " + book.meta.title + (pages.empty() ? "" : ", " + pages);
}

PagedDoc layout_handout(const model::Book& book, const model::Guide& guide, const style::Sheet& sheet,
                        const BookRefs& refs, const HandoutOptions& options, text::FontSet& font_set,
                        base::Sink& sink) {
    typeset::FontBook fonts(sheet, font_set, sink);
    const text::Hyphenator* hyphenator = nullptr;
    if (sheet.text.hyphenate) {
        text::HyphenationLimits limits{sheet.hyphenation.min_word, sheet.hyphenation.min_before,
                                       sheet.hyphenation.min_after};
        hyphenator = &text::hyphenator_for(book.lang, limits);
        // The book's layout has warned about missing patterns already.
        if (!hyphenator->available()) hyphenator = nullptr;
    }
    const auto& folios = refs.folios;
    typeset::PageOf page_of = [&folios](const std::string& anchor) -> std::string {
        auto it = folios.find(anchor);
        return it == folios.end() ? "" : it->second;
    };
    typeset::Flow flow(sheet, fonts, hyphenator, book.lang, sink);
    typeset::FlowContext ctx{options.image_dir, page_of};
    typeset::flow_guide(flow, book, guide, sheet, ctx, sink, false);
    flow_practitioners(flow, book, guide, sheet, options.qr_side, sink);
    flow_related(flow, book, guide, sheet);

    PagedDoc doc;
    std::vector<typeset::PageFacts> facts;
    typeset::paginate(std::move(flow.galley()), sheet, doc, facts);
    // The first page opens the guide with its title: no running head there.
    if (!facts.empty()) facts[0].opening = true;
    int start = 1;
    if (options.book_folios && refs.place.found) start = std::max(1, folio_number(refs.place.first_label));
    for (size_t i = 0; i < doc.pages.size(); ++i) doc.pages[i].label = std::to_string(start + static_cast<int>(i));
    // The style's header as the book has it; the footer is the handout's own.
    style::Sheet head_only = sheet;
    head_only.running.footer = style::RunningLine{};
    typeset::add_furniture(doc, facts, 0, head_only, fonts, book.meta.title);
    add_footer(doc, book, refs.place, sheet, fonts);
    doc.labels = {typeset::LabelRange{0, typeset::LabelStyle::Decimal, start}};

    // Links into the rest of the book have no target in a handout; the text
    // (with the book's page number) stays.
    std::erase_if(doc.links, [&doc](const typeset::LinkArea& l) {
        return l.uri.empty() && !doc.anchors.count(l.anchor);
    });
    return doc;
}

}  // namespace bb::handout
