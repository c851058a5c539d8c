#include "pdf/haru_fixes.h"

#include <fmt/format.h>
#include <hpdf_font.h>
#include <hpdf_pages.h>
#include <hpdf_streams.h>
#include <unistd.h>

#include <fcntl.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <memory>
#include <cstdio>
#include <cstdlib>
#include <vector>

namespace bb::pdf {

void set_document_id(HPDF_Doc pdf, const unsigned char digest[16]) {
    if (auto* known = static_cast<HPDF_Array>(HPDF_Dict_GetItem(pdf->trailer, "ID", HPDF_OCLASS_ARRAY))) {
        for (HPDF_UINT i = 0; i < 2; ++i)
            if (auto* copy = static_cast<HPDF_Binary>(HPDF_Array_GetItem(known, i, HPDF_OCLASS_BINARY));
                copy && copy->len == 16)
                std::memcpy(copy->value, digest, 16);
        return;
    }
    HPDF_Array id = HPDF_Array_New(pdf->mmgr);
    if (!id) return;
    HPDF_Dict_Add(pdf->trailer, "ID", id);
    HPDF_Array_Add(id, HPDF_Binary_New(pdf->mmgr, const_cast<HPDF_BYTE*>(digest), 16));
    HPDF_Array_Add(id, HPDF_Binary_New(pdf->mmgr, const_cast<HPDF_BYTE*>(digest), 16));
}

void make_room_for_objects(HPDF_Doc pdf, size_t more) {
    HPDF_List entries = pdf->xref->entries;
    const size_t step = std::max<size_t>({entries->items_per_block, more, entries->count});
    entries->items_per_block = static_cast<HPDF_UINT>(std::min<size_t>(step, 1u << 24));
}

void deflate_soft_mask(HPDF_Image image) {
    auto* mask = static_cast<HPDF_Dict>(HPDF_Dict_GetItem(image, "SMask", HPDF_OCLASS_DICT));
    if (mask && mask->stream && mask->filter == HPDF_STREAM_FILTER_NONE) mask->filter = HPDF_STREAM_FILTER_FLATE_DECODE;
}

void set_language(HPDF_Doc pdf, const std::string& lang) {
    if (lang.empty()) return;
    // A BCP 47 tag is ASCII letters, digits and hyphens: nothing to escape.
    for (char c : lang)
        if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '-')) return;
    HPDF_Dict_Add(pdf->catalog, "Lang", HPDF_String_New(pdf->mmgr, lang.c_str(), nullptr));
}

namespace {
/// A stream whose data is already deflated: libharu must copy the bytes as
/// they are and only name the filter (hpdf_dict.c drops a /Filter key of a
/// stream without a filter, but calls write_fn after the keys).
void mark_deflated(HPDF_Dict stream) {
    stream->filter = HPDF_STREAM_FILTER_NONE;
    stream->write_fn = [](HPDF_Dict, HPDF_Stream out) { return HPDF_Stream_WriteStr(out, "/Filter /FlateDecode\012"); };
}
}  // namespace

void set_deflated_data(HPDF_Dict stream, std::string_view packed) {
    mark_deflated(stream);
    HPDF_Stream_Write(stream->stream, reinterpret_cast<const HPDF_BYTE*>(packed.data()),
                      static_cast<HPDF_UINT>(packed.size()));
}

HPDF_Dict deflated_stream(HPDF_Doc pdf, std::string_view packed) {
    HPDF_Dict stream = HPDF_DictStream_New(pdf->mmgr, pdf->xref);
    if (stream) set_deflated_data(stream, packed);
    return stream;
}

