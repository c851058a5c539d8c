#pragma once
/// Workarounds for libharu 2.3.0 that reach into its exported internals
/// (measured in notes §1.4, §1.10). Kept in one file so an upgrade of the
/// library has one place to look at.
#include <hpdf.h>

#include <cstdint>
#include <string>
#include <string_view>

namespace bb::pdf {

/// Sets the trailer /ID to two copies of `digest` (16 bytes); libharu writes
/// none otherwise, and PDF/A mode would derive it from the clock. Called
/// again, it changes the bytes in place (until the trailer is written, in
/// the middle of a save too).
void set_document_id(HPDF_Doc pdf, const unsigned char digest[16]);

/// Sets the document catalog's /Lang (ISO 32000-1 §14.9.2), which libharu
/// has no call for; screen readers and hyphenating viewers use it.
void set_language(HPDF_Doc pdf, const std::string& lang);

/// A new stream object whose data is `packed`, already deflated (zlib
/// format): libharu copies the bytes as they are and names the filter.
/// nullptr when libharu fails (its error is set).
HPDF_Dict deflated_stream(HPDF_Doc pdf, std::string_view packed);

/// Makes `stream` (a libharu stream dictionary with no data yet) carry
/// `packed`, already deflated: libharu must copy the bytes as they are and
/// only name the filter (hpdf_dict.c drops a /Filter key of a stream without
/// a filter, but calls write_fn after the keys).
void set_deflated_data(HPDF_Dict stream, std::string_view packed);

/// Stream data that arrives after the document is built (pages' content
/// streams, made on other threads while libharu already saves): libharu
/// asks for item `i` when the save reaches the stream that carries it.
class LateData {
public:
    virtual ~LateData() = default;
    /// Item `i`, already deflated, once it is ready (blocks until then);
    /// empty when it could not be made.
    virtual std::string_view wait(size_t i) = 0;
};

/// Makes the contents of `page` (nothing drawn on it through libharu) item
/// `index` of `late`, deflated: libharu reads the bytes from `late` as it
/// saves, without a copy of its own. `late` must outlive every save. False
/// when libharu could not make the stream.
bool set_late_page_contents(HPDF_Page page, LateData& late, size_t index);

/// Writes the document to the file at `path` (created or truncated)
/// through a buffer of its own: HPDF_SaveToFile hands every token to fwrite
/// and the file to the system 4 KB at a time (5,000 writes for a
/// 6,000-page book). False on failure, with `io_error` set when the system
/// refused (else the failure is libharu's, in the document's error state).
bool save_to_file(HPDF_Doc pdf, const std::string& path, std::string& io_error);

/// A 16-byte digest of `data` (two 64-bit multiply-xorshift lanes over its
/// 8-byte words, then its length), for the document id: not cryptographic,
/// only different for different content.
void digest16(const std::string& data, unsigned char out[16]);

/// The same digest fed piece by piece (a big book's content need not be
/// copied into one string first): equal to digest16 of the concatenation.
class Digest16 {
public:
    void add(const char* data, size_t size);
    void add(const std::string& s) { add(s.data(), s.size()); }
    void add(char c) { add(&c, 1); }
    void finish(unsigned char out[16]) const;

private:
    void mix(uint64_t word);
    uint64_t a_ = 0xcbf29ce484222325ULL, b_ = 0x84222325cbf29ce4ULL;
    uint64_t pending_ = 0;  ///< bytes of an unfinished word, little-endian
    unsigned pending_bytes_ = 0;
    uint64_t total_ = 0;
};

}  // namespace bb::pdf
