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

/// A face's subset and its three streams, deflated: everything but the
/// libharu objects, so the faces of a document are packed on all cores.
struct PackedFont {
    text::PdfFontProgram program;
    std::string font_file, map, to_unicode;  ///< FontFile2, CIDToGIDMap, ToUnicode (zlib)
};

/// Subsets the face at `path` to `code_points` and deflates its streams
/// (thread-safe); nullopt with `error` set when it cannot.
std::optional<PackedFont> pack_font(const std::string& path, const std::set<char32_t>& code_points,
                                    std::string& error);

/// The Type 0 font dictionary of `packed` (an indirect object of `pdf`,
/// usable wherever libharu takes an HPDF_Font for page resources), or
/// nullptr with `error` set.
HPDF_Dict embed_font(HPDF_Doc pdf, const PackedFont& packed, std::string& error);

/// The ToUnicode CMap of an Identity-H font whose codes are `program`'s
/// code points: one bfrange per run of consecutive code points.
std::string to_unicode_cmap(const text::PdfFontProgram& program);

}  // namespace bb::pdf
