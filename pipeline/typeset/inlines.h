#pragma once
/// Inline content (model::Inlines) flattened into styled pieces: text with
/// its emphasis, link target and manuscript position. `ref`s print their
/// page number on paper following Sheet::reference_print.
#include <functional>
#include <string>
#include <vector>

#include "base/source_map.h"
#include "model/book.h"

namespace bb::typeset {

/// `length` bytes of a Piece's text, from byte `at`, are the text of the
/// model Text inline at `span`.
struct Origin {
    uint32_t at = 0, length = 0;
    base::Span span;
};

/// A printed page number in a Piece's text: `length` bytes from byte `at`,
/// the folio of the page `anchor` is on.
struct Folio {
    uint32_t at = 0, length = 0;
    std::string anchor;
};

/// A piece of inline text with one emphasis and one link target.
struct Piece {
    std::string text;
    bool bold = false, italic = false;
    std::string uri;     ///< external link
    std::string anchor;  ///< internal link
    base::Span span;
    /// The model Text inlines the text comes from: where a line starts in
    /// the manuscript, for the EPUB page-list. Empty for generated text
    /// (labels, a printed ", p. 12").
    std::vector<Origin> origins;
    /// The printed page numbers in `text` (a ref's ", p. 12"): a paragraph
    /// set before the final numbers were known can take them in place
    /// (Flow::paragraph, Galley::folios).
    std::vector<Folio> folios;
};
using Pieces = std::vector<Piece>;

/// The folio of the page an anchor is on ("" while unknown).
using PageOf = std::function<std::string(const std::string& anchor)>;

/// Flattens `content`. `italic`/`bold` are the surrounding emphasis (an
/// <em> inside italic text turns roman, as in print). `reference_print` is
/// the template with {title} and {page}; empty means print refs as written.
Pieces flatten(const model::Inlines& content, bool bold, bool italic, const std::string& reference_print,
               const PageOf& page_of);

/// A single plain piece.
Pieces plain(const std::string& text, base::Span span = {}, bool bold = false, bool italic = false);

}  // namespace bb::typeset
