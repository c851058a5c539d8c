#include "epub/zip.h"

#include <zip.h>

#include <cstdio>

#include "base/env.h"

namespace bb::epub {

namespace {
std::string zip_message(zip_error_t* e) {
    std::string m = zip_error_strerror(e);
    zip_error_fini(e);
    return m;
}
}  // namespace

std::optional<std::string> make_zip(const std::vector<ZipEntry>& entries, int64_t epoch, std::string& error) {
    // DOS dates start in 1980; clamp earlier build dates instead of wrapping.
    base::UtcTime t = base::utc_time(epoch < 315532800 ? 315532800 : epoch);
    if (t.year > 2107) t = {2107, 12, 31, 23, 59, 58};
    const zip_uint16_t dos_time = static_cast<zip_uint16_t>((t.hour << 11) | (t.minute << 5) | (t.second / 2));
    const zip_uint16_t dos_date = static_cast<zip_uint16_t>(((t.year - 1980) << 9) | (t.month << 5) | t.day);

    zip_error_t zerr;
    zip_error_init(&zerr);
    zip_source_t* out = zip_source_buffer_create(nullptr, 0, 0, &zerr);
    if (!out) {
        error = "cannot create a ZIP buffer: " + zip_message(&zerr);
        return std::nullopt;
    }
    zip_source_keep(out);  // we read the bytes back after zip_close
    zip_t* za = zip_open_from_source(out, ZIP_TRUNCATE, &zerr);
    if (!za) {
        error = "cannot open a ZIP archive: " + zip_message(&zerr);
        zip_source_free(out);
        return std::nullopt;
    }
    auto fail = [&](const std::string& what) {
        error = what + ": " + zip_strerror(za);
        zip_discard(za);
        zip_source_free(out);
        return std::nullopt;
    };
    for (const ZipEntry& e : entries) {
        // The data is read at zip_close; `entries` outlives it.
        zip_source_t* src = zip_source_buffer(za, e.data.data(), e.data.size(), 0);
        if (!src) return fail("cannot add " + e.name);
        zip_int64_t i = zip_file_add(za, e.name.c_str(), src, ZIP_FL_ENC_UTF_8 | ZIP_FL_OVERWRITE);
        if (i < 0) {
            zip_source_free(src);
            return fail("cannot add " + e.name);
        }
        auto idx = static_cast<zip_uint64_t>(i);
        if (zip_set_file_compression(za, idx, e.store ? ZIP_CM_STORE : ZIP_CM_DEFLATE, e.store ? 0 : 9) < 0 ||
            // Not zip_file_set_mtime: it converts with localtime(), so the
            // bytes would depend on TZ (notes/libraries.md §2).
            zip_file_set_dostime(za, idx, dos_time, dos_date, 0) < 0 ||
            zip_file_set_external_attributes(za, idx, 0, ZIP_OPSYS_UNIX, 0100644u << 16) < 0)
            return fail("cannot set the attributes of " + e.name);
    }
    if (zip_close(za) < 0) return fail("cannot write the ZIP archive");

    std::string bytes;
    if (zip_source_open(out) < 0) {
        error = "cannot read the ZIP buffer";
        zip_source_free(out);
        return std::nullopt;
    }
    char buf[1 << 16];
    zip_int64_t n;
    while ((n = zip_source_read(out, buf, sizeof buf)) > 0) bytes.append(buf, static_cast<size_t>(n));
    zip_source_close(out);
    zip_source_free(out);
    if (n < 0) {
        error = "cannot read the ZIP buffer";
        return std::nullopt;
    }
    return bytes;
}

}  // namespace bb::epub
