#include "epub/zip.h"

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <unordered_map>

#include "base/deflate.h"
#include "base/env.h"
#include "base/threads.h"

namespace bb::epub {

// The container is written here rather than by libzip: libzip 1.7 deflates
// every entry inside zip_close, one after the other, and has no public way to
// take data deflated elsewhere (notes/libraries.md §2). Deflating the entries
// on several threads first and then laying out the headers ourselves gives
// the same archive layout libzip wrote (local header, data, central
// directory, end record; no extra fields, no data descriptors, no ZIP64).

/// A deflated (or stored) entry, ready to be laid out.
struct ZipDeflater::Result {
    std::string data;  ///< the bytes as stored in the archive
    uint32_t crc = 0;
    bool deflated = false;
    std::string error;
};

namespace {

using Packed = ZipDeflater::Result;

uint64_t hash_of(std::string_view data) { return std::hash<std::string_view>{}(data); }

}  // namespace

/// The last container's deflated entries by their bytes' hash (each with its
/// bytes, compared before one is taken), and this container's as they come.
struct DeflateMemory::Impl {
    struct Kept {
        std::string data;
        Packed packed;
    };
    int level = -1;
    std::unordered_multimap<uint64_t, Kept> last, next;
    std::mutex mu;  // `next` is filled from the deflating threads
    size_t taking = 0, taken = 0;  // entries this container took from `last`; the last container's

    const Packed* find(std::string_view data, int at_level) const {
        if (at_level != level) return nullptr;
        auto [from, to] = last.equal_range(hash_of(data));
        for (auto it = from; it != to; ++it)
            if (it->second.data == data) return &it->second.packed;
        return nullptr;
    }
    /// `data` deflated as `p` (`reused`: taken from `last`) for the next container.
    void keep(std::string_view data, const Packed& p, bool reused) {
        std::lock_guard lock(mu);
        next.emplace(hash_of(data), Kept{std::string(data), p});
        if (reused) ++taking;
    }
    /// This container is done: its entries are what the next one may take.
    void turn(int at_level) {
        last = std::move(next);
        next.clear();
        level = at_level;
        taken = taking;
        taking = 0;
    }
};

DeflateMemory::DeflateMemory() : impl(std::make_unique<Impl>()) {}
DeflateMemory::~DeflateMemory() = default;
DeflateMemory::DeflateMemory(DeflateMemory&&) noexcept = default;
DeflateMemory& DeflateMemory::operator=(DeflateMemory&&) noexcept = default;
size_t DeflateMemory::taken() const { return impl->taken; }

namespace {

void put16(std::string& out, uint32_t v) {
    out += static_cast<char>(v & 0xFF);
    out += static_cast<char>((v >> 8) & 0xFF);
}

void put32(std::string& out, uint32_t v) {
    put16(out, v & 0xFFFF);
    put16(out, v >> 16);
}

Packed pack(std::string_view data, bool store, int level) {
    Packed p;
    p.crc = base::crc32(data);
    // An empty file is stored: deflate would only add bytes (libzip does the same).
    if (store || data.empty()) return p;
    p.deflated = base::thread_deflater(level).compress(data, base::Deflater::Format::Raw, p.data);
    if (!p.deflated) p.error = "libdeflate could not deflate the data";
    return p;
}

unsigned thread_count(unsigned jobs) { return jobs ? jobs : base::job_limit(); }

}  // namespace

struct ZipDeflater::State {
    struct Job {
        std::string_view data;
        bool claimed = false, done = false;
        Result result;
    };
    int level;
    DeflateMemory::Impl* memory = nullptr;  ///< see ZipOptions::memory
    std::mutex mu;
    std::condition_variable cv;
    std::deque<Job> jobs;  // a deque: jobs keep their address as more are added
    std::unordered_map<const char*, Job*> by_data;
    size_t next = 0;      // first unclaimed job (claimed in order)
    size_t finished = 0;  // jobs done
    bool stop = false;
    std::vector<base::Background> threads;

