#pragma once
/// Outputs are written to a temporary file beside the target and renamed into
/// place, so a failed or killed build leaves the previous output untouched.
#include <string>
#include <string_view>

namespace bb::base {

/// Writes `bytes` to `path` atomically (temp file in the same folder, fsync,
/// rename). Creates missing parent folders. Returns an error message, or ""
/// on success; on failure the temporary file is removed.
std::string write_file_atomically(const std::string& path, std::string_view bytes);

/// A temporary path in the folder of `path`, unique to this process, for
/// writers (like libzip) that need a file name. Call commit() to rename it into
/// place; the destructor removes it if it was not committed.
class PendingFile {
public:
    explicit PendingFile(std::string target);
    ~PendingFile();
    PendingFile(const PendingFile&) = delete;
    PendingFile& operator=(const PendingFile&) = delete;
    const std::string& temp_path() const { return temp_; }
    const std::string& target() const { return target_; }
    /// Renames the temporary file onto the target; returns an error message or "".
    std::string commit();

private:
    std::string target_, temp_;
    bool committed_ = false;
};

/// Reads a whole file; returns false (and leaves `out` empty) when it cannot.
bool read_file(const std::string& path, std::string& out);

}  // namespace bb::base
