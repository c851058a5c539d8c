#include "manuscript/image_check.h"

#include <fmt/format.h>
#include <zlib.h>

#include <cstdint>
#include <cstring>
#include <memory>

#include "base/big_endian.h"

namespace bb::manuscript {

namespace {

const char kPngSignature[] = "\x89PNG\r\n\x1a\n";

using base::be16;
using base::be32;

bool is_letter(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }

/// Inflates the IDAT stream piece by piece without keeping the pixels: counts
/// the bytes and checks the filter byte that starts every row.
class IdatCheck {
public:
    IdatCheck(uint64_t row_bytes, uint64_t rows) : row_(row_bytes + 1), expected_(row_ * rows) {
        ok_ = inflateInit(&z_) == Z_OK;
    }
    ~IdatCheck() { inflateEnd(&z_); }
    IdatCheck(const IdatCheck&) = delete;
    IdatCheck& operator=(const IdatCheck&) = delete;

    /// Feeds one IDAT chunk's data; returns an error message or "".
    std::string feed(std::string_view data) {
        if (!ok_) return "cannot start decompressing the PNG data";
        if (ended_) return data.empty() ? "" : "compressed data after the end of the PNG image data";
        z_.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
        z_.avail_in = static_cast<uInt>(data.size());
        while (z_.avail_in > 0) {
            z_.next_out = buf_;
            z_.avail_out = sizeof buf_;
            int rc = inflate(&z_, Z_NO_FLUSH);
            if (rc != Z_OK && rc != Z_STREAM_END && rc != Z_BUF_ERROR)
                return fmt::format("corrupt compressed PNG data ({})", z_.msg ? z_.msg : "zlib error");
            size_t got = sizeof buf_ - z_.avail_out;
            // Only the first byte of each row is looked at (a photo is
            // megabytes of rows): the rows starting in what was just inflated.
            uint64_t end = produced_ + got;
            for (; next_row_ < end && next_row_ < expected_; next_row_ += row_)
                if (unsigned filter = buf_[next_row_ - produced_]; filter > 4)
                    return fmt::format("bad PNG row filter {} in row {}", filter, next_row_ / row_ + 1);
            if (end > expected_) return "more PNG image data than the header's size";
            produced_ = end;
            if (rc == Z_STREAM_END) {
                ended_ = true;
                if (z_.avail_in > 0) return "compressed data after the end of the PNG image data";
                break;
            }
            if (rc == Z_BUF_ERROR && got == 0) break;  // needs the next chunk
        }
        return "";
    }

