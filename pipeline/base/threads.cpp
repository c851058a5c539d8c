#include "base/threads.h"

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>
#include <vector>

namespace bb::base {

namespace {

/// Worker threads kept for the whole run: a build starts work on other
/// threads a few dozen times (the passes, the fonts, the PDF's pages, the
/// loader's checker), and fresh threads each time paid for their creation,
/// a new allocator heap torn down again at their end (mimalloc's thread
/// exit alone was 3 % of a ten-guide build's instructions) and cold
/// per-thread caches (hyphenation memo, deflater).
class Pool {
public:
    static Pool& instance() {
        static Pool pool;
        return pool;
    }

    ~Pool() {
        {
            std::lock_guard lock(mu_);
            stop_ = true;
        }
        wake_.notify_all();
        for (auto& t : threads_) t.join();
    }

    /// Queues `calls` calls of `batch`, with a worker free for each.
    void submit(Batch& batch, unsigned calls) {
        {
            std::lock_guard lock(mu_);
            for (unsigned k = 0; k < calls; ++k) queue_.push_back(&batch);
            // A worker for every queued call: one that stayed busy (a
            // background task) must not leave a batch's calls waiting.
            while (threads_.size() - busy_ < queue_.size()) threads_.emplace_back([this] { serve(); });
        }
        wake_.notify_all();
    }

    /// Waits until every call of `batch` has returned, making the calls no
    /// worker has taken yet on this thread (so a batch started from inside
    /// a worker never waits for workers that are all waiting too).
    void finish(Batch& batch) {
        std::unique_lock lock(mu_);
        while (batch.pending > 0) {
            auto mine = std::find(queue_.begin(), queue_.end(), &batch);
            if (mine == queue_.end()) {
                done_.wait(lock);
                continue;
            }
            queue_.erase(mine);
            call(batch, lock);
        }
    }

private:
    /// Runs one call of `batch` with `lock` released.
    void call(Batch& batch, std::unique_lock<std::mutex>& lock) {
        lock.unlock();
        batch.work();
        lock.lock();
        if (--batch.pending == 0) done_.notify_all();
    }

    void serve() {
        std::unique_lock lock(mu_);
        for (;;) {
            wake_.wait(lock, [&] { return stop_ || !queue_.empty(); });
            if (queue_.empty()) return;  // stopping
            Batch* batch = queue_.front();
            queue_.pop_front();
            ++busy_;
            call(*batch, lock);
            --busy_;
        }
    }

    std::mutex mu_;
    std::condition_variable wake_, done_;
    std::deque<Batch*> queue_;
    std::vector<std::thread> threads_;
    size_t busy_ = 0;  ///< workers running a call
    bool stop_ = false;
};

}  // namespace

void run_on_threads(unsigned jobs, const std::function<void()>& work) {
    if (jobs <= 1) {
        work();
        return;
    }
    Batch batch{work, jobs - 1};
    Pool::instance().submit(batch, jobs - 1);
    work();
    Pool::instance().finish(batch);
}

namespace {
std::atomic<unsigned> g_job_limit{0};  // 0: one per core
}  // namespace

void set_job_limit(unsigned jobs) { g_job_limit = jobs; }

unsigned job_limit() {
    const unsigned set = g_job_limit;
    return set ? set : std::min(8u, std::max(1u, std::thread::hardware_concurrency()));
}

unsigned threads_for(unsigned wanted, size_t tasks) {
    unsigned jobs = wanted ? wanted : job_limit();
    return static_cast<unsigned>(std::max<size_t>(1, std::min<size_t>(jobs, tasks)));
}

Background::Background(std::function<void()> work) : batch_(std::make_unique<Batch>(Batch{std::move(work), 1})) {
    Pool::instance().submit(*batch_, 1);
}

Background::~Background() { wait(); }

Background& Background::operator=(Background&& other) noexcept {
    if (this != &other) {
        wait();
        batch_ = std::move(other.batch_);
    }
    return *this;
}

void Background::wait() {
    if (!batch_) return;
    Pool::instance().finish(*batch_);
    batch_.reset();
}

}  // namespace bb::base
