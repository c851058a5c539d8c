#include "pdf/png_direct.h"

#include <hpdf_objects.h>

#include <cstring>

#include "base/big_endian.h"
#include "pdf/haru_fixes.h"

namespace bb::pdf {

namespace {

using base::be32;

enum Colour { kGrey = 0, kRgb = 2, kPalette = 3 };

}  // namespace

std::optional<DirectPng> direct_png(std::string_view b) {
    if (b.size() < 8 + 25 || std::memcmp(b.data(), "\x89PNG\r\n\x1a\n", 8) != 0) return std::nullopt;
    DirectPng png;
    int colour = -1;
    bool ended = false;
    for (size_t i = 8; i + 12 <= b.size() && !ended; ) {
        const uint32_t len = be32(b, i);
        if (len > b.size() - i - 12) return std::nullopt;
        const std::string_view type = b.substr(i + 4, 4), body = b.substr(i + 8, len);
        if (type == "IHDR") {
            if (len != 13) return std::nullopt;
            png.width = be32(body, 0);
            png.height = be32(body, 4);
            png.depth = static_cast<unsigned char>(body[8]);
            colour = static_cast<unsigned char>(body[9]);
            const bool interlaced = body[12] != 0;
            if (interlaced || png.depth > 8 || (colour != kGrey && colour != kRgb && colour != kPalette) ||
                (colour == kRgb && png.depth != 8))
                return std::nullopt;
            png.colors = colour == kRgb ? 3 : 1;
        } else if (type == "PLTE") {
            png.palette = std::string(body);
        } else if (type == "tRNS") {
            return std::nullopt;  // transparency: an SMask, libharu's path
        } else if (type == "IDAT") {
            png.data.append(body);
        } else if (type == "IEND") {
            ended = true;
        }
        i += 12 + len;
    }
    if (colour < 0 || !ended || png.data.empty() || png.width == 0 || png.height == 0) return std::nullopt;
    if (colour == kPalette && (png.palette.empty() || png.palette.size() % 3 != 0 || png.palette.size() > 3 * 256))
        return std::nullopt;
    if (colour != kPalette) png.palette.clear();  // a suggested palette of an RGB image
    return png;
}

HPDF_Image embed_direct_png(HPDF_Doc pdf, const DirectPng& png) {
    HPDF_MMgr mmgr = pdf->mmgr;
    HPDF_Dict image = HPDF_DictStream_New(mmgr, pdf->xref);
    HPDF_Dict parms = HPDF_Dict_New(mmgr);
    if (!image || !parms) return nullptr;
    image->header.obj_class |= HPDF_OSUBCLASS_XOBJECT;
    HPDF_STATUS ok = HPDF_Dict_AddName(image, "Type", "XObject");
    ok |= HPDF_Dict_AddName(image, "Subtype", "Image");
    ok |= HPDF_Dict_AddNumber(image, "Width", static_cast<HPDF_INT32>(png.width));
    ok |= HPDF_Dict_AddNumber(image, "Height", static_cast<HPDF_INT32>(png.height));
    ok |= HPDF_Dict_AddNumber(image, "BitsPerComponent", png.depth);
    if (png.palette.empty()) {
        ok |= HPDF_Dict_AddName(image, "ColorSpace", png.colors == 3 ? "DeviceRGB" : "DeviceGray");
    } else {
        // [/Indexed /DeviceRGB hival <palette>]
        HPDF_Array space = HPDF_Array_New(mmgr);
        if (!space) return nullptr;
        ok |= HPDF_Dict_Add(image, "ColorSpace", space);
        ok |= HPDF_Array_AddName(space, "Indexed");
        ok |= HPDF_Array_AddName(space, "DeviceRGB");
        ok |= HPDF_Array_AddNumber(space, static_cast<HPDF_INT32>(png.palette.size() / 3 - 1));
        ok |= HPDF_Array_Add(space, HPDF_Binary_New(mmgr, reinterpret_cast<HPDF_BYTE*>(const_cast<char*>(png.palette.data())),
                                                    static_cast<HPDF_UINT>(png.palette.size())));
    }
    // Predictor 15: each row starts with its PNG filter type.
    ok |= HPDF_Dict_Add(image, "DecodeParms", parms);
    ok |= HPDF_Dict_AddNumber(parms, "Predictor", 15);
    ok |= HPDF_Dict_AddNumber(parms, "Colors", png.colors);
    ok |= HPDF_Dict_AddNumber(parms, "BitsPerComponent", png.depth);
    ok |= HPDF_Dict_AddNumber(parms, "Columns", static_cast<HPDF_INT32>(png.width));
    if (ok != HPDF_OK) return nullptr;
    set_deflated_data(image, png.data);
    return image;
}

}  // namespace bb::pdf
