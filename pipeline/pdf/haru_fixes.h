#pragma once
/// Workarounds for libharu 2.3.0 that reach into its exported internals
/// (measured in notes §1.4, §1.10). Kept in one file so an upgrade of the
/// library has one place to look at.
#include <hpdf.h>
#include <hpdf_objects.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace bb::pdf {

/// Sets the trailer /ID to two copies of `digest` (16 bytes); libharu writes
/// none otherwise, and PDF/A mode would derive it from the clock. Called
/// again, it changes the bytes in place (until the trailer is written, in
/// the middle of a save too).
void set_document_id(HPDF_Doc pdf, const unsigned char digest[16]);

/// Makes room in the cross-reference table for `more` objects at once.
/// libharu grows its lists by a fixed step (1,024 entries for the table),
/// copying the whole list each time: a book with 250,000 links copied it
/// ~250 times. Growing by at least what is about to be added, and never by
/// less than the list already holds, keeps the copying linear.
void make_room_for_objects(HPDF_Doc pdf, size_t more);

/// Has libharu deflate the soft mask (the alpha channel) of an image it
/// loaded from a PNG with transparency: it compresses the colours but writes
/// the mask as it is (938 KB for a 1200 x 800 gradient).
void deflate_soft_mask(HPDF_Image image);

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

/// Where raw objects' bodies come from (raw_dict).
class RawSource {
public:
    virtual ~RawSource() = default;
    /// Appends the keys and values of item `index` (the text between "<<"
    /// and ">>"), when the save reaches its object: other objects' numbers
    /// (object_number) are final by then.
    virtual void body(size_t index, std::string& out) = 0;
};

/// Item `index` of a raw source (the raw object's link to its body).
struct RawItem {
    RawSource* source;
    size_t index;
};

/// A new indirect dictionary that libharu writes as "<<" + the body its
/// item gives + ">>": a link or an outline entry without the dozen small
/// objects, allocations and key searches that libharu's own calls make
/// per dictionary (20,000 links in a big book). `item` must outlive every
/// save. nullptr when libharu fails (its error is set).
HPDF_Dict raw_dict(HPDF_Doc pdf, const RawItem* item);

/// The number `obj` (an indirect libharu object) is saved under.
inline uint32_t object_number(const void* obj) {
    return static_cast<const HPDF_Obj_Header*>(obj)->obj_id & 0x00FFFFFF;
}

/// Renumbers the document's objects so that `last` (objects libharu
/// already holds, e.g. the pages' late content streams) are written after
/// every other object, in the order given: libharu writes objects in the
/// order they were made, so the links and outline made after the pages
/// would otherwise be written only once the last page's stream is in.
/// Call when the document is complete, before saving. False (nothing
/// changed) when an object of `last` is not in the document.
bool write_last(HPDF_Doc pdf, const std::vector<HPDF_Dict>& last);

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
