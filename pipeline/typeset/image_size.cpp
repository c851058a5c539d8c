#include "typeset/image_size.h"

#include <cstring>

#include "base/atomic_file.h"

namespace bb::typeset {

namespace {
unsigned be16(const std::string& b, size_t i) {
    return (static_cast<unsigned char>(b[i]) << 8) | static_cast<unsigned char>(b[i + 1]);
}
unsigned be32(const std::string& b, size_t i) { return (be16(b, i) << 16) | be16(b, i + 2); }
}  // namespace

std::optional<PixelSize> image_size(const std::string& path) {
    std::string b;
    if (!base::read_file(path, b)) return std::nullopt;
    if (b.size() >= 24 && std::memcmp(b.data(), "\x89PNG\r\n\x1a\n", 8) == 0 && b.compare(12, 4, "IHDR") == 0) {
        PixelSize s{static_cast<int>(be32(b, 16)), static_cast<int>(be32(b, 20))};
        if (s.width > 0 && s.height > 0) return s;
        return std::nullopt;
    }
    if (b.size() < 4 || static_cast<unsigned char>(b[0]) != 0xFF || static_cast<unsigned char>(b[1]) != 0xD8)
        return std::nullopt;
    // Walk the JPEG segments to the first start-of-frame (SOF0..SOF15 except
    // DHT C4, JPG C8, DAC CC), which holds height then width.
    size_t i = 2;
    while (i + 9 < b.size()) {
        if (static_cast<unsigned char>(b[i]) != 0xFF) return std::nullopt;
        unsigned char m = static_cast<unsigned char>(b[i + 1]);
        if (m == 0xFF) {
            ++i;
            continue;
        }
        if (m >= 0xC0 && m <= 0xCF && m != 0xC4 && m != 0xC8 && m != 0xCC) {
            PixelSize s{static_cast<int>(be16(b, i + 7)), static_cast<int>(be16(b, i + 5))};
            if (s.width > 0 && s.height > 0) return s;
            return std::nullopt;
        }
        if (m == 0xD8 || (m >= 0xD0 && m <= 0xD7)) {
            i += 2;
            continue;
        }
        i += 2 + be16(b, i + 2);
    }
    return std::nullopt;
}

}  // namespace bb::typeset
