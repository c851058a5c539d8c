#include "cli/file_watch.h"

#include <poll.h>
#include <sys/inotify.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>

namespace bb::cli {

namespace fs = std::filesystem;

namespace {

constexpr uint32_t kEvents = IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_CREATE | IN_DELETE | IN_DELETE_SELF;

std::string absolute(const std::string& path) {
    std::error_code ec;
    fs::path p = fs::absolute(path, ec);
    return (ec ? fs::path(path) : p).lexically_normal().string();
}

/// `path` is `dir` or lies below it.
bool within(const std::string& path, const std::string& dir) {
    if (path.compare(0, dir.size(), dir) != 0) return false;
    return path.size() == dir.size() || path[dir.size()] == '/' || (!dir.empty() && dir.back() == '/');
}

/// Editors' swap, lock and backup files: not the author's text.
bool scratch_name(const std::string& name) {
    return name.empty() || name[0] == '.' || name.back() == '~' || (name.front() == '#' && name.back() == '#');
}

}  // namespace

FileWatch::FileWatch() {
    fd_ = inotify_init1(IN_CLOEXEC | IN_NONBLOCK);
    if (fd_ < 0) error_ = std::string("cannot watch files: ") + std::strerror(errno);
}

FileWatch::~FileWatch() {
    if (fd_ >= 0) close(fd_);
}

void FileWatch::add_folder(const std::string& dir, bool tree) {
    if (fd_ < 0) return;
    int wd = inotify_add_watch(fd_, dir.c_str(), kEvents);
    if (wd < 0) {
        // A folder that is not there (yet) is not an error: the build says
        // what is missing. Running out of watches is.
        if (errno == ENOSPC) error_ = "cannot watch " + dir + ": too many watched folders (fs.inotify.max_user_watches)";
        return;
    }
    folders_[wd] = dir;
    if (!tree) return;
    trees_.insert(dir);
    std::error_code ec;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec))
        if (it->is_directory(ec) && !scratch_name(it->path().filename().string())) add_folder(it->path().string(), true);
}

void FileWatch::watch_tree(const std::string& dir) { add_folder(absolute(dir), true); }

bool FileWatch::watching(const std::string& path) const {
    const std::string dir = absolute(path);
    return std::any_of(folders_.begin(), folders_.end(), [&](const auto& f) { return f.second == dir; });
}

void FileWatch::watch_file(const std::string& path) {
    const std::string file = absolute(path);
    files_.insert(file);
    add_folder(fs::path(file).parent_path().string(), false);
}

void FileWatch::ignore(const std::string& path) { ignored_.push_back(absolute(path)); }

bool FileWatch::reported(const std::string& path) const {
    for (const std::string& i : ignored_)
        if (within(path, i)) return false;
    if (files_.count(path)) return true;
    if (scratch_name(fs::path(path).filename().string())) return false;
    for (const std::string& t : trees_)
        if (within(path, t)) return true;
    return false;
}

bool FileWatch::read_events(std::set<std::string>& changed) {
    alignas(inotify_event) char buffer[16384];
    for (;;) {
        ssize_t n = read(fd_, buffer, sizeof buffer);
        if (n < 0) {
            if (errno == EAGAIN) return true;
            if (errno == EINTR) continue;
            error_ = std::string("cannot read file changes: ") + std::strerror(errno);
            return false;
        }
        for (ssize_t at = 0; at < n;) {
            const auto* e = reinterpret_cast<const inotify_event*>(buffer + at);
            at += static_cast<ssize_t>(sizeof(inotify_event) + e->len);
            if (e->mask & IN_Q_OVERFLOW) {
                changed.insert("(more changes than the watch could list)");
                continue;
            }
            auto folder = folders_.find(e->wd);
            if (folder == folders_.end()) continue;
            if (e->mask & IN_IGNORED) {  // the folder went away
                folders_.erase(folder);
                continue;
            }
            const std::string path = e->len ? folder->second + "/" + e->name : folder->second;
            // A folder made inside a watched tree is watched from now on
            // (with what was put in it before the watch began).
            const bool in_tree = std::any_of(trees_.begin(), trees_.end(),
                                             [&](const std::string& t) { return within(folder->second, t); });
            if ((e->mask & IN_ISDIR) && (e->mask & (IN_CREATE | IN_MOVED_TO)) && in_tree) add_folder(path, true);
            if ((e->mask & IN_ISDIR) && !(e->mask & (IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO))) continue;
            if (!reported(path)) continue;
            // A file written and renamed away in one go (`sed -i`'s and
            // many editors' temporary file) was never the author's.
            if ((e->mask & IN_MOVED_FROM) && changed.erase(path)) continue;
            changed.insert(path);
        }
    }
}

std::vector<std::string> FileWatch::wait(std::chrono::milliseconds quiet) {
    std::set<std::string> changed;
    if (fd_ < 0 || !error_.empty()) return {};
    pollfd p{fd_, POLLIN, 0};
    // Until something that matters changes, then until it has been quiet.
    for (int timeout = -1;;) {
        int r = poll(&p, 1, timeout);
        if (r < 0 && errno == EINTR) continue;
        if (r < 0) {
            error_ = std::string("cannot wait for file changes: ") + std::strerror(errno);
            return {};
        }
        if (r == 0) {
            if (!changed.empty()) break;  // quiet for `quiet` since the last change
            timeout = -1;  // what changed was taken back (a temporary file renamed away): wait on
            continue;
        }
        if (!read_events(changed)) return {};
        timeout = changed.empty() ? -1 : static_cast<int>(quiet.count());
    }
    return {changed.begin(), changed.end()};
}

}  // namespace bb::cli
