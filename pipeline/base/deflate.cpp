#include "base/deflate.h"

#include <libdeflate.h>

#include <map>
#include <memory>

namespace bb::base {

Deflater::Deflater(int level) : compressor_(libdeflate_alloc_compressor(level)) {}

Deflater::~Deflater() {
    if (compressor_) libdeflate_free_compressor(compressor_);
}

bool Deflater::compress(std::string_view in, Format format, std::string& out) {
    if (!compressor_) return false;
    const bool zlib = format == Format::Zlib;
    out.resize(zlib ? libdeflate_zlib_compress_bound(compressor_, in.size())
                    : libdeflate_deflate_compress_bound(compressor_, in.size()));
    size_t n = zlib ? libdeflate_zlib_compress(compressor_, in.data(), in.size(), out.data(), out.size())
                    : libdeflate_deflate_compress(compressor_, in.data(), in.size(), out.data(), out.size());
    out.resize(n);
    return n > 0 || in.empty();
}

Deflater& thread_deflater(int level) {
    thread_local std::map<int, std::unique_ptr<Deflater>> by_level;
    std::unique_ptr<Deflater>& d = by_level[level];
    if (!d) d = std::make_unique<Deflater>(level);
    return *d;
}

uint32_t crc32(std::string_view data) { return libdeflate_crc32(0, data.data(), data.size()); }

}  // namespace bb::base
