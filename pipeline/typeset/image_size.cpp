#include "typeset/image_size.h"

#include <cstdio>
#include <cstring>
#include <memory>
#include <string_view>

#include "base/big_endian.h"

namespace bb::typeset {

namespace {

using base::be16;
using base::be32;

/// The bytes read into `buf` as a view for the big-endian readers.
template <size_t N>
std::string_view view(const unsigned char (&buf)[N]) {
    return {reinterpret_cast<const char*>(buf), N};
}

/// Reads `n` bytes at `offset`; false when the file is shorter. Only the
/// header is read: a figure's file can be megabytes, and the layout asks
/// for its size in every pass.
bool read_at(std::FILE* f, long offset, unsigned char* out, size_t n) {
    return std::fseek(f, offset, SEEK_SET) == 0 && std::fread(out, 1, n, f) == n;
}

std::optional<PixelSize> positive(unsigned width, unsigned height) {
    if (width == 0 || height == 0 || width > 0x7fffffff || height > 0x7fffffff) return std::nullopt;
    return PixelSize{static_cast<int>(width), static_cast<int>(height)};
}

// Walks the JPEG segments to the first start-of-frame (SOF0..SOF15 except
// DHT C4, JPG C8, DAC CC), which holds height then width.
std::optional<PixelSize> jpeg_size(std::FILE* f) {
    long i = 2;
    unsigned char s[9];
    while (read_at(f, i, s, 2)) {
        if (s[0] != 0xFF) return std::nullopt;
        unsigned char m = s[1];
        if (m == 0xFF) {
            ++i;
            continue;
        }
        if (m == 0xD8 || (m >= 0xD0 && m <= 0xD7)) {
            i += 2;
            continue;
        }
        if (!read_at(f, i, s, sizeof s)) return std::nullopt;
        if (m >= 0xC0 && m <= 0xCF && m != 0xC4 && m != 0xC8 && m != 0xCC) return positive(be16(view(s), 7), be16(view(s), 5));
        i += 2 + be16(view(s), 2);
    }
    return std::nullopt;
}

}  // namespace

std::optional<PixelSize> image_size(const std::string& path) {
    std::unique_ptr<std::FILE, int (*)(std::FILE*)> f(std::fopen(path.c_str(), "rb"), &std::fclose);
    if (!f) return std::nullopt;
    unsigned char h[24];
    size_t got = std::fread(h, 1, sizeof h, f.get());
    if (got == sizeof h && std::memcmp(h, "\x89PNG\r\n\x1a\n", 8) == 0 && std::memcmp(h + 12, "IHDR", 4) == 0)
        return positive(be32(view(h), 16), be32(view(h), 20));
    if (got < 4 || h[0] != 0xFF || h[1] != 0xD8) return std::nullopt;
    return jpeg_size(f.get());
}

}  // namespace bb::typeset
