#include "handout/qr_code.h"

#include <qrencode.h>

namespace bb::handout {

std::optional<QrMatrix> encode_qr(const std::string& data) {
    QRcode* code = QRcode_encodeData(static_cast<int>(data.size()),
                                     reinterpret_cast<const unsigned char*>(data.data()), 0, QR_ECLEVEL_M);
    if (!code) return std::nullopt;
    QrMatrix m;
    m.size = code->width;
    m.dark.resize(static_cast<size_t>(m.size) * static_cast<size_t>(m.size));
    for (size_t i = 0; i < m.dark.size(); ++i) m.dark[i] = code->data[i] & 1;
    QRcode_free(code);
    return m;
}

std::vector<typeset::Rect> qr_rects(const QrMatrix& qr, double x, double y, double side, typeset::Rgb color) {
    constexpr int kQuiet = 4;
    const double module = side / (qr.size + 2 * kQuiet);
    const double x0 = x + kQuiet * module, y0 = y + kQuiet * module;
    std::vector<typeset::Rect> out;
    for (int row = 0; row < qr.size; ++row)
        for (int col = 0; col < qr.size;) {
            if (!qr.at(col, row)) { ++col; continue; }
            int end = col;
            while (end < qr.size && qr.at(end, row)) ++end;
            out.push_back({x0 + col * module, y0 + row * module, (end - col) * module, module, color});
            col = end;
        }
    return out;
}

}  // namespace bb::handout
