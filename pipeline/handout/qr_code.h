#pragma once
/// QR codes for practitioners' URLs on handouts (libqrencode, ISO/IEC 18004),
/// drawn as filled squares in the page model so any PDF viewer or printer
/// shows them sharply at any scale.
#include <optional>
#include <string>
#include <vector>

#include "typeset/paged_doc.h"

namespace bb::handout {

/// The module matrix of a QR code: `size` x `size`, row-major, true = dark.
struct QrMatrix {
    int size = 0;
    std::vector<bool> dark;
    bool at(int x, int y) const { return dark[static_cast<size_t>(y * size + x)]; }
};

/// Encodes `data` byte for byte (error correction level M); nullopt when it
/// does not fit in a QR code.
std::optional<QrMatrix> encode_qr(const std::string& data);

/// Filled rectangles drawing `qr` with its top-left corner at (x, y), `side`
/// points wide including the 4-module quiet zone the standard asks for.
/// Horizontal runs of dark modules are merged into one rectangle each.
std::vector<typeset::Rect> qr_rects(const QrMatrix& qr, double x, double y, double side,
                                    typeset::Rgb color = {});

}  // namespace bb::handout