    // Runs the next unclaimed job; false when there is none. With `lock` held.
    bool run_one(std::unique_lock<std::mutex>& lock) {
        while (next < jobs.size() && jobs[next].claimed) ++next;  // taken from memory
        if (next >= jobs.size()) return false;
        Job& job = jobs[next++];
        job.claimed = true;
        lock.unlock();
        Result r = pack(job.data, false, level);
        if (memory) memory->keep(job.data, r, false);
        lock.lock();
        job.result = std::move(r);
        job.done = true;
        ++finished;
        cv.notify_all();
        return true;
    }
    void work() {
        std::unique_lock lock(mu);
        for (;;) {
            cv.wait(lock, [&] { return stop || next < jobs.size(); });
            if (stop) return;
            run_one(lock);
        }
    }
};

ZipDeflater::ZipDeflater(const ZipOptions& options) : state_(std::make_unique<State>()) {
    state_->level = options.level;
    state_->memory = options.memory ? options.memory->impl.get() : nullptr;
    // The caller's thread is busy preparing the next files: all the other
    // cores deflate (at least one thread, so preparing and deflating overlap).
    // -j 1: everything on the caller's thread.
    const unsigned threads = thread_count(options.jobs);
    const unsigned workers = threads == 1 ? 0 : threads - 1;
    for (unsigned k = 0; k < workers; ++k) state_->threads.emplace_back([s = state_.get()] { s->work(); });
}

ZipDeflater::~ZipDeflater() {
    {
        std::lock_guard lock(state_->mu);
        state_->stop = true;
    }
    state_->cv.notify_all();
    for (auto& t : state_->threads) t.wait();
}

void ZipDeflater::submit(std::string_view data) {
    std::lock_guard lock(state_->mu);
    // Short strings live inside the std::string (they move when it moves,
    // and their old address could later hold other bytes): not worth it.
    if (data.size() < 256 || state_->by_data.count(data.data())) return;
    state_->jobs.emplace_back();
    state_->jobs.back().data = data;
    state_->by_data[data.data()] = &state_->jobs.back();
    // Deflated for the last container already: done, with no work.
    if (const Packed* known = state_->memory ? state_->memory->find(data, state_->level) : nullptr) {
        State::Job& job = state_->jobs.back();
        job.result = *known;
        job.claimed = job.done = true;
        state_->memory->keep(data, *known, true);
        ++state_->finished;
        return;
    }
    state_->cv.notify_one();
}

ZipDeflater::Result* ZipDeflater::result(std::string_view data) {
    State& s = *state_;
    std::unique_lock lock(s.mu);
    while (s.run_one(lock)) {
    }
    s.cv.wait(lock, [&] { return s.finished == s.jobs.size(); });
    auto it = s.by_data.find(data.data());
    if (it == s.by_data.end() || it->second->data.size() != data.size()) return nullptr;
    return &it->second->result;
}

std::optional<std::string> make_zip(const std::vector<ZipEntry>& entries, int64_t epoch, std::string& error,
                                    const ZipOptions& options, ZipDeflater* ahead) {
    // DOS dates start in 1980; clamp earlier build dates instead of wrapping.
    base::UtcTime t = base::utc_time(epoch < 315532800 ? 315532800 : epoch);
    if (t.year > 2107) t = {2107, 12, 31, 23, 59, 58};
    const uint32_t dos_time = static_cast<uint32_t>((t.hour << 11) | (t.minute << 5) | (t.second / 2));
    const uint32_t dos_date = static_cast<uint32_t>(((t.year - 1980) << 9) | (t.month << 5) | t.day);

    // Without ZIP64 every size and offset must fit in 32 bits.
    constexpr uint64_t kLimit = 0xFFFFFFFFull;
    if (entries.size() > 0xFFFF) {
        error = "too many files for a ZIP without ZIP64";
        return std::nullopt;
    }
    for (const ZipEntry& e : entries)
        if (e.data.size() >= kLimit || e.name.size() > 0xFFFF) {
            error = "file too large for a ZIP without ZIP64: " + e.name;
            return std::nullopt;
        }

    // Deflate on `jobs` threads, each taking the next entry; each entry's
    // bytes depend on that entry alone, so the archive does not depend on
    // the number of threads.
    std::vector<Packed> packed(entries.size());
    std::vector<size_t> todo;  // entries not deflated in advance
    for (size_t i = 0; i < entries.size(); ++i) {
        Packed* done = ahead && !entries[i].store ? ahead->result(entries[i].data) : nullptr;
        if (done) packed[i] = std::move(*done);  // each result is used once
        else todo.push_back(i);
    }
    unsigned jobs = thread_count(options.jobs);
    jobs = std::min<unsigned>(jobs, static_cast<unsigned>(std::max<size_t>(1, todo.size())));
    std::atomic<size_t> next{0};
    auto work = [&] {
        for (size_t k; (k = next.fetch_add(1)) < todo.size();) {
            const ZipEntry& e = entries[todo[k]];
            DeflateMemory::Impl* memory = options.memory && !e.store ? options.memory->impl.get() : nullptr;
            const Packed* known = memory ? memory->find(e.data, options.level) : nullptr;
            packed[todo[k]] = known ? *known : pack(e.data, e.store, options.level);
            if (memory) memory->keep(e.data, packed[todo[k]], known != nullptr);
        }
    };
    base::run_on_threads(jobs, work);
    if (options.memory) options.memory->impl->turn(options.level);

    size_t total = 22;
    for (size_t i = 0; i < entries.size(); ++i) {
        if (!packed[i].error.empty()) {
            error = "cannot compress " + entries[i].name + ": " + packed[i].error;
            return std::nullopt;
        }
        const size_t stored = packed[i].deflated ? packed[i].data.size() : entries[i].data.size();
        total += 30 + 46 + 2 * entries[i].name.size() + stored;
    }
    if (total >= kLimit) {
        error = "the EPUB is too large for a ZIP without ZIP64";
        return std::nullopt;
    }

    // General purpose flags: bit 11, names are UTF-8 (only set when a name is
    // not ASCII, as libzip does); bits 1-2, the deflate option (APPNOTE
    // 4.4.4, as Info-ZIP sets them): 01 maximum, 10 fast, 11 super fast.
    auto flags_of = [&](size_t i) {
        uint32_t f = 0;
        for (unsigned char c : entries[i].name)
            if (c >= 0x80) f |= 0x0800;
        if (packed[i].deflated) {
            if (options.level >= 8) f |= 0x0002;
            else if (options.level == 2) f |= 0x0004;
            else if (options.level <= 1) f |= 0x0006;
        }
        return f;
    };
    std::string out;
    out.reserve(total);
    std::vector<uint32_t> offsets(entries.size());
    for (size_t i = 0; i < entries.size(); ++i) {
        const ZipEntry& e = entries[i];
        const Packed& p = packed[i];
        const std::string& body = p.deflated ? p.data : e.data;
        offsets[i] = static_cast<uint32_t>(out.size());
        put32(out, 0x04034b50);                   // local file header
        put16(out, p.deflated ? 20 : 10);         // version needed: 2.0 for deflate
        put16(out, flags_of(i));
        put16(out, p.deflated ? 8 : 0);           // method
        put16(out, dos_time);
        put16(out, dos_date);
        put32(out, p.crc);
        put32(out, static_cast<uint32_t>(body.size()));
        put32(out, static_cast<uint32_t>(e.data.size()));
        put16(out, static_cast<uint32_t>(e.name.size()));
        put16(out, 0);                            // no extra field (mimetype must have none)
        out += e.name;
        out += body;
    }
    const uint32_t cd_start = static_cast<uint32_t>(out.size());
    for (size_t i = 0; i < entries.size(); ++i) {
        const ZipEntry& e = entries[i];
        const Packed& p = packed[i];
        const size_t stored = p.deflated ? p.data.size() : e.data.size();
        put32(out, 0x02014b50);                   // central directory header
        put16(out, (3u << 8) | (p.deflated ? 20 : 10));  // made by: UNIX, spec 2.0 / 1.0
        put16(out, p.deflated ? 20 : 10);
        put16(out, flags_of(i));
        put16(out, p.deflated ? 8 : 0);
        put16(out, dos_time);
        put16(out, dos_date);
        put32(out, p.crc);
        put32(out, static_cast<uint32_t>(stored));
        put32(out, static_cast<uint32_t>(e.data.size()));
        put16(out, static_cast<uint32_t>(e.name.size()));
        put16(out, 0);                            // extra field
        put16(out, 0);                            // comment
        put16(out, 0);                            // disk number
        put16(out, 0);                            // internal attributes
        put32(out, 0100644u << 16);               // external: a regular file, rw-r--r--
        put32(out, offsets[i]);
        out += e.name;
    }
    const uint32_t cd_size = static_cast<uint32_t>(out.size()) - cd_start;
    put32(out, 0x06054b50);                       // end of central directory
    put16(out, 0);
    put16(out, 0);
    put16(out, static_cast<uint32_t>(entries.size()));
    put16(out, static_cast<uint32_t>(entries.size()));
    put32(out, cd_size);
    put32(out, cd_start);
    put16(out, 0);                                // no comment
    return out;
}

}  // namespace bb::epub
