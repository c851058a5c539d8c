#pragma once
/// Deflate (RFC 1951) and CRC-32 through libdeflate, which compresses a
/// whole buffer at once about twice as fast as zlib at the same size
/// (bench/README.md): the PDF's page streams and the EPUB's files are all
/// whole buffers.
#include <cstdint>
#include <string>
#include <string_view>

struct libdeflate_compressor;

namespace bb::base {

/// One libdeflate compressor. Not thread-safe: one per thread.
class Deflater {
public:
    enum class Format {
        Raw,   ///< bare deflate data (ZIP entries)
        Zlib,  ///< with the zlib header and Adler-32 (PDF /FlateDecode)
    };
    /// `level`: 1 (fastest) to 12 (smallest); libdeflate's 6 makes files
    /// the size of zlib's 9.
    explicit Deflater(int level);
    ~Deflater();
    Deflater(const Deflater&) = delete;
    Deflater& operator=(const Deflater&) = delete;

    /// False when libdeflate could not allocate its state.
    bool ok() const { return compressor_ != nullptr; }
    /// Replaces `out` with `in` compressed; false if that failed.
    bool compress(std::string_view in, Format format, std::string& out);

private:
    ::libdeflate_compressor* compressor_;
};

/// This thread's compressor at `level` (made on first use, kept until the
/// thread ends: its state is a few hundred KB, too big to set up per file).
Deflater& thread_deflater(int level);

/// CRC-32 (ISO 3309, as ZIP and PNG use it) of `data`.
uint32_t crc32(std::string_view data);

}  // namespace bb::base
