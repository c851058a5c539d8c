#pragma once
/// OCF packaging (EPUB 3.3 §4): the container as one ZIP, built with libzip in
/// memory. `mimetype` first, stored, without extra fields; every other entry
/// deflated; entry order and times fixed, so the same input gives the same
/// bytes.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace bb::epub {

/// One file of the container.
struct ZipEntry {
    std::string name;  ///< path inside the ZIP
    std::string data;
    bool store = false;  ///< stored (mimetype, already-compressed images) vs deflated
};

/// The ZIP of `entries` in the given order, every entry dated `epoch` (UTC,
/// as DOS time: 2-second resolution). Returns nullopt and sets `error` on
/// failure. libzip's errors never leave this function.
std::optional<std::string> make_zip(const std::vector<ZipEntry>& entries, int64_t epoch, std::string& error);

}  // namespace bb::epub
