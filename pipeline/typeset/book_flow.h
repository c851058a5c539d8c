#pragma once
/// The book's content in reading order, poured into a Flow: chapters
/// (preface, parts, guides, FAQ chapter, directory) with their headings,
/// callouts, lists, quotes, figures, questions, books, practitioners, related
/// guides and directory entries, following the style.
#include <string>

#include "base/diagnostics.h"
#include "model/book.h"
#include "style/sheet.h"
#include "typeset/flow.h"
#include "typeset/inlines.h"

namespace bb::typeset {

/// Where figures live and how page references print in this pass.
struct FlowContext {
    std::string image_dir;  ///< folder that <figure src> is relative to
    PageOf page_of;         ///< folio of an anchor ("" in the first pass)
};

/// Appends every chapter of `book` to `flow`.
void flow_book(Flow& flow, const model::Book& book, const style::Sheet& sheet, const FlowContext& ctx,
               base::Sink& sink);

/// Appends one guide of `book` as a top-level chapter, as flow_book sets it
/// (handouts). `with_extras` false leaves out its practitioners and related
/// guides, for a caller that sets them its own way.
void flow_guide(Flow& flow, const model::Book& book, const model::Guide& guide, const style::Sheet& sheet,
                const FlowContext& ctx, base::Sink& sink, bool with_extras = true);

}  // namespace bb::typeset
