// PNG rows embedded as they are: which PNGs qualify, and that a reader
// (poppler's pdfimages) decodes the PDF's image to the PNG's pixels for
// every row filter, bit depth and colour type taken this way.
#include "pdf/png_direct.h"

#include <gtest/gtest.h>
#include <unistd.h>
#include <zlib.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "base/atomic_file.h"
#include "pdf/write.h"
#include "run_tool.h"
#include "../png_chunks.h"

namespace bb::pdf {
namespace {

using test_png::chunk;
using test_png::put32;

/// One sample per byte, before packing: `samples[y][x * colors + c]`.
using Samples = std::vector<std::vector<unsigned>>;

unsigned paeth(int a, int b, int c) {
    int p = a + b - c, pa = std::abs(p - a), pb = std::abs(p - b), pc = std::abs(p - c);
    return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

/// A PNG of these samples, row y filtered with filter y % 5 (None, Sub, Up,
/// Average, Paeth), as encoders choose per row. `extra` chunks go before
/// the image data.
std::string make_png(uint32_t w, const Samples& rows, int depth, int colour, int colors,
                     const std::string& extra = "", int interlace = 0) {
    std::string png = "\x89PNG\r\n\x1a\n", ihdr;
    put32(ihdr, w);
    put32(ihdr, static_cast<uint32_t>(rows.size()));
    ihdr += std::string{static_cast<char>(depth), static_cast<char>(colour), 0, 0, static_cast<char>(interlace)};
    chunk(png, "IHDR", ihdr);
    png += extra;
    const size_t bpp = std::max(1, depth * colors / 8), row_bytes = (w * colors * depth + 7) / 8;
    std::string raw, prior(row_bytes, '\0');
    for (size_t y = 0; y < rows.size(); ++y) {
        std::string packed(row_bytes, '\0');
        for (size_t i = 0; i < rows[y].size(); ++i) {
            if (depth == 16) {  // big-endian pairs
                packed[2 * i] = static_cast<char>(rows[y][i] >> 8);
                packed[2 * i + 1] = static_cast<char>(rows[y][i] & 0xFF);
                continue;
            }
            size_t bit = i * depth;
            packed[bit / 8] = static_cast<char>(packed[bit / 8] | (rows[y][i] << (8 - depth - bit % 8)));
        }
        const int filter = static_cast<int>(y % 5);
        raw += static_cast<char>(filter);
        for (size_t i = 0; i < row_bytes; ++i) {
            int x = static_cast<unsigned char>(packed[i]);
            int a = i >= bpp ? static_cast<unsigned char>(packed[i - bpp]) : 0;
            int b = static_cast<unsigned char>(prior[i]);
            int c = i >= bpp ? static_cast<unsigned char>(prior[i - bpp]) : 0;
            int pred = filter == 1 ? a : filter == 2 ? b : filter == 3 ? (a + b) / 2 : filter == 4 ? static_cast<int>(paeth(a, b, c)) : 0;
            raw += static_cast<char>((x - pred) & 0xFF);
        }
        prior = packed;
    }
    uLongf len = compressBound(raw.size());
    std::string z(len, '\0');
    compress(reinterpret_cast<Bytef*>(z.data()), &len, reinterpret_cast<const Bytef*>(raw.data()), raw.size());
    z.resize(len);
    chunk(png, "IDAT", z.substr(0, z.size() / 2));  // image data in two chunks, as big files have
    chunk(png, "IDAT", z.substr(z.size() / 2));
    chunk(png, "IEND", "");
    return png;
}

Samples pattern(uint32_t w, uint32_t h, int colors, unsigned max) {
    Samples rows(h);
    for (uint32_t y = 0; y < h; ++y)
        for (uint32_t x = 0; x < w * colors; ++x) rows[y].push_back((x * 37 + y * 91 + x * y * 13) % (max + 1));
    return rows;
}

/// Writes a one-page PDF showing `png` and returns the pixels pdfimages
/// decodes from its image `image_index` (1: the soft mask of an image with
/// alpha) as RGB bytes ("" on failure); `header` is its PNM header.
std::string decoded_by_poppler(const std::string& png, std::string& header, int image_index = 0,
                               size_t* pdf_bytes = nullptr) {
    char dir_tmpl[] = "/tmp/bb-png-direct-XXXXXX";
    std::string dir = mkdtemp(dir_tmpl);
    const std::string image = dir + "/image.png", pdf = dir + "/out.pdf";
    std::ofstream(image, std::ios::binary) << png;
    typeset::PagedDoc doc;
    typeset::Page page;
    page.width = 200;
    page.height = 200;
    page.items.push_back(typeset::Image{image, 10, 10, 100, 100});
    doc.pages.push_back(page);
    base::Sink sink;
    std::string pixels;
    if (pdf::write(doc, pdf::PdfInfo{}, pdf, sink)) {
        test::run("pdfimages " + pdf + " " + dir + "/img");
        std::string pnm, written;
        if (pdf_bytes && base::read_file(pdf, written)) *pdf_bytes = written.size();
        for (const char* ext : {"ppm", "pgm"})
            if (base::read_file(dir + "/img-00" + std::to_string(image_index) + "." + ext, pnm)) break;
        // "P6\nW H\n255\n" then the samples
        size_t at = 0;
        for (int fields = 0; fields < 4 && at < pnm.size(); ++fields) at = pnm.find_first_of(" \n", at) + 1;
        header = pnm.substr(0, at);
        pixels = pnm.substr(at);
        if (header.rfind("P5", 0) == 0) {  // grey: as RGB, as poppler writes it elsewhere
            std::string rgb;
            for (char v : pixels) rgb += std::string(3, v);
            pixels = rgb;
            header[1] = '6';
        }
    }
    test::run("rm -rf " + dir);
    return pixels;
}

/// The samples as RGB bytes: grey ones three times, scaled to 0-255.
std::string rgb_of(const Samples& rows, unsigned scale, int colors) {
    std::string out;
    for (const auto& r : rows)
        for (unsigned v : r) out += std::string(colors == 1 ? 3 : 1, static_cast<char>(v * scale));
    return out;
}

TEST(DirectPng, GreyRgbAndPaletteAreTakenAsTheyAre) {
    const Samples grey = pattern(5, 4, 1, 255), rgb = pattern(5, 4, 3, 255);
    auto g = direct_png(make_png(5, grey, 8, 0, 1));
    ASSERT_TRUE(g);
    EXPECT_EQ(g->colors, 1);
    EXPECT_EQ(g->depth, 8);
    EXPECT_TRUE(g->palette.empty());
    auto c = direct_png(make_png(5, rgb, 8, 2, 3));
    ASSERT_TRUE(c);
    EXPECT_EQ(c->colors, 3);
    std::string plte;
    for (int i = 0; i < 16; ++i) plte += std::string{static_cast<char>(i * 16), static_cast<char>(255 - i), 7};
    std::string extra;
    chunk(extra, "PLTE", plte);
    auto p = direct_png(make_png(5, pattern(5, 4, 1, 15), 4, 3, 1, extra));
    ASSERT_TRUE(p);
    EXPECT_EQ(p->palette, plte);
    EXPECT_EQ(p->depth, 4);
}

TEST(DirectPng, AlphaTransparency16BitAndInterlacedGoThroughLibharu) {
    EXPECT_FALSE(direct_png(make_png(5, pattern(5, 4, 4, 255), 8, 6, 4)));      // RGBA
    EXPECT_FALSE(direct_png(make_png(5, pattern(5, 4, 2, 255), 8, 4, 2)));      // grey + alpha
    EXPECT_FALSE(direct_png(make_png(5, pattern(5, 4, 1, 65535), 16, 0, 1)));   // 16-bit grey
    EXPECT_FALSE(direct_png(make_png(5, pattern(5, 4, 1, 255), 8, 0, 1, "", 1)));  // interlaced
    std::string trns;
    chunk(trns, "tRNS", std::string("\0\x10", 2));
    EXPECT_FALSE(direct_png(make_png(5, pattern(5, 4, 1, 255), 8, 0, 1, trns)));
    EXPECT_FALSE(direct_png("not a png at all, but long enough to be read as one"));
}

TEST(DirectPng, PopplerDecodesTheSamePixels) {
    std::string header;
    // 8-bit grey and RGB, every row filter.
    const Samples grey = pattern(23, 11, 1, 255), rgb = pattern(17, 10, 3, 255);
    EXPECT_EQ(decoded_by_poppler(make_png(23, grey, 8, 0, 1), header), rgb_of(grey, 1, 1));
    EXPECT_EQ(header, "P6\n23 11\n255\n");
    EXPECT_EQ(decoded_by_poppler(make_png(17, rgb, 8, 2, 3), header), rgb_of(rgb, 1, 3));
    EXPECT_EQ(header, "P6\n17 10\n255\n");
    // 4-bit grey: samples 0-15 read as 0-255 (x 17).
    const Samples grey4 = pattern(9, 6, 1, 15);
    EXPECT_EQ(decoded_by_poppler(make_png(9, grey4, 4, 0, 1), header), rgb_of(grey4, 17, 1));
    // A 2-bit palette: each index becomes its colour.
    const std::string plte = std::string("\x10\x20\x30\xF0\xE0\xD0\x00\xFF\x00\x80\x80\x80", 12);
    std::string extra;
    chunk(extra, "PLTE", plte);
    const Samples indices = pattern(13, 7, 1, 3);
    std::string colours;
    for (const auto& r : indices)
        for (unsigned i : r) colours += plte.substr(3 * i, 3);
    EXPECT_EQ(decoded_by_poppler(make_png(13, indices, 2, 3, 1, extra), header), colours);
    EXPECT_EQ(header, "P6\n13 7\n255\n");
}

// An RGBA PNG goes through libharu, which writes its alpha as a soft mask:
// deflated (libharu left it as it was, 4 bytes a pixel's worth here), and
// decoding to the PNG's alpha.
TEST(DirectPng, AlphaBecomesADeflatedSoftMask) {
    const uint32_t w = 160, h = 120;
    Samples rgba(h);
    std::string alpha;
    for (uint32_t y = 0; y < h; ++y)
        for (uint32_t x = 0; x < w; ++x) {
            const unsigned a = x < w / 2 ? 255 : 64;
            rgba[y].insert(rgba[y].end(), {100, 150, 200, a});  // one colour: the mask is most of the file
            alpha += std::string(3, static_cast<char>(a));
        }
    std::string header;
    size_t pdf_bytes = 0;
    EXPECT_EQ(decoded_by_poppler(make_png(w, rgba, 8, 6, 4), header, 1, &pdf_bytes), alpha);
    EXPECT_LT(pdf_bytes, size_t{w} * h / 2) << "the soft mask (" << w * h << " bytes) should be deflated";
}

}  // namespace
}  // namespace bb::pdf
