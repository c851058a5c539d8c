// The figure's pixel size, read from the file's header only.
#include "typeset/image_size.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "base/atomic_file.h"

namespace bb::typeset {
namespace {

std::string fixture(const std::string& rel) {
    std::string bytes;
    EXPECT_TRUE(base::read_file(std::string(BB_SOURCE_DIR) + "/" + rel, bytes)) << rel;
    return bytes;
}

/// The size read from a file of these bytes (its own file: ctest runs the
/// cases of this suite at the same time).
std::optional<PixelSize> size_of_bytes(const std::string& bytes) {
    std::string path = (std::filesystem::path(testing::TempDir()) / "bb-image-size-XXXXXX").string();
    int fd = mkstemp(path.data());
    EXPECT_GE(fd, 0);
    close(fd);
    std::ofstream(path, std::ios::binary) << bytes;
    std::optional<PixelSize> size = image_size(path);
    std::remove(path.c_str());
    return size;
}

TEST(ImageSize, PngFromItsHeader) {
    auto s = image_size(std::string(BB_SOURCE_DIR) + "/tests/fixtures/full/images/cycle.png");
    ASSERT_TRUE(s);
    EXPECT_EQ(s->width, 8);
    EXPECT_EQ(s->height, 4);
}

TEST(ImageSize, JpegFromItsFrameHeader) {
    auto s = image_size(std::string(BB_SOURCE_DIR) + "/tests/fixtures/epub-edge/images/two boxes.jpg");
    ASSERT_TRUE(s);
    EXPECT_EQ(s->width, 240);
    EXPECT_EQ(s->height, 120);
}

// Cameras put EXIF and ICC segments of tens of KB before the frame header:
// the walk seeks over them.
TEST(ImageSize, JpegFrameHeaderAfterLargeSegments) {
    std::string jpeg = fixture("tests/fixtures/epub-edge/images/two boxes.jpg");
    std::string app;
    for (int k = 0; k < 3; ++k) {
        std::string body(60000, static_cast<char>('a' + k));
        app += std::string("\xFF\xE1", 2) + static_cast<char>((body.size() + 2) >> 8) +
               static_cast<char>((body.size() + 2) & 0xFF) + body;
    }
    auto s = size_of_bytes(jpeg.substr(0, 2) + app + jpeg.substr(2));
    ASSERT_TRUE(s);
    EXPECT_EQ(s->width, 240);
    EXPECT_EQ(s->height, 120);
}

TEST(ImageSize, NotAnImageOrCutShortHasNoSize) {
    std::string png = fixture("tests/fixtures/full/images/cycle.png");
    std::string jpeg = fixture("tests/fixtures/epub-edge/images/two boxes.jpg");
    EXPECT_FALSE(size_of_bytes("just some text, long enough to be read as a header"));
    EXPECT_FALSE(size_of_bytes(""));
    EXPECT_FALSE(size_of_bytes(png.substr(0, 20)));
    EXPECT_FALSE(size_of_bytes(jpeg.substr(0, 20)));
    std::string zero_width = png;
    zero_width.replace(16, 4, std::string(4, '\0'));
    EXPECT_FALSE(size_of_bytes(zero_width));
    EXPECT_FALSE(image_size(std::string(BB_SOURCE_DIR) + "/no/such/file.png"));
}

}  // namespace
}  // namespace bb::typeset
