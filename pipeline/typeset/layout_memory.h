#pragma once
/// What a layout keeps for the next layout of the same book in the same
/// process (`bookbuild … --watch`): each chapter as its last measure pass
/// set it, under a fingerprint of everything the chapter's lines depend on
/// in the model, and the book's final pages. The next layout takes a
/// chapter whose fingerprint is unchanged as set (while the page numbers it
/// printed still hold, as between the passes of one layout) and starts from
/// those pages, so after an author's edit only the chapters it touched are
/// set again. Whatever else a chapter depends on (the style, the fonts, the
/// images) is the caller's to watch: it drops the memory when one changes.
#include <cstdint>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "base/diagnostics.h"
#include "model/book.h"
#include "typeset/book_flow.h"
#include "typeset/galley.h"

namespace bb::typeset {

/// A chapter as a measure pass set it, with every folio it printed: the
/// next measure pass sets it again only when one of those changed (a
/// chapter's lines depend on the rest of the book only through them).
struct MeasuredChapter {
    bool valid = false;
    std::vector<std::pair<std::string, std::string>> reads;  ///< anchor, folio printed
    Galley galley;  ///< with its items when the passes keep them (Pass::keep_items)
    std::vector<base::Diagnostic> diagnostics;  ///< reported while it was set
};

class LayoutMemory {
public:
    /// A PDF's layout keeps each chapter with its items (a copy: the
    /// writer consumes the layout's), an EPUB page-list's without.
    std::unordered_map<uint64_t, MeasuredChapter> chapters;  ///< by chapter_fingerprints
    bool items = false;  ///< the chapters hold their items (a PDF's)
    std::vector<std::pair<std::string, std::string>> pages;  ///< anchor, page label: the last layout's
    size_t taken = 0;  ///< chapters the last layout took from here (for tests and the status line)
};

/// For each chapter, a fingerprint of what its lines depend on in `book`:
/// the chapter's place (kind, level, part number, directory range), its
/// guide's whole content, and what any chapter may read of the rest
/// (model::context_fingerprint).
std::vector<uint64_t> chapter_fingerprints(const model::Book& book, const std::vector<Chapter>& chapters);

}  // namespace bb::typeset
