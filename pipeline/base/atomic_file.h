#pragma once
/// Outputs are written to a temporary file beside the target and renamed into
/// place, so a failed or killed build leaves the previous output untouched.
#include <functional>
#include <string>
#include <string_view>

namespace bb::base {

/// Writes `bytes` to `path` atomically (temp file in the same folder,
/// renamed onto `path`; not fsynced: see atomic_file.cpp). Creates missing parent folders and removes temporary files of the
/// same target left by builds that were killed (their process is gone). Returns an error message, or ""
/// on success; on failure the temporary file is removed.
std::string write_file_atomically(const std::string& path, std::string_view bytes);

/// The same for a writer that makes the file itself (libharu's
/// HPDF_SaveToFile): `fill` writes the temporary path it is given (already
/// created, empty, so an unwritable folder is reported with the system's
/// reason before `fill` runs) and returns an error message or ""; the file
/// is then renamed onto `path`. Returns an error message or "".
std::string write_file_atomically_by(const std::string& path,
                                     const std::function<std::string(const std::string& temp)>& fill);

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
    int slot_ = -1;  ///< registration for the signal handler, or -1
};

/// Removes this process's unfinished temporary files when SIGINT, SIGTERM or
/// SIGHUP arrives, then dies of the signal as before (the CLI calls it once).
/// SIGKILL cannot be caught: its leftover `.NAME.tmp-PID-N` is removed by the
/// next write of the same target once process PID no longer exists.
void install_temp_cleanup_on_signals();

/// True for the name of a temporary file of `target_name` ("book.pdf" →
/// ".book.pdf.tmp-123-0"); such names cannot be mistaken for an output.
bool is_temp_name_of(const std::string& name, const std::string& target_name);

/// Reads a whole file; returns false (and leaves `out` empty) when it cannot.
bool read_file(const std::string& path, std::string& out);

}  // namespace bb::base
