#pragma once
/// The print edition's page breaks in the EPUB (EPUB Accessibility 1.1):
/// an empty `<span epub:type="pagebreak" role="doc-pagebreak">` labelled with
/// the page's label, placed in the text where the printed page begins, and
/// the nav's page-list pointing at each.
///
/// Where a page begins is a model Text inline and a byte offset in it (from
/// typeset); the content writer asks PageMarks to write each Text inline, and
/// markers go in as the text passes their position. A page that begins inside
/// a word (hyphenated across the leaf) gets its marker before that word. A
/// page with no manuscript text of its own gets its marker at the start of
/// its chapter's file when no page with text comes before it there (the
/// title page, the contents), else just before the next page's marker, else
/// at the end of the file (a blank verso: the back of the chapter's last leaf).
#include <string>
#include <vector>

#include "epub/chunks.h"
#include "epub/xhtml.h"
#include "model/print_edition.h"

namespace bb::epub {

/// Every print page's place in the EPUB, shared (read-only) by the chapters
/// being written, each with its own PageCursor.
class PageMarks {
public:
    /// `print` may be null: a book without a page-list.
    PageMarks(const model::PrintEdition* print, const Plan& plan);

    bool empty() const { return pages_.empty(); }
    /// The id of page `index`'s marker and the chunk it is in.
    std::string id(size_t index) const;
    size_t chunk_of(size_t index) const { return chunk_[index]; }
    const std::vector<model::PrintPage>& pages() const { return pages_; }
    /// The pages whose markers go into chunk `chunk`, in page order.
    const std::vector<size_t>& pages_of(size_t chunk) const;

private:
    std::vector<model::PrintPage> pages_;
    std::vector<size_t> chunk_;                 ///< per page
    std::vector<std::vector<size_t>> of_chunk_;  ///< per chunk
};

/// Writes one chunk's markers as its text is written.
class PageCursor {
public:
    PageCursor(const PageMarks& marks, size_t chunk) : marks_(marks), queue_(marks.pages_of(chunk)) {}
    /// The markers that come before anything in the chunk.
    std::string begin();
    /// Writes `text` (a model Text inline at `span`) with the markers of the
    /// pages that begin inside it.
    void text(Xml& x, std::string_view text, base::Span span);
    /// At the place `key` (model::print_key) names: the markers of the
    /// pages that begin there.
    void place(Xml& x, const std::string& key);
    /// The markers of the chunk not yet written (end of its file).
    std::string finish();

private:
    void marker(Xml& x, size_t page);
    /// Index into queue_ of the next page with a position, or queue_.size().
    size_t next_positioned() const;

    const PageMarks& marks_;
    const std::vector<size_t>& queue_;  ///< the chunk's pages
    size_t cursor_ = 0;                 ///< next page in queue_ to write
};

}  // namespace bb::epub
