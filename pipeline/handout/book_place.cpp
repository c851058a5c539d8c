#include "handout/book_place.h"

namespace bb::handout {

namespace {

bool is_chapter(model::AnchorKind k) {
    using K = model::AnchorKind;
    return k == K::Preface || k == K::Part || k == K::Guide || k == K::FaqChapter || k == K::Directory;
}

}  // namespace

BookPlace find_place(const typeset::PagedDoc& book_doc, const model::Book& book, const std::string& guide_id) {
    BookPlace place;
    auto it = book_doc.anchors.find(guide_id);
    if (it == book_doc.anchors.end() || it->second.page >= book_doc.pages.size()) return place;
    const size_t first = it->second.page;
    // The next chapter starts on the first chapter anchor's page after the
    // guide's own; the directory's anchor may be missing from the model's
    // list, so it is looked up by its id too.
    size_t next = book_doc.pages.size();
    auto consider = [&](const std::string& id) {
        if (id == guide_id) return;
        auto a = book_doc.anchors.find(id);
        if (a != book_doc.anchors.end() && a->second.page > first && a->second.page < next) next = a->second.page;
    };
    for (const auto& [id, anchor] : book.anchors)
        if (is_chapter(anchor.kind)) consider(id);
    for (const auto& g : book.guides) consider(g.id);
    if (!book.directory.id.empty()) consider(book.directory.id);
    // A chapter opening on a recto may leave a blank verso before it: that
    // page has nothing on it and is not the guide's. (A layout of the
    // pages only, without items, says which pages are blank too.)
    auto blank = [&](size_t p) {
        return p < book_doc.starts.size() ? book_doc.starts[p].blank : book_doc.pages[p].items.empty();
    };
    size_t last = next - 1;
    while (last > first && blank(last)) --last;
    place.found = true;
    place.first_page = first;
    place.last_page = last;
    place.first_label = book_doc.pages[first].label;
    place.last_label = book_doc.pages[last].label;
    return place;
}

std::string pages_text(const BookPlace& place) {
    if (!place.found) return "";
    if (place.first_page == place.last_page) return "p. " + place.first_label;
    return "pp. " + place.first_label + "\u2013" + place.last_label;
}

std::map<std::string, std::string> anchor_folios(const typeset::PagedDoc& book_doc) {
    std::map<std::string, std::string> m;
    for (const auto& [id, pos] : book_doc.anchors)
        if (pos.page < book_doc.pages.size()) m[id] = book_doc.pages[pos.page].label;
    return m;
}

}  // namespace bb::handout
