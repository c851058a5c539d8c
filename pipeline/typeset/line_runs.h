#pragma once
/// One text run per line of a paragraph, not one per word: a book of 1,000
/// guides has over a million words, and a run per word was most of the
/// laid-out document's memory and of the PDF writer's work.
#include "typeset/paged_doc.h"

namespace bb::typeset {

/// Joins `next` onto `line` when it continues it: same font, size, colour,
/// role, paragraph line and baseline, and starting at or after its end. The
/// space between them becomes a real U+0020 in the text plus a kerning entry
/// that puts `next` exactly at its x (a justified space is wider or narrower
/// than the font's). `space_advance` is the font's U+0020 advance in
/// 1/1000 em. `line_code_points` is the number of code points in
/// `line.text` (a line joins word by word: counting them again each time
/// made joining quadratic); it is updated. Returns false, changing nothing,
/// when they cannot be joined.
bool join_run(TextRun& line, const TextRun& next, int space_advance, uint32_t& line_code_points);

/// Code points in `utf8`.
uint32_t code_points(const std::string& utf8);

}  // namespace bb::typeset