namespace {
/// Where a late stream reads: its item, fetched from the LateData on first
/// use (libharu asks for the size first), and the read position.
struct LateCursor {
    LateData* late;
    size_t index;
    bool fetched;
    std::string_view data;
    size_t pos;
};

LateCursor& cursor_of(HPDF_Stream stream) {
    auto& c = *static_cast<LateCursor*>(stream->attr);
    if (!c.fetched) {
        c.data = c.late->wait(c.index);
        c.fetched = true;
    }
    return c;
}

HPDF_UINT32 late_size(HPDF_Stream stream) { return static_cast<HPDF_UINT32>(cursor_of(stream).data.size()); }

HPDF_STATUS late_read(HPDF_Stream stream, HPDF_BYTE* out, HPDF_UINT* size) {
    LateCursor& c = cursor_of(stream);
    const size_t n = std::min<size_t>(*size, c.data.size() - c.pos);
    std::memcpy(out, c.data.data() + c.pos, n);
    c.pos += n;
    *size = static_cast<HPDF_UINT>(n);
    return c.pos == c.data.size() ? HPDF_STREAM_EOF : HPDF_OK;
}

HPDF_STATUS late_seek(HPDF_Stream stream, HPDF_INT pos, HPDF_WhenceMode mode) {
    LateCursor& c = cursor_of(stream);
    const long long base = mode == HPDF_SEEK_SET ? 0 : mode == HPDF_SEEK_CUR ? static_cast<long long>(c.pos)
                                                                                : static_cast<long long>(c.data.size());
    const long long to = base + pos;
    if (to < 0 || to > static_cast<long long>(c.data.size())) return HPDF_FILE_IO_ERROR;
    c.pos = static_cast<size_t>(to);
    return HPDF_OK;
}

HPDF_INT32 late_tell(HPDF_Stream stream) { return static_cast<HPDF_INT32>(cursor_of(stream).pos); }

void late_free(HPDF_Stream stream) { HPDF_FreeMem(stream->mmgr, stream->attr); }
}  // namespace

bool set_late_page_contents(HPDF_Page page, LateData& late, size_t index) {
    auto* attr = static_cast<HPDF_PageAttr>(page->attr);
    HPDF_Dict contents = attr->contents;
    auto* cursor = static_cast<LateCursor*>(HPDF_GetMem(contents->mmgr, sizeof(LateCursor)));
    if (!cursor) return false;
    *cursor = LateCursor{&late, index, false, {}, 0};
    HPDF_Stream reader = HPDF_CallbackReader_New(contents->mmgr, late_read, late_seek, late_tell, late_size, cursor);
    if (!reader) {
        HPDF_FreeMem(contents->mmgr, cursor);
        return false;
    }
    reader->free_fn = late_free;
    // The empty stream it replaces is also the page's drawing stream: that
    // pointer goes to the reader too, so none is left to freed memory
    // (bookbuild draws nothing through libharu: it is never written to).
    if (contents->stream) HPDF_Stream_Free(contents->stream);
    contents->stream = reader;
    attr->stream = reader;
    mark_deflated(contents);
    return true;
}

namespace {
HPDF_STATUS write_raw_body(HPDF_Dict dict, HPDF_Stream out) {
    const auto* item = static_cast<const RawItem*>(dict->attr);
    thread_local std::string body;
    body.clear();
    item->source->body(item->index, body);
    return HPDF_Stream_Write(out, reinterpret_cast<const HPDF_BYTE*>(body.data()), static_cast<HPDF_UINT>(body.size()));
}
}  // namespace

HPDF_Dict raw_dict(HPDF_Doc pdf, const RawItem* item) {
    HPDF_Dict dict = HPDF_Dict_New(pdf->mmgr);
    if (!dict) return nullptr;
    if (HPDF_Xref_Add(pdf->xref, dict) != HPDF_OK) return nullptr;  // the xref freed it
    // HPDF_Dict_Write writes its keys (none), then write_fn, between << >>;
    // HPDF_Dict_Free leaves attr alone (the caller owns the item).
    dict->attr = const_cast<RawItem*>(item);
    dict->write_fn = write_raw_body;
    return dict;
}