    /// After the last IDAT: the stream ended with exactly the promised rows.
    std::string finish() const {
        if (!ended_ || produced_ != expected_)
            return fmt::format("truncated PNG image data ({} of {} bytes)", produced_, expected_);
        return "";
    }

private:
    z_stream z_{};
    unsigned char buf_[16384];
    uint64_t row_, expected_, produced_ = 0, next_row_ = 0;  ///< next_row_: where the next row starts
    bool ok_ = false, ended_ = false;
};

std::string check_png(std::string_view b) {
    if (b.size() < 8 + 25) return "truncated PNG (no complete header)";
    size_t i = 8;
    bool seen_ihdr = false, seen_plte = false, seen_iend = false, idat_done = false, in_idat = false;
    uint32_t width = 0, height = 0;
    unsigned depth = 0, colour = 0;
    std::unique_ptr<IdatCheck> idat;
    while (!seen_iend) {
        if (i + 12 > b.size()) return "truncated PNG (no IEND chunk)";
        uint32_t len = be32(b, i);
        std::string_view type = b.substr(i + 4, 4);
        if (len > 0x7FFFFFFFu || !is_letter(type[0]) || !is_letter(type[1]) || !is_letter(type[2]) ||
            !is_letter(type[3]))
            return fmt::format("corrupt PNG chunk at byte {}", i);
        if (b.size() - (i + 12) < len) return fmt::format("truncated PNG (chunk {} is cut short)", type);
        std::string_view data = b.substr(i + 8, len);
        uLong crc = crc32(0, reinterpret_cast<const Bytef*>(b.data() + i + 4), static_cast<uInt>(len + 4));
        if (crc != be32(b, i + 8 + len)) return fmt::format("PNG chunk {} has a bad checksum (damaged file)", type);
        if (!seen_ihdr && type != "IHDR") return "PNG does not start with an IHDR chunk";
        if (in_idat && type != "IDAT") {
            in_idat = false;
            idat_done = true;
            if (std::string e = idat->finish(); !e.empty()) return e;
        }
        if (type == "IHDR") {
            if (seen_ihdr || len != 13) return "bad PNG IHDR chunk";
            seen_ihdr = true;
            width = be32(data, 0);
            height = be32(data, 4);
            depth = static_cast<unsigned char>(data[8]);
            colour = static_cast<unsigned char>(data[9]);
            if (width == 0 || height == 0 || width > 0x7FFFFFFFu || height > 0x7FFFFFFFu)
                return "PNG has a zero or impossible size";
            if (uint64_t{width} * height > kMaxPixels)
                return fmt::format("PNG is {} × {} pixels; images may have at most {} million pixels", width, height,
                                   kMaxPixels / 1'000'000);
            bool depth_ok = false;
            switch (colour) {
                case 0: depth_ok = depth == 1 || depth == 2 || depth == 4 || depth == 8 || depth == 16; break;
                case 3: depth_ok = depth == 1 || depth == 2 || depth == 4 || depth == 8; break;
                case 2: case 4: case 6: depth_ok = depth == 8 || depth == 16; break;
                default: return fmt::format("PNG has an unknown colour type {}", colour);
            }
            if (!depth_ok) return fmt::format("PNG colour type {} cannot have bit depth {}", colour, depth);
            if (data[10] != 0 || data[11] != 0) return "PNG uses an unknown compression or filter method";
            if (data[12] == 1) return "interlaced PNG images are not supported; save it without interlacing";
            if (data[12] != 0) return "PNG uses an unknown interlace method";
        } else if (type == "PLTE") {
            if (seen_plte || idat || len == 0 || len % 3 != 0 || len > 768) return "bad PNG palette (PLTE chunk)";
            if (colour == 0 || colour == 4) return "grey PNG with a palette chunk";
            seen_plte = true;
        } else if (type == "IDAT") {
            if (idat_done) return "PNG image data (IDAT) is split by other chunks";
            if (colour == 3 && !seen_plte) return "palette PNG without a palette (PLTE chunk)";
            if (!idat) {
                static const unsigned channels[] = {1, 0, 3, 1, 2, 0, 4};
                uint64_t row_bits = uint64_t{width} * channels[colour] * depth;
                idat = std::make_unique<IdatCheck>((row_bits + 7) / 8, height);
            }
            in_idat = true;
            if (std::string e = idat->feed(data); !e.empty()) return e;
        } else if (type == "IEND") {
            seen_iend = true;
        } else if (type[0] >= 'A' && type[0] <= 'Z') {
            return fmt::format("PNG has an unknown critical chunk {}", type);
        }
        i += 12 + len;
    }
    if (!idat) return "PNG has no image data (IDAT chunk)";
    return "";
}

std::string check_jpeg(std::string_view b) {
    size_t i = 2;
    bool frame = false;
    while (true) {
        if (i + 2 > b.size()) return "truncated JPEG (no image data)";
        if (static_cast<unsigned char>(b[i]) != 0xFF) return fmt::format("corrupt JPEG segment at byte {}", i);
        unsigned char m = static_cast<unsigned char>(b[i + 1]);
        if (m == 0xFF) {  // fill byte
            ++i;
            continue;
        }
        if (m == 0xD8 || m == 0xD9) return "JPEG ends before its image data";
        if ((m >= 0xD0 && m <= 0xD7) || m == 0x01) {
            i += 2;
            continue;
        }
        if (i + 4 > b.size()) return "truncated JPEG";
        unsigned len = be16(b, i + 2);
        if (len < 2 || i + 2 + len > b.size()) return "truncated JPEG (a segment is cut short)";
        if (m >= 0xC0 && m <= 0xCF && m != 0xC4 && m != 0xC8 && m != 0xCC) {
            if (m != 0xC0 && m != 0xC1 && m != 0xC2)
                return "only baseline and progressive JPEG images are supported (this one is lossless or "
                       "arithmetic-coded)";
            if (len < 8) return "bad JPEG frame header";
            unsigned height = be16(b, i + 5), width = be16(b, i + 7);
            unsigned components = static_cast<unsigned char>(b[i + 9]);
            if (width == 0 || height == 0) return "JPEG has a zero size";
            if (uint64_t{width} * height > kMaxPixels)
                return fmt::format("JPEG is {} × {} pixels; images may have at most {} million pixels", width, height,
                                   kMaxPixels / 1'000'000);
            if (components != 1 && components != 3 && components != 4)
                return fmt::format("JPEG with {} colour components (1, 3 or 4 expected)", components);
            frame = true;
        }
        if (m == 0xDA) {  // start of scan: entropy-coded data follows, then EOI
            if (!frame) return "JPEG scan before its frame header";
            // Inside scans 0xFF is stuffed (FF 00) or a restart/next marker, so
            // FF D9 appears only as the end-of-image marker.
            size_t scan = i + 2 + len;
            if (scan > b.size() || b.find("\xFF\xD9", scan) == std::string_view::npos)
                return "truncated JPEG (no end-of-image marker)";
            return "";
        }
        i += 2 + len;
    }
}

}  // namespace

ImageType sniff_image(std::string_view b) {
    if (b.size() >= 8 && std::memcmp(b.data(), kPngSignature, 8) == 0) return ImageType::Png;
    if (b.size() >= 3 && static_cast<unsigned char>(b[0]) == 0xFF && static_cast<unsigned char>(b[1]) == 0xD8 &&
        static_cast<unsigned char>(b[2]) == 0xFF)
        return ImageType::Jpeg;
    return ImageType::Other;
}

std::string check_image_bytes(std::string_view bytes, bool png_expected) {
    ImageType t = sniff_image(bytes);
    const char* named = png_expected ? "PNG" : "JPEG";
    if (t == ImageType::Other)
        return bytes.empty() ? fmt::format("the file is empty (a {} image expected)", named)
                             : fmt::format("not a {} image (its first bytes are not a PNG or JPEG signature)", named);
    if ((t == ImageType::Png) != png_expected)
        return fmt::format("a {} image named as a {}; give it the extension of what it is",
                           t == ImageType::Png ? "PNG" : "JPEG", named);
    return t == ImageType::Png ? check_png(bytes) : check_jpeg(bytes);
}

}  // namespace bb::manuscript
