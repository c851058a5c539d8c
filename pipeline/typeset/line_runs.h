#pragma once
/// One text run per line of a paragraph, not one per word: a book of 1,000
/// guides has over a million words, and a run per word was most of the
/// laid-out document's memory and of the PDF writer's work.
#include <string_view>

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

/// join_run's test: whether a run in `font` and `size`, set like `line`
/// (colour, role, paragraph line and baseline `y`), starting at `x`,
/// continues it.
bool continues(const TextRun& line, uint32_t font, double size, Rgb color, double y, Role role, uint32_t para,
               uint32_t line_no, double x);

/// join_run's work once `continues` said yes, for a word not made into a
/// TextRun first (layout joins a million words): appends a space, the
/// adjustment that puts the word at `x`, and its text, `width` wide.
/// Returns the code point index of the word's first character in `line`,
/// where its own kerns are to be added.
uint32_t append_word(TextRun& line, std::string_view text, double x, double width, double size, int space_advance,
                     uint32_t& line_code_points);

/// Code points in `utf8`.
uint32_t code_points(std::string_view utf8);

}  // namespace bb::typeset
