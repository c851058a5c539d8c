#pragma once
/// The pages before the first chapter: title page, imprint (verso) and the
/// contents with dot leaders and page numbers (Sheet::toc).
#include "model/book.h"
#include "style/sheet.h"
#include "typeset/flow.h"

namespace bb::typeset {

/// Anchor of the contents (not a valid author id: it contains "--").
inline constexpr const char* kContentsAnchor = "contents--bookbuild";

/// Appends the title page and the imprint, each ending with a page break.
/// Returns how many pages they take (2, or 1 when one-sided).
size_t flow_title_pages(Flow& flow, const model::Book& book, const style::Sheet& sheet,
                        const std::vector<std::string>& font_names);

/// Appends the contents (parts, guides and sections down to toc.depth,
/// the FAQ chapter, the directory) when toc.depth > 0.
void flow_contents(Flow& flow, const model::Book& book, const style::Sheet& sheet, const PageOf& page_of);

}  // namespace bb::typeset
