#include "base/atomic_file.h"

#include <fcntl.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace bb::base {

namespace fs = std::filesystem;

namespace {
std::string temp_name_for(const std::string& target) {
    static std::atomic<unsigned> counter{0};
    fs::path p(target);
    std::string name = "." + p.filename().string() + ".tmp-" + std::to_string(getpid()) + "-" +
                       std::to_string(counter++);
    return (p.parent_path() / name).string();
}

std::string ensure_parent(const std::string& target) {
    fs::path parent = fs::path(target).parent_path();
    if (parent.empty()) return "";
    std::error_code ec;
    fs::create_directories(parent, ec);
    if (ec) return "cannot create folder " + parent.string() + ": " + ec.message();
    return "";
}
}  // namespace

PendingFile::PendingFile(std::string target) : target_(std::move(target)), temp_(temp_name_for(target_)) {
    ensure_parent(target_);
}

PendingFile::~PendingFile() {
    if (!committed_) ::unlink(temp_.c_str());
}

std::string PendingFile::commit() {
    if (::rename(temp_.c_str(), target_.c_str()) != 0)
        return "cannot write " + target_ + ": " + std::strerror(errno);
    committed_ = true;
    return "";
}

std::string write_file_atomically(const std::string& path, std::string_view bytes) {
    if (auto err = ensure_parent(path); !err.empty()) return err;
    PendingFile pending(path);
    int fd = ::open(pending.temp_path().c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) return "cannot write " + path + ": " + std::strerror(errno);
    size_t done = 0;
    while (done < bytes.size()) {
        ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
        if (n < 0) {
            if (errno == EINTR) continue;
            std::string err = "cannot write " + path + ": " + std::strerror(errno);
            ::close(fd);
            return err;
        }
        done += static_cast<size_t>(n);
    }
    if (::fsync(fd) != 0 || ::close(fd) != 0) return "cannot write " + path + ": " + std::strerror(errno);
    return pending.commit();
}

bool read_file(const std::string& path, std::string& out) {
    out.clear();
    std::error_code ec;
    if (!fs::is_regular_file(path, ec)) return false;
    std::ifstream in(path, std::ios::binary);
    if (!in) return false;
    std::ostringstream ss;
    ss << in.rdbuf();
    out = std::move(ss).str();
    return true;
}

}  // namespace bb::base
