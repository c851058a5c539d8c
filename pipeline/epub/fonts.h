#pragma once
/// Which TrueType files the EPUB embeds: the faces the style gives for every
/// family the book's CSS uses (text, headings, questions), the same files the
/// typesetter embeds in the PDF.
#include <string>
#include <vector>

#include "style/sheet.h"

namespace bb::epub {

/// One embedded face.
struct FontFace {
    std::string family;   ///< family key in the style, e.g. "serif"
    std::string source;   ///< absolute path of the TrueType file
    std::string href;     ///< path inside OEBPS/, e.g. "fonts/CharisSIL-Regular.ttf"
    bool bold = false, italic = false;
};

/// The CSS font-family name of a style family ("bb-serif"): prefixed so a
/// family called "serif" or "sans" is never read as a generic family.
std::string css_family(const std::string& family);

/// The families the CSS refers to, in a fixed order without repeats: text,
/// part, guide, section, subsection, question.
std::vector<std::string> families_used(const style::Sheet& sheet);

/// The faces to embed: for each family used, every face the style gives
/// (a face it does not give is left to the reading system to synthesise).
/// File names in the container are unique.
/// `fallbacks` are fallback families (from `sheet.fallback`) the book needs;
/// their faces follow those of the main families.
std::vector<FontFace> faces_to_embed(const style::Sheet& sheet, const std::vector<std::string>& fallbacks = {});

}  // namespace bb::epub
