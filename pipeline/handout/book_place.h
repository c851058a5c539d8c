#pragma once
/// Where a guide sits in the book: its first and last printed page, read from
/// the book's own layout (the guide's anchor and the next chapter's anchor),
/// for the handout's footer ("from Title, pp. 37–44") and --book-folios.
#include <map>
#include <string>

#include "model/book.h"
#include "typeset/paged_doc.h"

namespace bb::handout {

/// A guide's page range in the book (0-based page indexes and their folios).
struct BookPlace {
    bool found = false;
    size_t first_page = 0, last_page = 0;
    std::string first_label, last_label;
};

/// The pages of guide `guide_id` in `book_doc` (the whole book laid out with
/// the book's style): from its anchor's page to the last page with anything
/// on it before the next chapter (preface, part, guide, FAQ chapter or
/// directory) starts. `found` is false when the guide has no anchor there.
BookPlace find_place(const typeset::PagedDoc& book_doc, const model::Book& book, const std::string& guide_id);

/// "p. 37" or "pp. 37–44" (en dash); "" when not found.
std::string pages_text(const BookPlace& place);

/// The folio of every anchor of the book's layout, for page references that
/// a handout prints (they point into the book).
std::map<std::string, std::string> anchor_folios(const typeset::PagedDoc& book_doc);

}  // namespace bb::handout
