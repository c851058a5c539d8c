#pragma once
/// Sets a paragraph of styled runs into justified (or ragged) lines of
/// positioned fragments: builds the Knuth-Plass item list (words as boxes
/// with kerning, interword glue from the font's space, hyphenation points as
/// flagged penalties, break opportunities from break_points), breaks it, and
/// computes each fragment's x. The PDF writer draws each fragment at its x
/// (libharu's word spacing does nothing: libraries.md 1.7).
#include <cstddef>
#include <span>
#include <string>
#include <vector>

#include "text/font_metrics.h"
#include "text/hyphenate.h"
#include "text/linebreak.h"

namespace bb::text {

class WordMemos;

/// A piece of the paragraph in one font and size, already resolved.
struct StyledRun {
    std::string text;            ///< UTF-8; spaces, NBSP, SHY, '\n' (forced break) allowed
    const Font* font = nullptr;  ///< main font (must not be null)
    std::vector<const Font*> fallbacks;  ///< tried in order for characters `font` lacks
    double size = 10;            ///< points
    bool bold = false, italic = false;  ///< informational, copied to fragments
    int style = 0;               ///< caller's tag (link id, colour...), copied to fragments
    size_t source = 0;           ///< caller's position of text[0] (e.g. manuscript offset)
};

struct ParagraphOptions {
    Measure measure = Measure(300);  ///< line widths in points
    bool justify = true;             ///< false: ragged right (align: left)
    double first_indent = 0;         ///< points of indent on the first line
    /// Hyphenation; null or unavailable = no automatic hyphenation (soft
    /// hyphens and explicit hyphens still break).
    const Hyphenator* hyphenator = nullptr;
    std::string lang = "en";         ///< BCP 47, for break opportunities
    bool kerning = true;
    double hyphen_penalty = 50;      ///< TeX \hyphenpenalty
    double ex_hyphen_penalty = 50;   ///< TeX \exhyphenpenalty (after explicit hyphens)
    double emergency_stretch_em = 1.5;  ///< third pass background stretch, in em of the first run
    /// Ragged right: \rightskip stretch in em of the first run (TeX's
    /// \raggedright uses 2em with no interword stretch).
    double ragged_stretch_em = 2;
    BreakParams params;              ///< everything else (tolerance, demerits...)
    /// Only the shape of the lines is wanted (a layout that draws nothing,
    /// such as the one an EPUB's page-list needs): the lines break exactly
    /// as otherwise, fragments keep their place, width and source, but carry
    /// no text and no kerns.
    bool lines_only = false;
    /// Where words between spaces, once set, are kept per font, size and
    /// options and copied from for their next occurrences (text/word_memo.h;
    /// the result is the same). Null: every word is set afresh.
    WordMemos* words = nullptr;
};

/// A piece of text drawn in one font at one x.
struct Fragment {
    /// UTF-8 to draw (SHY removed; "-" appended at a hyphenated end); empty
    /// when ParagraphOptions::lines_only.
    std::string text;
    const Font* font = nullptr;
    double size = 0;
    double x = 0;                ///< from the line's left edge, points
    double width = 0;            ///< == font->width(text, size, kerning)
    bool kerned = true;          ///< width includes Font::kern pairs (emit them as TJ)
    /// When kerned: every pair of `text` Font::kern moves, as (code point
    /// index of the pair's left character, Font::kern): measured once, for
    /// the line breaking, and kept for the drawing.
    std::vector<std::pair<uint32_t, int>> kerns;
    bool bold = false, italic = false;
    int style = 0;
    size_t run = 0;              ///< index of the StyledRun it comes from
    size_t offset = 0;           ///< byte offset of its first character in that run's text
};

struct ParagraphLine {
    std::vector<Fragment> fragments;  ///< left to right, x increasing
    double measure = 0;          ///< the line's width from Measure
    double width = 0;            ///< right edge of the last fragment
    double ratio = 0;            ///< adjustment ratio used
    bool hyphenated = false;     ///< ends at a hyphen break: explicit ("well-|known") or added
    bool hyphen_added = false;   ///< a "-" was appended to the last fragment (word hyphenated here)
    /// The line ends inside a word (hyphenation, explicit hyphen, URL or
    /// emergency break): no space separates it from the next line's text
    /// (for text extraction / copy order).
    bool breaks_word = false;
    bool overfull = false;       ///< wider than the measure (see ParagraphResult)
    double ascent = 0, descent = 0;  ///< max over fragments, points (descent >= 0)
};

/// A character no font covers (for a warning naming it and its position).
struct MissingGlyph {
    size_t run, offset;  ///< run index and byte offset in its text
    char32_t cp;
};

struct ParagraphResult {
    std::vector<ParagraphLine> lines;
    std::vector<size_t> overfull;  ///< line indices wider than the measure
    std::vector<MissingGlyph> missing;
    int pass = 0;                  ///< BreakResult::pass
};

/// Sets `runs` into lines. Empty or all-space input gives no lines.
ParagraphResult set_paragraph(std::span<const StyledRun> runs, const ParagraphOptions& options);

}  // namespace bb::text
