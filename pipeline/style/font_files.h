#pragma once
/// Finding and checking the font files a style names. Rules (README, "Font
/// files"): an absolute path is used as is; a relative one is looked up in the
/// style file's folder, then in ../fonts/ beside it, then in ./fonts/; the
/// first that exists wins, and it must be a regular TrueType file.
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "style/values.h"

namespace bb::style {

/// The folder of one style file, as shown to the user and as an absolute path.
struct StyleDir {
    std::string display;             ///< "styles" when the style was given as styles/x.yaml
    std::filesystem::path absolute;  ///< the same folder, absolute
};

/// One place a relative font name is looked for.
struct FontCandidate {
    std::string display;
    std::filesystem::path absolute;
};

/// The places `written` is looked for, in order.
std::vector<FontCandidate> font_candidates(std::string_view written, const StyleDir& dir);

/// Resolves and checks a font file; the value is its absolute canonical path.
Parsed<std::string> find_font(std::string_view written, const StyleDir& dir);

/// What the first bytes of a file say it is. Ok for TrueType (0x00010000 or
/// 'true'); otherwise the reason it cannot be used.
enum class FontKind { TrueType, OpenTypeCff, Collection, Other };
FontKind sniff_font(std::string_view first_bytes);

}  // namespace bb::style
