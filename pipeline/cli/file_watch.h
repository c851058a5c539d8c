#pragma once
/// `--watch`: waits until a file a build read changes (Linux inotify), so
/// the command can build again. Folders are watched rather than files: an
/// editor that saves by writing a new file and renaming it over the old one
/// is seen as well as one that writes in place.
#include <chrono>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace bb::cli {

class FileWatch {
public:
    FileWatch();
    ~FileWatch();
    FileWatch(const FileWatch&) = delete;
    FileWatch& operator=(const FileWatch&) = delete;

    /// Empty while the watch works, else why it does not (for the user).
    const std::string& error() const { return error_; }
    /// Whether `path` (a folder) is watched: it exists and could be.
    bool watching(const std::string& path) const;

    /// Every file in `dir` and below it, with folders made later.
    void watch_tree(const std::string& dir);
    /// One file (its folder is watched; other files there are not reported).
    void watch_file(const std::string& path);
    /// Changes at `path` or below it are not reported (the build's outputs).
    void ignore(const std::string& path);

    /// Blocks until a watched file is written, made, renamed or removed,
    /// then until `quiet` passes with no further change (an editor saving
    /// several files, a `git checkout`), and returns the changed paths,
    /// sorted. Hidden files (".name": editors' swap and lock files) and
    /// backups ("name~") are not changes, nor a file written and renamed
    /// away before the quiet ended. Empty only when the watch failed
    /// (error() says why).
    std::vector<std::string> wait(std::chrono::milliseconds quiet);

private:
    void add_folder(const std::string& dir, bool tree);
    bool reported(const std::string& path) const;
    /// Reads the pending events into `changed`; false on a read error.
    bool read_events(std::set<std::string>& changed);

    int fd_ = -1;
    std::string error_;
    std::map<int, std::string> folders_;  ///< watch descriptor -> folder (absolute)
    std::set<std::string> trees_;         ///< folders watched with everything below
    std::set<std::string> files_;         ///< single files (absolute)
    std::vector<std::string> ignored_;    ///< absolute
};

}  // namespace bb::cli