bool write_last(HPDF_Doc pdf, const std::vector<HPDF_Dict>& last) {
    HPDF_Xref xref = pdf->xref;
    // One cross-reference section numbered from 0 (entry 0 is the free
    // one), as HPDF_New makes it: object k is entry k.
    if (!xref || xref->prev || xref->start_offset != 0) return false;
    HPDF_List entries = xref->entries;
    const size_t count = entries->count;
    constexpr HPDF_UINT32 kNumber = 0x00FFFFFF;  // the id's bits; the rest are flags
    // A stream's /Length is an object of its own, given its value as the
    // stream is written: it goes with its stream, after it.
    std::vector<HPDF_Obj_Header*> tail;
    tail.reserve(2 * last.size());
    for (HPDF_Dict obj : last) {
        tail.push_back(&obj->header);
        if (auto* length = static_cast<HPDF_Number>(HPDF_Dict_GetItem(obj, "Length", HPDF_OCLASS_NUMBER));
            length && (length->header.obj_id & HPDF_OTYPE_INDIRECT))
            tail.push_back(&length->header);
    }
    std::vector<char> moved(count, 0);
    for (HPDF_Obj_Header* obj : tail) {
        const size_t id = obj->obj_id & kNumber;
        if (!(obj->obj_id & HPDF_OTYPE_INDIRECT) || id == 0 || id >= count || moved[id] ||
            static_cast<HPDF_XrefEntry>(entries->obj[id])->obj != obj)
            return false;
        moved[id] = 1;
    }
    std::vector<void*> order;
    order.reserve(count);
    for (size_t k = 0; k < count; ++k)
        if (!moved[k]) order.push_back(entries->obj[k]);
    for (HPDF_Obj_Header* obj : tail) order.push_back(entries->obj[obj->obj_id & kNumber]);
    // References are written from the target's header when saved, so a new
    // number in the header is all a reference needs.
    for (size_t k = 0; k < count; ++k) {
        entries->obj[k] = order[k];
        if (auto* obj = static_cast<HPDF_Obj_Header*>(static_cast<HPDF_XrefEntry>(order[k])->obj))
            obj->obj_id = (obj->obj_id & ~kNumber) | static_cast<HPDF_UINT32>(k);
    }
    return true;
}

namespace {
/// The file libharu saves into: its small writes gathered in memory, handed
/// to the system a megabyte at a time.
struct BufferedFile {
    int fd = -1;
    int error = 0;  ///< errno of the first failed write
    std::unique_ptr<char[]> buffer;
    size_t capacity = 0, used = 0;

    bool flush() {
        for (size_t done = 0; done < used;) {
            const ssize_t n = ::write(fd, buffer.get() + done, used - done);
            if (n < 0) {
                if (errno == EINTR) continue;
                error = errno;
                return false;
            }
            done += static_cast<size_t>(n);
        }
        used = 0;
        return true;
    }

    bool write(const unsigned char* data, size_t size) {
        if (error) return false;
        if (used + size > capacity && !flush()) return false;
        if (size >= capacity) {  // bigger than the buffer: written as it is
            const unsigned char* end = data + size;
            while (data < end) {
                const ssize_t n = ::write(fd, data, static_cast<size_t>(end - data));
                if (n < 0) {
                    if (errno == EINTR) continue;
                    error = errno;
                    return false;
                }
                data += n;
            }
            return true;
        }
        std::memcpy(buffer.get() + used, data, size);
        used += size;
        return true;
    }
};

HPDF_STATUS write_buffered(HPDF_Stream stream, const HPDF_BYTE* data, HPDF_UINT size) {
    auto* file = static_cast<BufferedFile*>(stream->attr);
    return file->write(data, size) ? HPDF_OK : HPDF_FILE_IO_ERROR;
}
}  // namespace

bool save_to_file(HPDF_Doc pdf, const std::string& path, std::string& io_error) {
    BufferedFile file;
    file.fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (file.fd < 0) {
        io_error = std::strerror(errno);
        return false;
    }
    file.capacity = size_t{1} << 20;
    file.buffer = std::make_unique_for_overwrite<char[]>(file.capacity);
    // HPDF_SaveToStream writes into pdf->stream, a stream of any kind, when
    // there is one (it empties only memory streams first): a callback
    // writer there makes it save through write_buffered.
    HPDF_Stream stream = HPDF_CallbackWriter_New(pdf->mmgr, write_buffered, &file);
    if (!stream) {
        ::close(file.fd);
        return false;
    }
    if (pdf->stream) HPDF_Stream_Free(pdf->stream);
    pdf->stream = stream;
    bool saved = HPDF_SaveToStream(pdf) == HPDF_OK;
    saved = file.flush() && saved;
    // The stream points at `file`, which ends here.
    HPDF_Stream_Free(pdf->stream);
    pdf->stream = nullptr;
    if (::close(file.fd) != 0 && !file.error) file.error = errno;
    if (file.error) {
        io_error = std::strerror(file.error);
        return false;
    }
    return saved;
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
