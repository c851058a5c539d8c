#pragma once
// PNG files made byte by byte in tests: a big-endian number and a chunk with
// its CRC (PNG 1.2 §5.3), shared by the manuscript's image check tests and
// the PDF's PNG tests.
#include <zlib.h>

#include <cstdint>
#include <string>

namespace bb::test_png {

inline void put32(std::string& s, uint32_t v) {
    for (int shift = 24; shift >= 0; shift -= 8) s += static_cast<char>((v >> shift) & 0xFF);
}

/// Appends chunk `type` holding `data` to `png`.
inline void chunk(std::string& png, const std::string& type, const std::string& data) {
    put32(png, static_cast<uint32_t>(data.size()));
    std::string body = type + data;
    png += body;
    put32(png, static_cast<uint32_t>(crc32(0, reinterpret_cast<const Bytef*>(body.data()), static_cast<uInt>(body.size()))));
}

}  // namespace bb::test_png
