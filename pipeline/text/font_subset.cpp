#include "text/font_subset.h"

#include <hb-subset.h>
#include <hb.h>

namespace bb::text {

std::string subset_font(const std::string& path, const std::set<char32_t>& code_points, SubsetFor purpose,
                        std::string& error) {
    hb_blob_t* blob = hb_blob_create_from_file_or_fail(path.c_str());
    if (!blob) {
        error = "cannot read font file";
        return {};
    }
    hb_face_t* face = hb_face_create(blob, 0);
    hb_blob_destroy(blob);
    std::string result;
    hb_subset_input_t* input = hb_subset_input_create_or_fail();
    if (input) {
        hb_set_t* unicodes = hb_subset_input_unicode_set(input);
        for (char32_t cp : code_points) hb_set_add(unicodes, cp);
        hb_set_t* drop = hb_subset_input_set(input, HB_SUBSET_SETS_DROP_TABLE_TAG);
        // Graphite and AAT tables are read by no reader of ours; a signature
        // is void once the font is changed.
        for (const char* tag : {"DSIG", "hdmx", "LTSH", "VDMX", "Feat", "Glat", "Gloc", "Silf", "Sill", "morx", "kerx"})
            hb_set_add(drop, hb_tag_from_string(tag, -1));
        // Layout tables are of no use to libharu (it places glyphs by its own
        // /W widths); reading systems need them for kerning.
        if (purpose == SubsetFor::Pdf)
            for (const char* tag : {"GSUB", "GPOS", "GDEF", "kern"}) hb_set_add(drop, hb_tag_from_string(tag, -1));
        hb_face_t* sub = hb_subset_or_fail(face, input);
        if (sub) {
            hb_blob_t* out = hb_face_reference_blob(sub);
            unsigned len = 0;
            const char* data = hb_blob_get_data(out, &len);
            if (data && len) result.assign(data, len);
            hb_blob_destroy(out);
            hb_face_destroy(sub);
        }
        hb_subset_input_destroy(input);
    }
    hb_face_destroy(face);
    if (result.empty()) error = "HarfBuzz could not subset the font";
    return result;
}

}  // namespace bb::text
