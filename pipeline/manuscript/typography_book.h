#pragma once
/// Applies typography.h to a whole model::Book: every inline content (each
/// one a separate quoting context), the metadata strings, book-ref titles and
/// authors, topic names and figure alt texts. URLs (link targets, a link text
/// that is its own URL, entry url/email, book-ref url) and ids are never touched.
#include "model/book.h"
#include "manuscript/typography.h"

namespace bb::manuscript {

/// Runs of one inline content, in reading order; link texts equal to their
/// URL are frozen.
void apply_typography(model::Inlines& content, const TypographyOptions& options);

void apply_book_typography(model::Book& book, const TypographyOptions& options);

}  // namespace bb::manuscript
