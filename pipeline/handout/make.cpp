#include "handout/make.h"

#include <fmt/format.h>

#include "base/suggest.h"
#include "typeset/layout.h"

namespace bb::handout {

HandoutMaker::HandoutMaker(const model::Book& book, const style::Sheet& book_sheet,
                           const style::Sheet& handout_sheet, HandoutOptions layout, impose::Options imposition,
                           text::FontSet& fonts, base::Sink& sink)
    : book_(book),
      sheet_(handout_sheet),
      layout_(std::move(layout)),
      imposition_(imposition),
      fonts_(fonts),
      sink_(sink),
      book_doc_(&own_book_doc_) {
    // Only where the book's pages fall is wanted (each guide's pages and
    // every anchor's folio), as for an EPUB's page-list: the book is laid
    // out as the PDF would be, without drawing it.
    typeset::LayoutOptions lo;
    lo.image_dir = layout_.image_dir;
    lo.pages_only = true;
    own_book_doc_ = typeset::layout(book, book_sheet, lo, fonts, sink);
    folios_ = anchor_folios(own_book_doc_);
}

HandoutMaker::HandoutMaker(const model::Book& book, const typeset::PagedDoc& book_doc,
                           const style::Sheet& handout_sheet, HandoutOptions layout, impose::Options imposition,
                           text::FontSet& fonts, base::Sink& sink)
    : book_(book),
      sheet_(handout_sheet),
      layout_(std::move(layout)),
      imposition_(imposition),
      fonts_(fonts),
      sink_(sink),
      book_doc_(&book_doc) {
    folios_ = anchor_folios(book_doc);
}

BookPlace HandoutMaker::place(const model::Guide& guide) const { return find_place(*book_doc_, book_, guide.id); }

typeset::PagedDoc HandoutMaker::make(const model::Guide& guide) {
    BookRefs refs{place(guide), folios_};
    typeset::PagedDoc doc = layout_handout(book_, guide, sheet_, refs, layout_, fonts_, sink_);
    return impose::impose(doc, imposition_);
}

typeset::PagedDoc concatenate(const std::vector<typeset::PagedDoc>& docs) {
    typeset::PagedDoc out;
    for (const auto& doc : docs) {
        const size_t offset = out.pages.size();
        std::vector<uint32_t> font_map;
        for (const auto& f : doc.fonts) font_map.push_back(out.font_index(f));
        for (typeset::Page page : doc.pages) {
            for (auto& item : page.items)
                if (auto* t = std::get_if<typeset::TextRun>(&item)) t->font = font_map.at(t->font);
            out.pages.push_back(std::move(page));
        }
        for (typeset::LinkArea l : doc.links) {
            l.page += offset;
            out.links.push_back(std::move(l));
        }
        for (const auto& [id, a] : doc.anchors) out.anchors.emplace(id, typeset::AnchorPos{a.page + offset, a.y});
        out.outline.insert(out.outline.end(), doc.outline.begin(), doc.outline.end());
        if (doc.labels.empty()) {
            // Plain numbering restarts with each document.
            if (!doc.pages.empty()) out.labels.push_back({offset, typeset::LabelStyle::Decimal, 1});
        } else {
            for (typeset::LabelRange r : doc.labels) {
                r.first_page += offset;
                out.labels.push_back(r);
            }
        }
    }
    return out;
}

const model::Guide* find_guide(const model::Book& book, const std::string& id, std::string& error) {
    if (const model::Guide* g = book.find_guide(id)) return g;
    std::vector<std::string> ids;
    for (const auto& g : book.guides) ids.push_back(g.id);
    std::string hint = base::did_you_mean(id, ids);
    if (hint.empty() && !ids.empty()) hint = "; the guides are " + base::join_alternatives(ids, "'", "'");
    error = fmt::format("unknown guide '{}'{}", id, hint);
    return nullptr;
}

}  // namespace bb::handout
