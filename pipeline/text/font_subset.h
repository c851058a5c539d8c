#pragma once
/// Font subsetting with HarfBuzz's subsetter, shared by both writers: the PDF
/// (each face embedded as a subset with the facts its font dictionaries
/// state) and the EPUB (which would otherwise carry every font file whole,
/// ~1.9 MB for one guide).
#include <array>
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace bb::text {

/// Who reads the subset font.
enum class SubsetFor {
    Pdf,   ///< the PDF places glyphs by its own /W widths: layout tables dropped
    Epub,  ///< reading systems shape text themselves: GSUB/GPOS/GDEF/kern kept
};

/// The TrueType bytes of `path` reduced to the glyphs of `code_points` (plus
/// .notdef), keeping cmap, metrics, names and hinting. Returns "" and sets
/// `error` when the file cannot be read or subset.
std::string subset_font(const std::string& path, const std::set<char32_t>& code_points, SubsetFor purpose,
                        std::string& error);

/// One face as the PDF embeds it (a Type 0 font over a CIDFontType2 whose
/// CIDs are Unicode code points): the subset program and what the font
/// dictionaries say about it, lengths in 1/1000 em.
struct PdfFontProgram {
    struct Glyph {
        char32_t cp;
        uint16_t gid;  ///< the glyph in the subset (0 when the face lacks cp)
        int width;     ///< Font::advance(cp): the width the layout measured
    };
    std::string bytes;            ///< the subset TrueType file (SubsetFor::Pdf)
    std::string postscript_name;  ///< name ID 6, e.g. "CharisSIL-Bold"
    std::vector<Glyph> glyphs;    ///< one per code point asked for, in order
    int default_width = 0;        ///< .notdef's advance
    int ascent = 0, descent = 0, cap_height = 0, x_height = 0;
    std::array<int, 4> bbox{};  ///< head's xMin, yMin, xMax, yMax
    double italic_angle = 0;    ///< degrees (post), negative leans right
    bool fixed_pitch = false;   ///< post's isFixedPitch
    int weight_class = 400;     ///< OS/2 usWeightClass
};

/// The width pdf_font_program gives `cp` in the program of `path` (1/1000
/// em; .notdef's when the face lacks it), without subsetting; nullopt when
/// the file is not a font.
std::optional<int> pdf_advance(const std::string& path, char32_t cp);

/// The program of `path` for `code_points` (all in the BMP); nullopt with
/// `error` set when the file cannot be read or subset.
std::optional<PdfFontProgram> pdf_font_program(const std::string& path, const std::set<char32_t>& code_points,
                                               std::string& error);

}  // namespace bb::text
