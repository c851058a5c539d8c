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

void fix_tounicode(HPDF_Font font) {
    auto* attr = static_cast<HPDF_FontAttr>(font->attr);
    HPDF_Dict s = attr->cmap_stream;
    if (!s || !s->stream) return;
    HPDF_MemStream_FreeData(s->stream);
    std::string c =
        "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
        "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
        "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n";
    // One range per high byte (a bfrange may not cross the low byte, ISO
    // 32000-1 §9.10.3), surrogates skipped, at most 100 ranges a block.
    std::vector<int> highs;
    for (int h = 0; h <= 0xFF; ++h)
        if (h < 0xD8 || h > 0xDF) highs.push_back(h);
    for (size_t i = 0; i < highs.size(); i += 100) {
        size_t n = std::min<size_t>(100, highs.size() - i);
        c += fmt::format("{} beginbfrange\n", n);
        for (size_t k = i; k < i + n; ++k) c += fmt::format("<{0:02X}00> <{0:02X}FF> <{0:02X}00>\n", highs[k]);
        c += "endbfrange\n";
    }
    c += "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n";
    HPDF_Stream_WriteStr(s->stream, c.c_str());
}

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

const char* load_ttf_bytes(HPDF_Doc pdf, const std::string& bytes, std::string& error) {
    const char* dir = std::getenv("TMPDIR");
    std::string tmpl = std::string(dir && *dir ? dir : "/tmp") + "/bookbuild-font-XXXXXX";
    int fd = mkstemp(tmpl.data());
    if (fd < 0) {
        error = "cannot create a temporary file for the font subset";
        return nullptr;
    }
    size_t done = 0;
    while (done < bytes.size()) {
        ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
        if (n <= 0) break;
        done += static_cast<size_t>(n);
    }
    ::close(fd);
    const char* name = nullptr;
    if (done == bytes.size())
        name = HPDF_LoadTTFontFromFile(pdf, tmpl.c_str(), HPDF_TRUE);
    else
        error = "cannot write the font subset to a temporary file";
    // libharu holds the file open (it copies glyphs at save time), so the name
    // can go now and nothing is left behind even if the build is killed later.
    ::unlink(tmpl.c_str());
    return name;
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
