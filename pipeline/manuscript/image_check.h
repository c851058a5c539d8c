#pragma once
/// The content of a figure's image file: is it really the PNG or JPEG its
/// extension says, complete, and something the writers can embed? libharu
/// aborts the whole process on a PNG that libpng rejects (a truncated file, a
/// bad CRC, corrupt compressed data) and embeds a truncated JPEG as is, so
/// every image is checked here, once, before any writer sees it.
#include <string>
#include <string_view>

namespace bb::manuscript {

/// What the file's bytes are.
enum class ImageType { Png, Jpeg, Other };

/// The type the bytes start with (signature only).
ImageType sniff_image(std::string_view bytes);

/// Checks a whole image file: `png_expected` is what the extension says. Returns
/// "" when the file is a complete, embeddable image of that type, else a
/// message saying what is wrong ("truncated PNG (no IEND chunk)", "a JPEG
/// image named .png", ...). PNG: signature, chunk lengths and CRCs, IHDR
/// values libpng accepts, no interlacing (libharu cannot read it), PLTE for
/// palette images, and the IDAT stream inflates to exactly the rows the header
/// promises with valid filter bytes; at most kMaxPixels pixels. JPEG: SOI,
/// well-formed segments up to the scan, a baseline/progressive frame with 1, 3
/// or 4 components, and an EOI marker after the scan.
std::string check_image_bytes(std::string_view bytes, bool png_expected);

/// Largest image accepted (width × height): 100 megapixels, far beyond
/// what a page can show, and small enough that decoding is bounded.
inline constexpr unsigned long long kMaxPixels = 100'000'000ULL;

}  // namespace bb::manuscript
