#pragma once
/// Work on other threads, through one pool of worker threads kept for the
/// process: `run_on_threads` runs one work loop on a few threads at once
/// (the callers share their work through an atomic counter, so `work` is
/// the same function on each thread); `Background` runs one function while
/// the caller goes on.
#include <cstddef>
#include <functional>
#include <memory>
#include <type_traits>
#include <vector>

namespace bb::base {

/// Calls `work` `jobs` times, on the calling thread and on `jobs - 1` pool
/// workers (on the calling thread alone when jobs is 0 or 1), and returns
/// when every call has returned. A call no worker has started when the
/// caller finishes its own runs on the caller, so the calls may not wait
/// for one another; `work` must not throw. Safe from several threads at
/// once and from inside `work`.
void run_on_threads(unsigned jobs, const std::function<void()>& work);

/// How many threads the build's parallel stages use at most (`--jobs`):
/// `jobs`, or 0 for one per core (at most 8). Set once, before the build
/// starts; the output is the same whatever it is.
void set_job_limit(unsigned jobs);
/// The limit in force: what set_job_limit gave, else one per core (at most 8).
unsigned job_limit();

/// The number of threads for `tasks` pieces of work: `wanted` (0 =
/// job_limit()), never more than there are tasks, at least 1.
unsigned threads_for(unsigned wanted, size_t tasks);

/// One call of a function (and how many of them have not returned): the
/// pool's unit of work.
struct Batch {
    std::function<void()> work;
    unsigned pending;
};

/// A function running on a pool worker while its owner goes on; `wait`
/// (or the destructor) returns once it has returned, running it on the
/// waiting thread if no worker had started it. `work` must not throw.
class Background {
public:
    Background() = default;
    explicit Background(std::function<void()> work);
    Background(Background&&) noexcept = default;
    /// Waits for the function this one held, then takes `other`'s.
    Background& operator=(Background&& other) noexcept;
    ~Background();
    void wait();

private:
    std::unique_ptr<Batch> batch_;
};

/// Frees what its owner no longer needs on pool workers while the owner
/// goes on (a big layout's working data takes tens of milliseconds to free,
/// on one thread, between stages); the destructor waits for them.
class Disposer {
public:
    /// `thing` (moved in) is destroyed on a worker.
    template <class T>
    void dispose(T&& thing) {
        static_assert(!std::is_lvalue_reference_v<T>, "dispose takes what it frees by move");
        // The lambda holds the only reference (std::function wants a
        // copyable callable, hence the shared_ptr): it is dropped, and the
        // thing freed, on the worker.
        auto held = std::make_shared<std::decay_t<T>>(std::move(thing));
        jobs_.emplace_back([held = std::move(held)]() mutable { held.reset(); });
    }

private:
    std::vector<Background> jobs_;
};

}  // namespace bb::base
