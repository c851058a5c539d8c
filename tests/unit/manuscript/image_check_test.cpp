// Image files that lie about what they are, are truncated or damaged: the
// loader must refuse them (libharu aborts the process on a PNG libpng
// rejects, and embeds a truncated JPEG as it is).
#include "manuscript/image_check.h"

#include <gtest/gtest.h>
#include <zlib.h>

#include <string>

#include "base/atomic_file.h"
#include "../png_chunks.h"

namespace bb::manuscript::test {
namespace {

using test_png::chunk;
using test_png::put32;

std::string fixture(const std::string& rel) {
    std::string bytes;
    EXPECT_TRUE(base::read_file(std::string(BB_SOURCE_DIR) + "/" + rel, bytes)) << rel;
    return bytes;
}

/// A grey 8-bit PNG of w × h pixels whose raw (filtered) rows are `raw`.
std::string make_png(uint32_t w, uint32_t h, const std::string& raw, char interlace = 0) {
    std::string png = "\x89PNG\r\n\x1a\n";
    std::string ihdr;
    put32(ihdr, w);
    put32(ihdr, h);
    ihdr += std::string{'\x08', '\x00', '\x00', '\x00', interlace};
    chunk(png, "IHDR", ihdr);
    uLongf len = compressBound(raw.size());
    std::string z(len, '\0');
    compress(reinterpret_cast<Bytef*>(z.data()), &len, reinterpret_cast<const Bytef*>(raw.data()), raw.size());
    z.resize(len);
    chunk(png, "IDAT", z);
    chunk(png, "IEND", "");
    return png;
}

std::string rows(uint32_t w, uint32_t h, char filter = 0) {
    std::string raw;
    for (uint32_t y = 0; y < h; ++y) raw += filter + std::string(w, static_cast<char>(y * 7));
    return raw;
}

TEST(ImageCheck, TheFixturesAreGoodImages) {
    EXPECT_EQ(check_image_bytes(fixture("tests/fixtures/full/images/cycle.png"), true), "");
    EXPECT_EQ(check_image_bytes(fixture("tests/unit/epub/images/pixel.png"), true), "");
    EXPECT_EQ(check_image_bytes(fixture("tests/fixtures/epub-edge/images/two boxes.jpg"), false), "");
    EXPECT_EQ(check_image_bytes(make_png(30, 20, rows(30, 20)), true), "");
}

TEST(ImageCheck, EveryTruncationIsRefused) {
    for (const std::string& png : {fixture("tests/fixtures/full/images/cycle.png"), make_png(64, 64, rows(64, 64))})
        for (size_t n = 0; n < png.size(); ++n) EXPECT_NE(check_image_bytes(png.substr(0, n), true), "") << n;
    std::string jpeg = fixture("tests/fixtures/epub-edge/images/two boxes.jpg");
    for (size_t n = 0; n + 2 <= jpeg.size(); ++n) EXPECT_NE(check_image_bytes(jpeg.substr(0, n), false), "") << n;
}

TEST(ImageCheck, EveryFlippedPngByteIsRefused) {
    // Each chunk has a CRC, so one changed byte anywhere after the signature
    // is caught before libpng could see it.
    std::string png = make_png(16, 16, rows(16, 16));
    for (size_t i = 0; i < png.size(); ++i) {
        std::string bad = png;
        bad[i] = static_cast<char>(bad[i] ^ 0x21);
        EXPECT_NE(check_image_bytes(bad, true), "") << i;
    }
}

TEST(ImageCheck, LiesAboutTheTypeAreRefused) {
    std::string png = make_png(4, 4, rows(4, 4));
    std::string jpeg = fixture("tests/fixtures/epub-edge/images/two boxes.jpg");
    EXPECT_NE(check_image_bytes(png, false).find("a PNG image named as a JPEG"), std::string::npos);
    EXPECT_NE(check_image_bytes(jpeg, true).find("a JPEG image named as a PNG"), std::string::npos);
    EXPECT_NE(check_image_bytes("GIF89a....", true).find("not a PNG image"), std::string::npos);
    EXPECT_NE(check_image_bytes("<svg/>", false).find("not a JPEG image"), std::string::npos);
    EXPECT_NE(check_image_bytes("", true).find("empty"), std::string::npos);
}

TEST(ImageCheck, DataThatDoesNotMatchTheHeaderIsRefused) {
    // Valid CRCs, but the pixels inside are wrong: libpng would abort on these.
    EXPECT_NE(check_image_bytes(make_png(8, 8, rows(8, 7)), true).find("truncated PNG image data"),
              std::string::npos);
    EXPECT_NE(check_image_bytes(make_png(8, 8, rows(8, 9)), true).find("more PNG image data"), std::string::npos);
    EXPECT_NE(check_image_bytes(make_png(8, 8, rows(8, 8, 9)), true).find("bad PNG row filter 9"),
              std::string::npos);
    EXPECT_NE(check_image_bytes(make_png(8, 8, rows(8, 8), 1), true).find("interlaced"), std::string::npos);
    EXPECT_NE(check_image_bytes(make_png(0, 8, ""), true).find("zero"), std::string::npos);
    // A decompression bomb: the header promises 40,000 × 40,000 pixels.
    EXPECT_NE(check_image_bytes(make_png(40000, 40000, "x"), true).find("million pixels"), std::string::npos);
}

}  // namespace
}  // namespace bb::manuscript::test
