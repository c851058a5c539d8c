#pragma once
/// PNG images whose compressed rows go into the PDF as they are. PDF's
/// FlateDecode filter with the PNG predictors (ISO 32000-1 §7.4.4.4) reads
/// a PNG's IDAT stream unchanged when each pixel is one grey, RGB or
/// palette value of at most 8 bits: no decoding, no re-compressing (libharu
/// inflates the rows with libpng and deflates the pixels again without a
/// predictor: for a 1600 x 1200 photo 0.35 s and a stream twice the size).
/// Alpha, transparency chunks and 16-bit samples still go through libharu.
#include <hpdf.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace bb::pdf {

struct DirectPng {
    uint32_t width = 0, height = 0;
    int depth = 8;        ///< bits per sample: 1, 2, 4 or 8
    int colors = 1;       ///< samples per pixel: 1 (grey, palette) or 3 (RGB)
    std::string palette;  ///< RGB triples, for a palette image; empty otherwise
    std::string data;     ///< the IDAT chunks joined: one zlib stream
};

/// The PNG in `bytes` as a DirectPng, or nullopt when PDF cannot take its
/// rows as they are (or it is not a well-formed PNG: the manuscript check
/// has refused those, image_check.h).
std::optional<DirectPng> direct_png(std::string_view bytes);

/// An image XObject of `png` in `pdf`; nullptr when libharu fails.
HPDF_Image embed_direct_png(HPDF_Doc pdf, const DirectPng& png);

}  // namespace bb::pdf
