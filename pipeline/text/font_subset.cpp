#include "text/font_subset.h"

#include <hb-ot.h>
#include <hb-subset.h>
#include <hb.h>

#include "text/face_facts.h"

namespace bb::text {

namespace {

/// A face read from a file, released with it.
struct FileFace {
    hb_face_t* face = nullptr;
    explicit FileFace(const std::string& path) {
        if (hb_blob_t* blob = hb_blob_create_from_file_or_fail(path.c_str())) {
            face = hb_face_create(blob, 0);
            hb_blob_destroy(blob);
        }
    }
    ~FileFace() { hb_face_destroy(face); }
    FileFace(const FileFace&) = delete;
    FileFace& operator=(const FileFace&) = delete;
};

std::string subset_face(hb_face_t* face, const std::set<char32_t>& code_points, SubsetFor purpose) {
    std::string result;
    hb_subset_input_t* input = hb_subset_input_create_or_fail();
    if (!input) return result;
    hb_set_t* unicodes = hb_subset_input_unicode_set(input);
    for (char32_t cp : code_points) hb_set_add(unicodes, cp);
    hb_set_t* drop = hb_subset_input_set(input, HB_SUBSET_SETS_DROP_TABLE_TAG);
    // Graphite and AAT tables are read by no reader of ours; a signature
    // is void once the font is changed.
    for (const char* tag : {"DSIG", "hdmx", "LTSH", "VDMX", "Feat", "Glat", "Gloc", "Silf", "Sill", "morx", "kerx"})
        hb_set_add(drop, hb_tag_from_string(tag, -1));
    // Layout tables are of no use in a PDF (glyphs are placed by the /W
    // widths and the TJ kerning); reading systems need them for kerning.
    if (purpose == SubsetFor::Pdf)
        for (const char* tag : {"GSUB", "GPOS", "GDEF", "kern"}) hb_set_add(drop, hb_tag_from_string(tag, -1));
    if (hb_face_t* sub = hb_subset_or_fail(face, input)) {
        hb_blob_t* out = hb_face_reference_blob(sub);
        unsigned len = 0;
        const char* data = hb_blob_get_data(out, &len);
        if (data && len) result.assign(data, len);
        hb_blob_destroy(out);
        hb_face_destroy(sub);
    }
    hb_subset_input_destroy(input);
    return result;
}

/// Big-endian integers of a table, 0 past its end.
class Table {
public:
    Table(hb_face_t* face, const char* tag) : blob_(hb_face_reference_table(face, hb_tag_from_string(tag, 4))) {
        data_ = reinterpret_cast<const unsigned char*>(hb_blob_get_data(blob_, &size_));
    }
    ~Table() { hb_blob_destroy(blob_); }
    Table(const Table&) = delete;
    Table& operator=(const Table&) = delete;
    uint32_t u16(unsigned at) const { return at + 2 <= size_ ? (data_[at] << 8) | data_[at + 1] : 0; }
    int16_t s16(unsigned at) const { return static_cast<int16_t>(u16(at)); }
    int32_t s32(unsigned at) const { return static_cast<int32_t>((u16(at) << 16) | u16(at + 2)); }

private:
    hb_blob_t* blob_;
    const unsigned char* data_ = nullptr;
    unsigned size_ = 0;
};

}  // namespace

std::string subset_font(const std::string& path, const std::set<char32_t>& code_points, SubsetFor purpose,
                        std::string& error) {
    FileFace file(path);
    if (!file.face || hb_face_get_glyph_count(file.face) == 0) {
        error = "cannot read font file";
        return {};
    }
    std::string result = subset_face(file.face, code_points, purpose);
    if (result.empty()) error = "HarfBuzz could not subset the font";
    return result;
}

std::optional<int> pdf_advance(const std::string& path, char32_t cp) {
    FileFace file(path);
    if (!file.face || hb_face_get_glyph_count(file.face) == 0) return std::nullopt;
    const int upem = static_cast<int>(hb_face_get_upem(file.face));
    if (upem <= 0) return std::nullopt;
    hb_font_t* font = hb_font_create(file.face);
    hb_codepoint_t gid = 0;
    // pdf_font_program's rule: a code point the face lacks is as wide as .notdef.
    const bool has = hb_font_get_nominal_glyph(font, cp, &gid) && gid != 0;
    const int width = glyph_advance(font, has ? gid : 0, upem);
    hb_font_destroy(font);
    return width;
}

std::optional<PdfFontProgram> pdf_font_program(const std::string& path, const std::set<char32_t>& code_points,
                                               std::string& error) {
    FileFace file(path);
    if (!file.face || hb_face_get_glyph_count(file.face) == 0) {
        error = "cannot read font file";
        return std::nullopt;
    }
    PdfFontProgram p;
    p.bytes = subset_face(file.face, code_points, SubsetFor::Pdf);
    if (p.bytes.empty()) {
        error = "HarfBuzz could not subset the font";
        return std::nullopt;
    }
    hb_font_t* font = hb_font_create(file.face);
    const int upem = static_cast<int>(hb_face_get_upem(file.face));
    if (upem <= 0) {
        hb_font_destroy(font);
        error = "the font has an invalid units-per-em";
        return std::nullopt;
    }
    hb_blob_t* sub_blob = hb_blob_create(p.bytes.data(), static_cast<unsigned>(p.bytes.size()),
                                         HB_MEMORY_MODE_READONLY, nullptr, nullptr);
    hb_face_t* sub_face = hb_face_create(sub_blob, 0);
    hb_font_t* sub = hb_font_create(sub_face);
    p.default_width = glyph_advance(font, 0, upem);
    for (char32_t cp : code_points) {
        hb_codepoint_t gid = 0, sub_gid = 0;
        // The width rule of Font::advance: a code point the face lacks is
        // as wide as .notdef.
        const bool has = hb_font_get_nominal_glyph(font, cp, &gid) && gid != 0;
        if (has) hb_font_get_nominal_glyph(sub, cp, &sub_gid);
        p.glyphs.push_back({cp, static_cast<uint16_t>(sub_gid), has ? glyph_advance(font, gid, upem) : p.default_width});
    }
    hb_font_destroy(sub);
    hb_face_destroy(sub_face);
    hb_blob_destroy(sub_blob);

    p.postscript_name = name_entry(file.face, HB_OT_NAME_ID_POSTSCRIPT_NAME);
    const VerticalMetrics m = vertical_metrics(font, upem);
    p.ascent = m.ascender;
    p.descent = m.descender;
    p.cap_height = m.cap_height;
    p.x_height = m.x_height;
    hb_font_destroy(font);
    const Table head(file.face, "head"), post(file.face, "post"), os2(file.face, "OS/2");
    for (int i = 0; i < 4; ++i) p.bbox[static_cast<size_t>(i)] = to_thousandths(head.s16(36 + 2 * i), upem);
    p.italic_angle = post.s32(4) / 65536.0;
    p.fixed_pitch = post.s32(12) != 0;
    if (uint32_t w = os2.u16(4)) p.weight_class = static_cast<int>(w);
    return p;
}

}  // namespace bb::text
