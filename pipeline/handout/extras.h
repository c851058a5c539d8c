#pragma once
/// What a handout adds after the guide's own text: its practitioners with
/// their contact details and a QR code of their URL beside each, and its
/// related guides by title (the book's page references make no sense on a
/// loose sheet, the titles do).
#include "base/diagnostics.h"
#include "model/book.h"
#include "style/sheet.h"
#include "typeset/flow.h"

namespace bb::handout {

/// Appends the practitioners of `guide` (if any). QR codes are `qr_side`
/// points wide, drawn at the right edge of the text block beside the entry's
/// text, which is narrowed to make room for them. A URL too long for a QR
/// code is printed without one, with a warning at its entry.
void flow_practitioners(typeset::Flow& flow, const model::Book& book, const model::Guide& guide,
                        const style::Sheet& sheet, double qr_side, base::Sink& sink);

/// Appends the titles of the guides related to `guide` (if any).
void flow_related(typeset::Flow& flow, const model::Book& book, const model::Guide& guide,
                  const style::Sheet& sheet);

}  // namespace bb::handout
