// The libdeflate adapter: what it makes inflates back with zlib (as PDF
// readers and ZIP readers do), in both formats, and its CRC-32 is the
// standard one.
#include "base/deflate.h"

#include <gtest/gtest.h>
#include <zlib.h>

#include <thread>

namespace bb::base {
namespace {

std::string sample() {
    std::string s;
    for (int i = 0; i < 5000; ++i) s += "BT /F1 10 Tf 56.7 " + std::to_string(700 - i % 600) + " Td [(word)-250(word)] TJ ET\n";
    return s;
}

std::string inflate(const std::string& packed, bool raw, size_t size) {
    z_stream z{};
    EXPECT_EQ(inflateInit2(&z, raw ? -MAX_WBITS : MAX_WBITS), Z_OK);
    std::string out(size + 16, '\0');
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(packed.data()));
    z.avail_in = static_cast<uInt>(packed.size());
    z.next_out = reinterpret_cast<Bytef*>(out.data());
    z.avail_out = static_cast<uInt>(out.size());
    EXPECT_EQ(inflate(&z, Z_FINISH), Z_STREAM_END);
    out.resize(z.total_out);
    inflateEnd(&z);
    return out;
}

TEST(Deflate, ZlibInflatesBothFormatsBackAtEveryLevel) {
    const std::string in = sample();
    for (int level : {1, 6, 12}) {
        Deflater d(level);
        ASSERT_TRUE(d.ok());
        std::string zlib, raw;
        ASSERT_TRUE(d.compress(in, Deflater::Format::Zlib, zlib));
        ASSERT_TRUE(d.compress(in, Deflater::Format::Raw, raw));
        EXPECT_LT(zlib.size(), in.size() / 5) << level;
        EXPECT_EQ(zlib.size(), raw.size() + 6);  // 2-byte header, 4-byte Adler-32
        EXPECT_EQ(inflate(zlib, false, in.size()), in) << level;
        EXPECT_EQ(inflate(raw, true, in.size()), in) << level;
    }
}

TEST(Deflate, EmptyInputIsAValidStream) {
    std::string out = "old";
    ASSERT_TRUE(Deflater(1).compress("", Deflater::Format::Zlib, out));
    EXPECT_EQ(inflate(out, false, 0), "");
}

TEST(Deflate, EachThreadHasItsOwnCompressorWithTheSameOutput) {
    const std::string in = sample();
    std::string here, there;
    ASSERT_TRUE(thread_deflater(1).compress(in, Deflater::Format::Zlib, here));
    Deflater* other = nullptr;
    std::thread t([&] {
        other = &thread_deflater(1);
        EXPECT_TRUE(other->compress(in, Deflater::Format::Zlib, there));
    });
    t.join();
    EXPECT_NE(other, &thread_deflater(1));
    EXPECT_EQ(&thread_deflater(1), &thread_deflater(1));
    EXPECT_EQ(here, there);
}

TEST(Deflate, Crc32IsTheStandardOne) {
    EXPECT_EQ(crc32("123456789"), 0xCBF43926u);  // the check value of CRC-32/ISO-HDLC
    EXPECT_EQ(crc32(""), 0u);
    const std::string in = sample();
    EXPECT_EQ(crc32(in), static_cast<uint32_t>(::crc32(0, reinterpret_cast<const Bytef*>(in.data()),
                                                        static_cast<uInt>(in.size()))));
}

}  // namespace
}  // namespace bb::base
