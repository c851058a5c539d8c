#pragma once
/// Building handouts from a loaded Session, shared by `bookbuild handout` and
/// `bookbuild all`.
#include <string>
#include <vector>

#include "cli/session.h"
#include "handout/layout.h"
#include "impose/impose.h"
#include "model/book.h"
#include "style/sheet.h"
#include "typeset/paged_doc.h"

namespace bb::cli {

struct HandoutJob {
    std::vector<const model::Guide*> guides;
    /// One PDF per guide at `<output>/<guide id>.pdf` when true; else all
    /// the guides one after the other in the file `output`.
    bool one_per_guide = true;
    std::string output;
    handout::HandoutOptions layout;
    impose::Options imposition;
    /// The book already laid out with `book_sheet` (by `all`, for the PDF);
    /// null: build_handouts lays it out itself.
    const typeset::PagedDoc* book_doc = nullptr;
};

/// Lays the book out with `book_sheet` (unless `job.book_doc` is given), makes each handout with
/// `handout_sheet`, renders every PDF and only then writes them (atomically):
/// on any error nothing is written. Returns the exit code.
int build_handouts(Session& session, const style::Sheet& book_sheet, const style::Sheet& handout_sheet,
                   const HandoutJob& job);

}  // namespace bb::cli
