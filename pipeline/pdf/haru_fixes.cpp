#include "pdf/haru_fixes.h"

#include <fmt/format.h>
#include <hpdf_font.h>
#include <hpdf_streams.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <vector>

namespace bb::pdf {

void set_document_id(HPDF_Doc pdf, const unsigned char digest[16]) {
    HPDF_Array id = HPDF_Array_New(pdf->mmgr);
    if (!id) return;
    HPDF_Dict_Add(pdf->trailer, "ID", id);
    HPDF_Array_Add(id, HPDF_Binary_New(pdf->mmgr, const_cast<HPDF_BYTE*>(digest), 16));
    HPDF_Array_Add(id, HPDF_Binary_New(pdf->mmgr, const_cast<HPDF_BYTE*>(digest), 16));
}

void set_language(HPDF_Doc pdf, const std::string& lang) {
    if (lang.empty()) return;
    // A BCP 47 tag is ASCII letters, digits and hyphens: nothing to escape.
    for (char c : lang)
        if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '-')) return;
    HPDF_Dict_Add(pdf->catalog, "Lang", HPDF_String_New(pdf->mmgr, lang.c_str(), nullptr));
}

void set_deflated_data(HPDF_Dict stream, std::string_view packed) {
    stream->filter = HPDF_STREAM_FILTER_NONE;
    stream->write_fn = [](HPDF_Dict, HPDF_Stream out) { return HPDF_Stream_WriteStr(out, "/Filter /FlateDecode\012"); };
    HPDF_Stream_Write(stream->stream, reinterpret_cast<const HPDF_BYTE*>(packed.data()),
                      static_cast<HPDF_UINT>(packed.size()));
}

HPDF_Dict deflated_stream(HPDF_Doc pdf, std::string_view packed) {
    HPDF_Dict stream = HPDF_DictStream_New(pdf->mmgr, pdf->xref);
    if (stream) set_deflated_data(stream, packed);
    return stream;
}

void Digest16::mix(uint64_t word) {
    a_ = (a_ ^ word) * 0x9E3779B97F4A7C15ULL;
    a_ ^= a_ >> 32;
    b_ = (b_ + word) * 0xC2B2AE3D27D4EB4FULL;
    b_ ^= b_ >> 29;
}

void Digest16::add(const char* data, size_t size) {
    total_ += size;
    size_t i = 0;
    // Eight bytes at a time (a content stream is megabytes); the bytes of an
    // unfinished word wait, so pieces digest as their concatenation would.
    while (i < size && pending_bytes_ != 0) {
        pending_ |= static_cast<uint64_t>(static_cast<unsigned char>(data[i++])) << (8 * pending_bytes_);
        if (++pending_bytes_ == 8) {
            mix(pending_);
            pending_ = 0;
            pending_bytes_ = 0;
        }
    }
    for (; i + 8 <= size; i += 8) {
        uint64_t word = 0;
        for (int k = 0; k < 8; ++k) word |= static_cast<uint64_t>(static_cast<unsigned char>(data[i + k])) << (8 * k);
        mix(word);
    }
    for (; i < size; ++i) {
        pending_ |= static_cast<uint64_t>(static_cast<unsigned char>(data[i])) << (8 * pending_bytes_);
        ++pending_bytes_;
    }
}

void Digest16::finish(unsigned char out[16]) const {
    Digest16 d = *this;
    d.mix(d.pending_ ^ (static_cast<uint64_t>(d.pending_bytes_) << 59));
    d.mix(d.total_);
    for (int i = 0; i < 8; ++i) {
        out[i] = static_cast<unsigned char>(d.a_ >> (8 * i));
        out[8 + i] = static_cast<unsigned char>(d.b_ >> (8 * i));
    }
}

void digest16(const std::string& data, unsigned char out[16]) {
    Digest16 d;
    d.add(data);
    d.finish(out);
}

}  // namespace bb::pdf
