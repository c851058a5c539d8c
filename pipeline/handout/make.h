#pragma once
/// Making handouts of a book: the whole book is laid out once with the book's
/// style (to learn where each guide sits and the folios its references
/// print), then each guide is laid out with the handout style and imposed.
#include <string>
#include <vector>

#include "base/diagnostics.h"
#include "handout/layout.h"
#include "impose/impose.h"
#include "model/book.h"
#include "style/sheet.h"
#include "text/font_metrics.h"
#include "typeset/paged_doc.h"

namespace bb::handout {

class HandoutMaker {
public:
    /// Lays out `book` with `book_sheet` (diagnostics of that layout go to
    /// `sink` too: the handout inherits its problems).
    HandoutMaker(const model::Book& book, const style::Sheet& book_sheet, const style::Sheet& handout_sheet,
                 HandoutOptions layout, impose::Options imposition, text::FontSet& fonts, base::Sink& sink);
    /// Uses `book_doc`, the book already laid out with the book's style (by
    /// `bookbuild all` for the PDF), instead of laying it out again; it must
    /// outlive the maker.
    HandoutMaker(const model::Book& book, const typeset::PagedDoc& book_doc, const style::Sheet& handout_sheet,
                 HandoutOptions layout, impose::Options imposition, text::FontSet& fonts, base::Sink& sink);

    // book_doc_ may point into this object.
    HandoutMaker(const HandoutMaker&) = delete;
    HandoutMaker& operator=(const HandoutMaker&) = delete;

    /// The handout of `guide`, imposed.
    typeset::PagedDoc make(const model::Guide& guide);
    /// Where `guide` sits in the book.
    BookPlace place(const model::Guide& guide) const;

private:
    const model::Book& book_;
    const style::Sheet& sheet_;
    HandoutOptions layout_;
    impose::Options imposition_;
    text::FontSet& fonts_;
    base::Sink& sink_;
    typeset::PagedDoc own_book_doc_;      ///< the book's layout when the maker made it
    const typeset::PagedDoc* book_doc_;  ///< the book's layout in use
    std::map<std::string, std::string> folios_;
};

/// The documents one after the other in one (fonts merged, links, anchors,
/// outline and page labels moved to their new pages).
typeset::PagedDoc concatenate(const std::vector<typeset::PagedDoc>& docs);

/// The guide with id `id`, or null after pushing "unknown guide 'x'; did you
/// mean 'y'?" (an error without a position, for a command-line argument).
const model::Guide* find_guide(const model::Book& book, const std::string& id, std::string& error);

}  // namespace bb::handout
