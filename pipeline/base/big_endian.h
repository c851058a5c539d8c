#pragma once
/// Big-endian numbers in file bytes (PNG chunks, JPEG segments), read by
/// the manuscript's image check, the layout's image size and the PDF's
/// PNG embedding.
#include <cstdint>
#include <string_view>

namespace bb::base {

/// The 16-bit number at byte `at` of `b` (which must hold two bytes there).
inline unsigned be16(std::string_view b, size_t at) {
    return (unsigned{static_cast<unsigned char>(b[at])} << 8) | static_cast<unsigned char>(b[at + 1]);
}

/// The 32-bit number at byte `at` of `b` (which must hold four bytes there).
inline uint32_t be32(std::string_view b, size_t at) { return (uint32_t{be16(b, at)} << 16) | be16(b, at + 2); }

}  // namespace bb::base
