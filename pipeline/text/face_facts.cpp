#include "text/face_facts.h"

#include <hb-ot.h>

#include <algorithm>
#include <cstdint>

namespace bb::text {

int to_thousandths(hb_position_t font_units, int upem) {
    if (font_units < 0) return -static_cast<int>(static_cast<uint32_t>(-font_units) * 1000u / upem);
    return static_cast<int>(static_cast<uint32_t>(font_units) * 1000u / static_cast<uint32_t>(upem));
}

std::string name_entry(hb_face_t* face, hb_ot_name_id_t id) {
    unsigned len = 0;
    len = hb_ot_name_get_utf8(face, id, hb_language_from_string("en", -1), &len, nullptr);
    if (len == 0) {
        unsigned l2 = 0;
        len = hb_ot_name_get_utf8(face, id, HB_LANGUAGE_INVALID, &l2, nullptr);
    }
    if (len == 0) return {};
    std::string out(len + 1, '\0');
    unsigned size = len + 1;
    if (hb_ot_name_get_utf8(face, id, hb_language_from_string("en", -1), &size, out.data()) == 0) {
        size = len + 1;
        hb_ot_name_get_utf8(face, id, HB_LANGUAGE_INVALID, &size, out.data());
    }
    out.resize(size);
    return out;
}

VerticalMetrics vertical_metrics(hb_font_t* font, int upem) {
    VerticalMetrics m;
    hb_font_extents_t ext{};
    hb_font_get_h_extents(font, &ext);
    m.ascender = to_thousandths(ext.ascender, upem);
    m.descender = to_thousandths(ext.descender, upem);
    m.line_gap = to_thousandths(ext.line_gap, upem);
    hb_position_t pos = 0;
    if (hb_ot_metrics_get_position(font, HB_OT_METRICS_TAG_CAP_HEIGHT, &pos)) m.cap_height = to_thousandths(pos, upem);
    if (hb_ot_metrics_get_position(font, HB_OT_METRICS_TAG_X_HEIGHT, &pos)) m.x_height = to_thousandths(pos, upem);
    return m;
}

int widest_advance(hb_face_t* face, int upem) {
    auto u16 = [](const char* p) {  // big-endian, as every OpenType table
        return static_cast<unsigned>(static_cast<uint8_t>(p[0])) << 8 | static_cast<uint8_t>(p[1]);
    };
    hb_blob_t* hhea = hb_face_reference_table(face, HB_TAG('h', 'h', 'e', 'a'));
    hb_blob_t* hmtx = hb_face_reference_table(face, HB_TAG('h', 'm', 't', 'x'));
    unsigned hhea_len = 0, hmtx_len = 0;
    const char* h = hb_blob_get_data(hhea, &hhea_len);
    const char* m = hb_blob_get_data(hmtx, &hmtx_len);
    int widest = -1;
    if (h && m && hhea_len >= 36) {
        const unsigned metrics = u16(h + 34);  // numberOfHMetrics: the glyphs after repeat the last advance
        if (metrics > 0 && hmtx_len >= 4u * metrics) {
            unsigned most = 0;
            for (unsigned g = 0; g < metrics; ++g) most = std::max(most, u16(m + 4 * g));
            widest = to_thousandths(static_cast<hb_position_t>(most), upem);
        }
    }
    hb_blob_destroy(hmtx);
    hb_blob_destroy(hhea);
    return widest;
}

int glyph_advance(hb_font_t* font, hb_codepoint_t gid, int upem) {
    return to_thousandths(hb_font_get_glyph_h_advance(font, gid), upem);
}

}  // namespace bb::text
