#pragma once
/// typeset::layout: the book and the style in, a PagedDoc out (design.md).
/// Every decision is taken here; the PDF writer only draws the result.
/// Page references (contents, `ref`s, practitioners, related guides) are
/// resolved by laying out again until the page of every anchor is stable.
#include <string>

#include "base/diagnostics.h"
#include "base/progress.h"
#include "base/threads.h"
#include "model/book.h"
#include "style/sheet.h"
#include "text/font_metrics.h"
#include "text/hyphenate.h"
#include "typeset/paged_doc.h"

namespace bb::typeset {

class LayoutMemory;

struct LayoutOptions {
    std::string image_dir;  ///< folder <figure src> is relative to (manuscript/images)
    int max_passes = 4;     ///< bound on re-layouts for page references
    /// Threads setting chapters; 0 = one per core (at most 8). The output does
    /// not depend on it (tested).
    unsigned jobs = 0;
    /// Only the pages are wanted, not what is on them (the EPUB's page-list
    /// needs each page's label and where it begins): the settled measure
    /// pass is returned as it is, pages without items, and the full pass
    /// that would draw them is skipped.
    bool pages_only = false;
    /// The shortcuts of the page-reference passes: first-pass page numbers
    /// guessed with the right digits, chapters reused when their page
    /// numbers changed to others that set alike, no pass that would set
    /// nothing again, the full pass taking paragraphs set with other page
    /// numbers that set alike (Flow::set_folio_digits_alike). Off, the passes print "00" first and set every chapter
    /// whose page numbers changed at all: slower, the same book (tested).
    bool shortcuts = true;
    /// Counts the chapters set in each pass, for a progress line (may be null).
    base::Progress* progress = nullptr;
    /// Frees the layout's working data (the set chapters, the cached
    /// paragraphs) on other threads while the caller goes on; null: freed
    /// before layout() returns. Must outlive the layout's use of it.
    base::Disposer* disposer = nullptr;
    /// Chapters and pages kept from the last layout of this book, taken
    /// where they still hold and updated for the next one (`--watch`); only
    /// with pages_only (layout_memory.h). Null: nothing kept.
    LayoutMemory* memory = nullptr;
};

/// Statistics of a layout, for the command's summary and benchmarks.
struct LayoutStats {
    int passes = 0;
    /// Chapters the last pass took as a measure pass set them (keeping
    /// items), and how many of those it printed other page numbers in.
    size_t chapters_taken = 0, chapters_reprinted = 0;
    /// Measure passes that found the book cut into pages as the pass before
    /// (every chapter set again paginates alike) and so joined and
    /// paginated nothing.
    int passes_repeated = 0;
};

/// Loads, on every core at once, what laying out with `sheet` needs first
/// and the first chapters would otherwise load one after another: the
/// sheet's font files into `fonts` and the hyphenation patterns of `lang`,
/// returned (null when the sheet does not hyphenate). Whether a face's
/// digits set alike (a shaping of a few thousand characters) is left to the
/// first page number set in it: most faces never print one. Fonts load
/// quietly; FontBook reports a bad one when a text asks for it. layout()
/// calls this; a caller may call it earlier on another thread (while the
/// manuscript loads), then layout finds it done.
const text::Hyphenator* prepare_layout(const style::Sheet& sheet, const std::string& lang, text::FontSet& fonts,
                                       unsigned jobs = 0);

/// Lays out `book`. Problems (missing fonts, glyphs no font has, unreadable
/// images, overfull lines) go to `sink`; the result is always complete.
PagedDoc layout(const model::Book& book, const style::Sheet& sheet, const LayoutOptions& options,
                text::FontSet& fonts, base::Sink& sink, LayoutStats* stats = nullptr);

}  // namespace bb::typeset
