#include "base/atomic_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <signal.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>

namespace bb::base {

namespace fs = std::filesystem;

namespace {
// Temporary files of this process, for the signal handler: fixed storage,
// since a handler may not allocate. A slot is claimed with `state` 0 → 1
// (writing), published as 2 (path complete) and released back to 0.
constexpr size_t kSlots = 32, kPathMax = 4096;
struct Slot {
    std::atomic<int> state{0};
    char path[kPathMax];
};
Slot g_slots[kSlots];

int register_temp(const std::string& path) {
    if (path.size() >= kPathMax) return -1;
    for (size_t i = 0; i < kSlots; ++i) {
        int free = 0;
        if (g_slots[i].state.compare_exchange_strong(free, 1)) {
            std::memcpy(g_slots[i].path, path.c_str(), path.size() + 1);
            g_slots[i].state.store(2);
            return static_cast<int>(i);
        }
    }
    return -1;  // more than kSlots at once: still removed on normal paths
}

void unregister_temp(int slot) {
    if (slot >= 0) g_slots[slot].state.store(0);
}

extern "C" void remove_temps_and_die(int sig) {
    for (auto& slot : g_slots)
        if (slot.state.load() == 2) ::unlink(slot.path);  // async-signal-safe
    ::signal(sig, SIG_DFL);
    ::raise(sig);
}

// Removes `.NAME.tmp-PID-N` files beside `target` whose process is gone
// (a build killed with SIGKILL). A live process's file is never touched.
void remove_stale_temps(const std::string& target) {
    fs::path p(target);
    fs::path dir = p.parent_path().empty() ? fs::path(".") : p.parent_path();
    std::string name = p.filename().string();
    std::error_code ec;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
        std::string entry = it->path().filename().string();
        if (!is_temp_name_of(entry, name)) continue;
        size_t pid_at = name.size() + 6;  // after ".NAME.tmp-"
        long pid = std::strtol(entry.c_str() + pid_at, nullptr, 10);
        if (pid <= 0 || pid == getpid()) continue;
        if (::kill(static_cast<pid_t>(pid), 0) != 0 && errno == ESRCH) ::unlink(it->path().c_str());
    }
}

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

bool is_temp_name_of(const std::string& name, const std::string& target_name) {
    std::string prefix = "." + target_name + ".tmp-";
    if (name.size() <= prefix.size() || name.compare(0, prefix.size(), prefix) != 0) return false;
    // PID-N: digits, one '-', digits.
    size_t i = prefix.size(), digits = 0, dashes = 0;
    for (; i < name.size(); ++i) {
        if (name[i] >= '0' && name[i] <= '9')
            ++digits;
        else if (name[i] == '-' && digits > 0 && dashes == 0)
            ++dashes, digits = 0;
        else
            return false;
    }
    return dashes == 1 && digits > 0;
}

void install_temp_cleanup_on_signals() {
    struct sigaction sa {};
    sa.sa_handler = remove_temps_and_die;
    sigemptyset(&sa.sa_mask);
    for (int sig : {SIGINT, SIGTERM, SIGHUP}) ::sigaction(sig, &sa, nullptr);
}

PendingFile::PendingFile(std::string target) : target_(std::move(target)), temp_(temp_name_for(target_)) {
    ensure_parent(target_);
    remove_stale_temps(target_);
    slot_ = register_temp(temp_);
}

PendingFile::~PendingFile() {
    if (!committed_) ::unlink(temp_.c_str());
    unregister_temp(slot_);
}

std::string PendingFile::commit() {
    if (::rename(temp_.c_str(), target_.c_str()) != 0)
        return "cannot write " + target_ + ": " + std::strerror(errno);
    committed_ = true;
    unregister_temp(slot_);
    slot_ = -1;
    return "";
}

std::string write_file_atomically_by(const std::string& path,
                                     const std::function<std::string(const std::string& temp)>& fill) {
    if (auto err = ensure_parent(path); !err.empty()) return err;
    PendingFile pending(path);
    auto failed = [&](int err) { return "cannot write " + path + ": " + std::strerror(err); };
    int fd = ::open(pending.temp_path().c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) return failed(errno);
    ::close(fd);
    if (std::string err = fill(pending.temp_path()); !err.empty()) return err;
    // Not synced before the rename: an output can be built again, and an
    // fsync cost more than the rest of the save (2 ms of a ten-guide PDF,
    // 32 ms at N = 1000), and no compiler or typesetter pays it either.
    // ext4 (auto_da_alloc) starts writing a file's data when a rename
    // replaces another with it.
    return pending.commit();
}

std::string write_file_atomically(const std::string& path, std::string_view bytes) {
    return write_file_atomically_by(path, [&](const std::string& temp) -> std::string {
        int fd = ::open(temp.c_str(), O_WRONLY | O_TRUNC | O_CLOEXEC);
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
        if (::close(fd) != 0) return "cannot write " + path + ": " + std::strerror(errno);
        return "";
    });
}

bool read_file(const std::string& path, std::string& out) {
    out.clear();
    // Read straight into a string of the file's size: through a stream the
    // bytes were copied twice into buffers grown by doubling (three times a
    // book's size of fresh memory, its manuscript and patterns on every build).
    // O_NONBLOCK: a FIFO (not a file) is refused below instead of waited on.
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0) return false;
    struct stat st;
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        ::close(fd);
        return false;
    }
    out.resize(static_cast<size_t>(st.st_size));
    size_t done = 0;
    char more[4096];  // past the size fstat gave (a file that grew)
    for (;;) {
        const bool in_place = done < out.size();
        ssize_t n = in_place ? ::read(fd, out.data() + done, out.size() - done) : ::read(fd, more, sizeof more);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) {
            ::close(fd);
            out.clear();
            return false;
        }
        if (n == 0) break;
        if (!in_place) out.append(more, static_cast<size_t>(n));
        done += static_cast<size_t>(n);
    }
    ::close(fd);
    out.resize(done);
    return true;
}

}  // namespace bb::base
