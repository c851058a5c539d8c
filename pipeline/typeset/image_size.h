#pragma once
/// Pixel size of a PNG or JPEG file, read from its header (no image library
/// in this stage: libharu, in pdf/, decodes the image itself).
#include <optional>
#include <string>

namespace bb::typeset {

struct PixelSize {
    int width = 0, height = 0;
};

/// The size of the PNG/JPEG at `path`, or nullopt when it is not one.
std::optional<PixelSize> image_size(const std::string& path);

}  // namespace bb::typeset
