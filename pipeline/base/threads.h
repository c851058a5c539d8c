#pragma once
/// Running one work loop on a few threads: the callers share their work
/// through an atomic counter, so `work` is the same function on each thread.
#include <cstddef>
#include <functional>

namespace bb::base {

/// Calls `work` on `jobs` threads (on the calling thread alone when jobs is
/// 0 or 1) and returns when every call has returned.
void run_on_threads(unsigned jobs, const std::function<void()>& work);

/// The number of threads for `tasks` pieces of work: `wanted` (0 = one per
/// core, at most 8), never more than there are tasks, at least 1.
unsigned threads_for(unsigned wanted, size_t tasks);

}  // namespace bb::base
