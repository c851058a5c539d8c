#pragma once
/// PagedDoc: the positioned page model that typeset::layout produces and that
/// exporters only draw (design.md, after Typst's `Frame`). Plain data: every
/// decision (line breaks, page breaks, positions) has been taken already, so
/// pdf::write is a dumb walker and imposition is a pure PagedDoc -> PagedDoc.
///
/// Coordinates are in points with the origin at the TOP-LEFT corner of the
/// page and y growing downwards; text is placed by its baseline. (PDF's own
/// y-up system is the writer's business.)
#include <cmath>
#include <cstdint>
#include <map>
#include <string>
#include <variant>
#include <vector>

#include "base/source_map.h"

namespace bb::typeset {

/// An sRGB colour (kept local so PagedDoc does not depend on the style).
struct Rgb {
    uint8_t r = 0, g = 0, b = 0;
    bool operator==(const Rgb&) const = default;
};

/// What a text run is, for structural tests and (later) tagged PDF.
enum class Role : uint8_t {
    Body,       ///< a line of a justified paragraph
    Ragged,     ///< a line of a ragged-right paragraph
    Heading,    ///< part, guide, section, subsection, FAQ question, entry name
    Label,      ///< callout label, bullet, list number
    Caption,    ///< figure caption, attribution, small print
    Furniture,  ///< running head, folio
    Display,    ///< title page, part page
};

/// Pair kerning inside a run: after the code point with index `index` (0-based,
/// in code points of TextRun::text) the pen moves by adjust()/1000 em
/// (negative = closer). The writer emits these as TJ numbers (notes §1.6)
/// with two decimals, so that is what is kept: eight bytes a kern, not
/// sixteen (a book of 1,000 guides has 1.2 million of them).
struct Kern {
    Kern() = default;
    /// `adjust` in 1/1000 em: whole for pair kerning, any value for a
    /// justified space (join_run); kept rounded to 1/100.
    Kern(uint32_t at, double adjust) : index(at), hundredths(static_cast<int32_t>(std::llround(adjust * 100))) {}
    double adjust() const { return hundredths / 100.0; }
    uint32_t index = 0;
    int32_t hundredths = 0;  ///< of 1/1000 em
};

/// A run of text in one font, size and colour, drawn from (x, baseline y).
/// `text` is final UTF-8: no soft hyphens, a visible hyphen where a word was
/// broken. Justification is done by placing runs (the PDF writer may draw a
/// line's spaces with word spacing where the face's codes allow it:
/// pdf/content.cpp; libharu's Tw does nothing on Identity-H fonts, notes §1.7).
struct TextRun {
    std::string text;
    uint32_t font = 0;  ///< index into PagedDoc::fonts
    Rgb color;          // (beside font and role: one word for the three)
    Role role = Role::Body;
    double size = 10;
    double x = 0, y = 0;
    double width = 0;   ///< advance width of the run as measured by layout
    std::vector<Kern> kerning;  ///< included in `width`
    uint32_t para = 0;  ///< paragraph number (1-based, 0 = none), for tests
    uint32_t line = 0;  ///< line number inside that paragraph (0-based)
};

/// A straight line.
struct Line {
    double x1 = 0, y1 = 0, x2 = 0, y2 = 0;
    double thickness = 0.5;
    Rgb color;
};

/// A filled rectangle; (x, y) is its top-left corner.
struct Rect {
    double x = 0, y = 0, w = 0, h = 0;
    Rgb fill;
};

/// A raster image (PNG or JPEG file) scaled into the box; (x, y) top-left.
struct Image {
    std::string path;  ///< absolute path
    double x = 0, y = 0, w = 0, h = 0;
};

using Item = std::variant<TextRun, Line, Rect, Image>;

/// One page. `label` is the folio text ("12", "iii"; may be empty for a
/// page that shows none but it still has one in the sequence).
struct Page {
    double width = 0, height = 0;
    std::string label;
    std::vector<Item> items;
};

/// A clickable area: either a URL or an anchor id inside the document.
struct LinkArea {
    size_t page = 0;
    double x = 0, y = 0, w = 0, h = 0;  ///< top-left and size
    std::string uri;     ///< external link when not empty
    std::string anchor;  ///< internal target otherwise
};

/// Where an anchor landed: page index and the y of the top of its heading.
struct AnchorPos {
    size_t page = 0;
    double y = 0;
};

/// A bookmark in the PDF outline; `level` 0 is top level (a part or a
/// guide), entries follow in reading order and nest by level.
struct OutlineEntry {
    std::string title;   ///< plain UTF-8
    int level = 0;
    std::string anchor;  ///< must be in PagedDoc::anchors
};

/// How a range of pages is numbered in the viewer (PDF /PageLabels).
enum class LabelStyle { Decimal, LowerRoman };
struct LabelRange {
    size_t first_page = 0;  ///< index of the first page of the range
    LabelStyle style = LabelStyle::Decimal;
    int start = 1;
};

/// A position in the manuscript's text: a model Text inline (by its Span)
/// and a byte offset into its text. An unknown span: no such position.
struct SourcePos {
    base::Span span;
    uint32_t byte = 0;
    std::string key;  ///< model::print_key of a place written but not as manuscript text; wins over span
    bool known() const { return span.known() || !key.empty(); }
};

/// Where a page begins in the book's content, for the EPUB page-list.
struct PageStart {
    uint32_t chapter = 0;  ///< index into PagedDoc::chapters
    SourcePos at;          ///< its first manuscript text; unknown when it has none (blank, title page)
    /// A verso left blank so that the next chapter opens on a recto: it
    /// holds nothing, in a measure pass's pages as in the drawn ones.
    bool blank = false;
};

/// The whole laid-out document.
struct PagedDoc {
    std::vector<std::string> fonts;  ///< TrueType file paths, referenced by TextRun::font
    std::vector<Page> pages;
    std::vector<OutlineEntry> outline;
    std::vector<LinkArea> links;
    std::map<std::string, AnchorPos> anchors;
    std::vector<LabelRange> labels;  ///< sorted by first_page; empty = plain 1, 2, 3
    /// The model ids of the chapters (preface, parts, guides, FAQ chapter,
    /// directory) in reading order; [0] is "" for the front matter before them.
    std::vector<std::string> chapters;
    std::vector<PageStart> starts;  ///< one per page (empty for documents that are not a book)

    /// Index of `path` in fonts, adding it when new.
    uint32_t font_index(const std::string& path);
};

/// `n` (>= 1) in lower-case roman numerals: 4 -> "iv", 1999 -> "mcmxcix".
std::string roman(int n);

/// A text dump of the document, one item per line, coordinates rounded to
/// 0.1 pt, fonts by file name; the golden files of layout tests.
std::string trace(const PagedDoc& doc);

}  // namespace bb::typeset
