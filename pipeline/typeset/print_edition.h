#pragma once
/// The pages of a laid-out book as the EPUB's page-list wants them.
#include <string>

#include "model/print_edition.h"
#include "typeset/paged_doc.h"

namespace bb::typeset {

/// One PrintPage per page of `doc` (a book from typeset::layout): its label,
/// its chapter's id and where its first manuscript text is. `source` names the
/// print edition.
model::PrintEdition print_edition(const PagedDoc& doc, std::string source);

}  // namespace bb::typeset
