#pragma once
/// style::Sheet: the layout rules of one style file (after `extends`), in
/// resolved units. The typesetter reads lengths in points; the EPUB writer
/// turns the same numbers into CSS relative to `text.size` (styles.md).
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "base/source_map.h"

namespace bb::style {

/// An sRGB colour.
struct Color {
    uint8_t r = 0, g = 0, b = 0;
    bool operator==(const Color&) const = default;
    std::string hex() const;  ///< "#rrggbb"
};

/// Four faces of one family; a face that the style does not give falls back
/// to the nearest given one (bold-italic -> bold -> regular), and `*_given`
/// records whether it was set, so writers can synthesise nothing silently.
struct FontFamily {
    std::string name;  ///< key under `fonts:`, e.g. "serif"
    std::string regular, italic, bold, bold_italic;  ///< absolute paths of TrueType files
    bool italic_given = false, bold_given = false, bold_italic_given = false;
    /// The file for a weight/slant combination.
    const std::string& face(bool bold, bool italic) const;
};

enum class Align { Justify, Left };
enum class Start { Recto, Page, Flow };
enum class FontStyle { Normal, Italic };

struct PageStyle {
    double width = 0, height = 0;                  ///< points
    double top = 0, bottom = 0, inner = 0, outer = 0;  ///< margins, points
    bool two_sided = true;
};

struct TextStyle {
    std::string font;  ///< family name
    double size = 10, leading = 13.5;
    Align align = Align::Justify;
    bool hyphenate = true;
    double indent = 0, paragraph_space = 0;
    Color color;
};

struct HeadingStyle {
    std::string font;
    double size = 10, leading = 12, space_before = 0, space_after = 0;
    Color color;
    bool bold = true;
    Start start = Start::Flow;  ///< page-start rule (meaningful for part and guide)
};

struct CalloutStyle {
    std::string label;  ///< "The myth"
    Color background, rule;
    double padding = 0;
};

struct FaqStyle {
    std::string question_font;
    bool question_bold = true;
    double space_between = 0;
};

struct ListStyle {
    double indent = 0;
    std::string bullet = "•";
    double item_space = 0;
};

struct QuoteStyle {
    double indent = 0;
    FontStyle style = FontStyle::Italic;
};

struct DirectoryStyle {
    double entry_space = 0;
    bool show_topics = true, show_url = true;
};

/// Templates with fields {book} {part} {guide} {section} {page}; "" = nothing.
struct RunningLine {
    std::string verso, recto;  ///< centred on verso / recto pages
    std::string inner, outer;  ///< at the inner / outer edge of every page
};

struct RunningStyle {
    RunningLine header, footer;
    bool suppress_on_first_page = true;
};

struct TocStyle {
    int depth = 2;
    std::string leaders = ".";
};

struct PaginationStyle {
    int widows = 2, orphans = 2, keep_with_next = 2;  ///< in lines
};

struct HyphenationStyle {
    int min_word = 5, min_before = 2, min_after = 3;  ///< in characters
};

/// The whole style. Every field has been set from the style file chain.
struct Sheet {
    std::string path;  ///< the style file it was loaded from
    PageStyle page;
    std::map<std::string, FontFamily> fonts;  ///< by family name
    std::vector<std::string> fallback;        ///< family names tried for missing glyphs
    TextStyle text;
    bool smart_quotes = true, smart_dashes = true;
    HyphenationStyle hyphenation;
    HeadingStyle part, guide, section, subsection;
    CalloutStyle myth, example, truth;
    FaqStyle faq;
    ListStyle lists;
    QuoteStyle quote;
    DirectoryStyle directory;
    RunningStyle running;
    std::string reference_print = "{title}, p. {page}";
    TocStyle toc;
    PaginationStyle pagination;
    std::map<std::string, Color> colors;
    std::map<std::string, std::string> labels;  ///< contents, directory-by-topic, ...

    const FontFamily& family(const std::string& name) const { return fonts.at(name); }
    /// A label by key, or `fallback` when the style has none.
    std::string label(const std::string& key, const std::string& fallback) const;
};

}  // namespace bb::style
