#pragma once
/// A handout: one guide laid out on its own with the handout style (no title
/// page, no contents, no directory), followed by its practitioners with QR
/// codes and its related guides by title, with a footer on every page that
/// says where the guide sits in the book.
#include <map>
#include <string>

#include "base/diagnostics.h"
#include "handout/book_place.h"
#include "model/book.h"
#include "style/sheet.h"
#include "text/font_metrics.h"
#include "typeset/paged_doc.h"

namespace bb::handout {

struct HandoutOptions {
    std::string image_dir;     ///< folder <figure src> is relative to
    bool book_folios = false;  ///< number the pages as in the book (from the guide's first page)
    double qr_side = 64;       ///< points, quiet zone included
};

/// The book's layout as far as a handout needs it.
struct BookRefs {
    BookPlace place;                             ///< the guide's pages in the book
    std::map<std::string, std::string> folios;   ///< anchor -> folio, for page references
};

/// Lays out `guide` as a handout. Page references in its text print the
/// book's folios; links to places outside the handout are dropped.
typeset::PagedDoc layout_handout(const model::Book& book, const model::Guide& guide, const style::Sheet& sheet,
                                 const BookRefs& refs, const HandoutOptions& options, text::FontSet& fonts,
                                 base::Sink& sink);

/// The footer's text without emphasis: "from The Book, pp. 37–44".
std::string footer_text(const model::Book& book, const BookPlace& place);

}  // namespace bb::handout
