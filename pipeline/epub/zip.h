#pragma once
/// OCF packaging (EPUB 3.3 §4): the container as one ZIP, built in memory
/// with libdeflate (entries deflated on several threads). `mimetype` first, stored,
/// without extra fields; every other entry deflated; entry order and times
/// fixed, so the same input gives the same bytes whatever the thread count.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace bb::epub {

/// One file of the container.
struct ZipEntry {
    std::string name;  ///< path inside the ZIP
    std::string data;
    bool store = false;  ///< stored (mimetype, already-compressed images) vs deflated
};

class DeflateMemory;

/// How to deflate.
struct ZipOptions {
    int level = 6;       ///< libdeflate level for deflated entries (6: zlib 9's size)
    unsigned jobs = 0;   ///< deflating threads; 0 = one per core
    /// Entries deflated for the last container of this book (--watch): one
    /// whose bytes are the same is taken from there, and this container's
    /// are kept there for the next one. Null: every entry deflated.
    DeflateMemory* memory = nullptr;
};

/// What one container's deflated entries leave for the next (ZipOptions::memory).
class DeflateMemory {
public:
    DeflateMemory();
    ~DeflateMemory();
    DeflateMemory(DeflateMemory&&) noexcept;
    DeflateMemory& operator=(DeflateMemory&&) noexcept;
    size_t taken() const;  ///< entries the last container took from here

    struct Impl;
    std::unique_ptr<Impl> impl;
};

/// Deflates files on a background thread while the writer prepares the next
/// ones (the EPUB's chapters as they are rendered); make_zip then reuses the
/// results. The output is the same as without it.
class ZipDeflater {
public:
    explicit ZipDeflater(const ZipOptions& options = {});
    ~ZipDeflater();
    ZipDeflater(const ZipDeflater&) = delete;
    ZipDeflater& operator=(const ZipDeflater&) = delete;

    /// Starts deflating `data`. Its bytes must stay where they are, unchanged,
    /// until make_zip (a std::string of more than a few bytes keeps its buffer
    /// when moved into a ZipEntry; data under 256 bytes is left to make_zip).
    /// Submitting the same bytes twice is harmless.
    void submit(std::string_view data);

    struct Result;
    /// Waits for (helping with) everything submitted; then the deflated form
    /// of `data` if it was submitted, else null. For make_zip, which moves
    /// the result out. Submit with the same level make_zip is given.
    Result* result(std::string_view data);

private:
    struct State;
    std::unique_ptr<State> state_;
};

/// The ZIP of `entries` in the given order, every entry dated `epoch` (UTC,
/// as DOS time: 2-second resolution). Returns nullopt and sets `error` on
/// failure (a file or archive past the 4 GB a ZIP without ZIP64 can hold).
/// `ahead` (may be null) holds entries deflated in advance.
std::optional<std::string> make_zip(const std::vector<ZipEntry>& entries, int64_t epoch, std::string& error,
                                    const ZipOptions& options = {}, ZipDeflater* ahead = nullptr);

}  // namespace bb::epub
