#include "pdf/font_embed.h"

#include <fmt/format.h>

#include <cctype>
#include <cmath>

#include "base/deflate.h"
#include "pdf/haru_fixes.h"

namespace bb::pdf {

namespace {

using Glyph = text::PdfFontProgram::Glyph;

// Level 6, not 9: on the shipped fonts 9 saved 33 bytes of a ten-guide
// PDF's 247 KB for 3M instructions (2 % of the build); 1 would add 1.6 KB.
constexpr int kFontDeflateLevel = 6;

/// The six capital letters before "+" that mark a subset (ISO 32000-1
/// §9.6.4), from the face and the glyphs kept: different subsets of one
/// face get different tags, the same subset the same tag.
std::string subset_tag(const text::PdfFontProgram& p) {
    Digest16 d;
    d.add(p.postscript_name);
    for (const Glyph& g : p.glyphs) d.add(reinterpret_cast<const char*>(&g.cp), sizeof g.cp);
    unsigned char digest[16];
    d.finish(digest);
    std::string tag;
    for (int i = 0; i < 6; ++i) tag += static_cast<char>('A' + digest[i] % 26);
    return tag + "+";
}

/// The PostScript name as a PDF name's characters: no spaces or delimiters
/// (a font without a name gets "Font").
std::string base_font_name(const text::PdfFontProgram& p) {
    std::string name;
    for (char c : p.postscript_name)
        if (std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.') name += c;
    return name.empty() ? "Font" : name.substr(0, 63);
}

/// Two bytes (big-endian) per CID from 0 to the highest code point: the
/// subset's glyph for each CID drawn, 0 elsewhere.
std::string cid_to_gid_map(const text::PdfFontProgram& p) {
    char32_t last = 0;
    for (const Glyph& g : p.glyphs) last = std::max(last, g.cp);
    std::string map(2 * (static_cast<size_t>(last) + 1), '\0');
    for (const Glyph& g : p.glyphs) {
        map[2 * g.cp] = static_cast<char>(g.gid >> 8);
        map[2 * g.cp + 1] = static_cast<char>(g.gid & 0xFF);
    }
    return map;
}

/// /W: `c [w1 w2 ...]` for each run of consecutive CIDs.
HPDF_Array widths(HPDF_MMgr mmgr, const text::PdfFontProgram& p) {
    HPDF_Array w = HPDF_Array_New(mmgr);
    if (!w) return nullptr;
    HPDF_Array run = nullptr;
    char32_t next = 0;
    for (const Glyph& g : p.glyphs) {
        if (!run || g.cp != next) {
            HPDF_Array_AddNumber(w, static_cast<HPDF_INT32>(g.cp));
            run = HPDF_Array_New(mmgr);
            if (!run) return nullptr;
            HPDF_Array_Add(w, run);
        }
        HPDF_Array_AddNumber(run, g.width);
        next = g.cp + 1;
    }
    return w;
}

HPDF_Array number_array(HPDF_MMgr mmgr, std::initializer_list<int> values) {
    HPDF_Array a = HPDF_Array_New(mmgr);
    if (a)
        for (int v : values) HPDF_Array_AddNumber(a, v);
    return a;
}

/// A direct dictionary made indirect (its own numbered object).
HPDF_Dict indirect_dict(HPDF_Doc pdf) {
    HPDF_Dict d = HPDF_Dict_New(pdf->mmgr);
    if (d && HPDF_Xref_Add(pdf->xref, d) != HPDF_OK) return nullptr;
    return d;
}

bool deflate_into(std::string_view plain, std::string& packed) {
    return base::thread_deflater(kFontDeflateLevel).compress(plain, base::Deflater::Format::Zlib, packed);
}

/// ISO 32000-1 §9.8.2 flags: symbolic (glyphs are reached through the
/// CIDToGIDMap, not a standard encoding), fixed pitch and italic as the
/// face says.
int descriptor_flags(const text::PdfFontProgram& p) {
    int flags = 1 << 2;
    if (p.fixed_pitch) flags |= 1 << 0;
    if (p.italic_angle != 0) flags |= 1 << 6;
    return flags;
}

/// No table holds the dominant stem width; this estimate from the weight
/// class is the usual one (a regular face ~88, a bold ~166).
int stem_v(const text::PdfFontProgram& p) {
    const double w = p.weight_class / 65.0;
    return static_cast<int>(std::lround(50 + w * w));
}

}  // namespace

bool uses_short_codes(const std::set<char32_t>& code_points) {
    return code_points.empty() || *code_points.rbegin() < 0x8000;
}

namespace {
/// The code of `cp` in hex, as the font's codes go: two bytes, or short.
std::string code_hex(char32_t cp, bool short_codes) {
    if (!short_codes) return fmt::format("{:04X}", static_cast<unsigned>(cp));
    unsigned char b[2];
    return short_code(cp, b) == 1 ? fmt::format("{:02X}", b[0]) : fmt::format("{:02X}{:02X}", b[0], b[1]);
}

/// Adds `entries` to `c` in blocks of at most 100 (§9.7.5.4).
void blocks(std::string& c, const std::vector<std::string>& entries, const char* begin, const char* end) {
    for (size_t i = 0; i < entries.size(); i += 100) {
        const size_t n = std::min<size_t>(100, entries.size() - i);
        c += fmt::format("{} {}\n", n, begin);
        for (size_t k = i; k < i + n; ++k) c += entries[k];
        c += end;
        c += '\n';
    }
}

const char* const kShortCodespace = "2 begincodespacerange\n<00> <7F>\n<8000> <FFFF>\nendcodespacerange\n";
}  // namespace

std::string to_unicode_cmap(const text::PdfFontProgram& p, bool short_codes) {
    std::string c =
        "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
        "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n";
    c += short_codes ? kShortCodespace : "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n";
    // Runs of consecutive code points that stay within one high byte (a
    // bfrange may not cross the low byte, §9.10.3), and with short codes
    // within one code length.
    std::vector<std::pair<char32_t, char32_t>> runs;
    for (const Glyph& g : p.glyphs) {
        if (g.cp >= 0xD800 && g.cp <= 0xDFFF) continue;
        if (!runs.empty() && runs.back().second + 1 == g.cp && (g.cp & 0xFF) != 0 && (!short_codes || g.cp != 0x80))
            runs.back().second = g.cp;
        else
            runs.push_back({g.cp, g.cp});
    }
    std::vector<std::string> entries;
    for (const auto& [first, last] : runs)
        entries.push_back(fmt::format("<{}> <{}> <{:04X}>\n", code_hex(first, short_codes),
                                      code_hex(last, short_codes), static_cast<unsigned>(first)));
    blocks(c, entries, "beginbfrange", "endbfrange");
    c += "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n";
    return c;
}

std::string encoding_cmap(const text::PdfFontProgram& p) {
    std::string c =
        "%!PS-Adobe-3.0 Resource-CMap\n/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> def\n"
        "/CMapName /Bookbuild-Short-H def\n/CMapType 1 def\n/WMode 0 def\n";
    c += kShortCodespace;
    // ASCII as it is; every high byte drawn from U+0080 up, its 256 codes.
    std::vector<std::string> entries{"<00> <7F> 0\n"};
    int last_high = -1;
    for (const Glyph& g : p.glyphs) {
        if (g.cp < 0x80 || g.cp >= 0x8000 || static_cast<int>(g.cp >> 8) == last_high) continue;
        last_high = static_cast<int>(g.cp >> 8);
        entries.push_back(fmt::format("<{0:02X}00> <{0:02X}FF> {1}\n", 0x80 + last_high, last_high * 256));
    }
    blocks(c, entries, "begincidrange", "endcidrange");
    c += "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n";
    return c;
}

std::optional<PackedFont> pack_font(const std::string& path, const std::set<char32_t>& code_points,
                                    std::string& error) {
    std::optional<text::PdfFontProgram> program = text::pdf_font_program(path, code_points, error);
    if (!program) return std::nullopt;
    PackedFont packed;
    packed.short_codes = uses_short_codes(code_points);
    if (!deflate_into(program->bytes, packed.font_file) || !deflate_into(cid_to_gid_map(*program), packed.map) ||
        !deflate_into(to_unicode_cmap(*program, packed.short_codes), packed.to_unicode) ||
        (packed.short_codes && !deflate_into(encoding_cmap(*program), packed.encoding))) {
        error = "cannot deflate the font";
        return std::nullopt;
    }
    packed.program = std::move(*program);
    return packed;
}

HPDF_Dict embed_font(HPDF_Doc pdf, const PackedFont& packed, std::string& error) {
    HPDF_MMgr mmgr = pdf->mmgr;
    const text::PdfFontProgram& p = packed.program;
    const std::string name = subset_tag(p) + base_font_name(p);
    HPDF_Dict file = deflated_stream(pdf, packed.font_file);
    HPDF_Dict descriptor = indirect_dict(pdf);
    HPDF_Dict cid_font = indirect_dict(pdf);
    HPDF_Dict type0 = indirect_dict(pdf);
    HPDF_Dict gid_map = deflated_stream(pdf, packed.map);
    HPDF_Dict cmap = deflated_stream(pdf, packed.to_unicode);
    HPDF_Dict system_info = HPDF_Dict_New(mmgr);
    HPDF_Array w = widths(mmgr, p);
    HPDF_Array descendants = HPDF_Array_New(mmgr);
    HPDF_Array bbox = number_array(mmgr, {p.bbox[0], p.bbox[1], p.bbox[2], p.bbox[3]});
    if (!file || !descriptor || !cid_font || !type0 || !gid_map || !cmap || !system_info || !w || !descendants ||
        !bbox) {
        error = "libharu could not make the font objects";
        return nullptr;
    }
    HPDF_Dict_AddNumber(file, "Length1", static_cast<HPDF_INT32>(p.bytes.size()));

    HPDF_Dict_AddName(descriptor, "Type", "FontDescriptor");
    HPDF_Dict_AddName(descriptor, "FontName", name.c_str());
    HPDF_Dict_AddNumber(descriptor, "Flags", descriptor_flags(p));
    HPDF_Dict_Add(descriptor, "FontBBox", bbox);
    HPDF_Dict_AddReal(descriptor, "ItalicAngle", static_cast<HPDF_REAL>(p.italic_angle));
    HPDF_Dict_AddNumber(descriptor, "Ascent", p.ascent);
    HPDF_Dict_AddNumber(descriptor, "Descent", p.descent);
    HPDF_Dict_AddNumber(descriptor, "CapHeight", p.cap_height);
    if (p.x_height) HPDF_Dict_AddNumber(descriptor, "XHeight", p.x_height);
    HPDF_Dict_AddNumber(descriptor, "StemV", stem_v(p));
    HPDF_Dict_Add(descriptor, "FontFile2", file);

    HPDF_Dict_Add(system_info, "Registry", HPDF_String_New(mmgr, "Adobe", nullptr));
    HPDF_Dict_Add(system_info, "Ordering", HPDF_String_New(mmgr, "Identity", nullptr));
    HPDF_Dict_AddNumber(system_info, "Supplement", 0);

    HPDF_Dict_AddName(cid_font, "Type", "Font");
    HPDF_Dict_AddName(cid_font, "Subtype", "CIDFontType2");
    HPDF_Dict_AddName(cid_font, "BaseFont", name.c_str());
    HPDF_Dict_Add(cid_font, "CIDSystemInfo", system_info);
    HPDF_Dict_Add(cid_font, "FontDescriptor", descriptor);
    HPDF_Dict_AddNumber(cid_font, "DW", p.default_width);
    HPDF_Dict_Add(cid_font, "W", w);
    HPDF_Dict_Add(cid_font, "CIDToGIDMap", gid_map);

    HPDF_Dict_AddName(type0, "Type", "Font");
    HPDF_Dict_AddName(type0, "Subtype", "Type0");
    HPDF_Dict_AddName(type0, "BaseFont", name.c_str());
    if (packed.short_codes) {
        HPDF_Dict encoding = deflated_stream(pdf, packed.encoding);
        HPDF_Dict encoding_info = HPDF_Dict_New(mmgr);
        if (!encoding || !encoding_info) {
            error = "libharu could not make the font objects";
            return nullptr;
        }
        HPDF_Dict_AddName(encoding, "Type", "CMap");
        HPDF_Dict_AddName(encoding, "CMapName", "Bookbuild-Short-H");
        HPDF_Dict_Add(encoding_info, "Registry", HPDF_String_New(mmgr, "Adobe", nullptr));
        HPDF_Dict_Add(encoding_info, "Ordering", HPDF_String_New(mmgr, "Identity", nullptr));
        HPDF_Dict_AddNumber(encoding_info, "Supplement", 0);
        HPDF_Dict_Add(encoding, "CIDSystemInfo", encoding_info);
        HPDF_Dict_Add(type0, "Encoding", encoding);
    } else {
        HPDF_Dict_AddName(type0, "Encoding", "Identity-H");
    }
    HPDF_Array_Add(descendants, cid_font);
    HPDF_Dict_Add(type0, "DescendantFonts", descendants);
    HPDF_Dict_Add(type0, "ToUnicode", cmap);
    if (HPDF_GetError(pdf) != HPDF_OK) {
        error = "libharu could not make the font objects";
        return nullptr;
    }
    return type0;
}

}  // namespace bb::pdf
