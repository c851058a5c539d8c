#pragma once
/// One face as PDF objects, made here rather than by libharu's HPDF_GetFont:
/// libharu builds a CIDToGIDMap over all 65,536 code points for every face
/// and deflates each font with zlib at save (about a third of a ten-guide
/// build), and its dictionaries say Ordering (Identity-H) and carry a
/// malformed ToUnicode (notes §1.4). Here: a Type 0 font, Identity-H, over a
/// CIDFontType2 whose CIDs are the Unicode code points the content streams
/// encode; /W from the layout's own widths; a ToUnicode of exactly the code
/// points drawn; every stream deflated with libdeflate.
#include <hpdf.h>

#include <optional>
#include <set>
#include <string>

#include "text/font_subset.h"

namespace bb::pdf {

/// Whether a face that draws `code_points` gets short codes: one byte for
/// ASCII and two (0x8000 + the code point) for the rest up to U+7FFF, by
/// an embedded CMap (encoding_cmap), instead of Identity-H's two bytes for
/// every character. Latin text then takes half the bytes in the page
/// streams, which the writer makes and deflates for every page. A face
/// drawing anything from U+8000 up keeps Identity-H.
bool uses_short_codes(const std::set<char32_t>& code_points);

/// The bytes that draw `cp` in a face with short codes (1 or 2 bytes,
/// written to `out`), as encoding_cmap reads them.
inline int short_code(char32_t cp, unsigned char out[2]) {
    if (cp < 0x80) {
        out[0] = static_cast<unsigned char>(cp);
        return 1;
    }
    out[0] = static_cast<unsigned char>(0x80 + (cp >> 8));
    out[1] = static_cast<unsigned char>(cp & 0xFF);
    return 2;
}

/// A face's subset and its streams, deflated: everything but the libharu
/// objects, so the faces of a document are packed on all cores.
struct PackedFont {
    text::PdfFontProgram program;
    std::string font_file, map, to_unicode;  ///< FontFile2, CIDToGIDMap, ToUnicode (zlib)
    bool short_codes = false;                ///< uses_short_codes: `encoding` is its CMap
    std::string encoding;                    ///< the encoding CMap (zlib) with short codes
};

/// Subsets the face at `path` to `code_points` and deflates its streams
/// (thread-safe); nullopt with `error` set when it cannot.
std::optional<PackedFont> pack_font(const std::string& path, const std::set<char32_t>& code_points,
                                    std::string& error);

/// The Type 0 font dictionary of `packed` (an indirect object of `pdf`,
/// usable wherever libharu takes an HPDF_Font for page resources), or
/// nullptr with `error` set.
HPDF_Dict embed_font(HPDF_Doc pdf, const PackedFont& packed, std::string& error);

/// The ToUnicode CMap of a font whose CIDs are `program`'s code points,
/// its codes Identity-H's (two bytes each) or the short ones: one bfrange
/// per run of consecutive code points.
std::string to_unicode_cmap(const text::PdfFontProgram& program, bool short_codes = false);

/// The encoding CMap of short codes (CID = code point) for the code
/// points `program` draws.
std::string encoding_cmap(const text::PdfFontProgram& program);

}  // namespace bb::pdf
