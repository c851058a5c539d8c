#include "base/threads.h"

#include <algorithm>
#include <thread>
#include <vector>

namespace bb::base {

void run_on_threads(unsigned jobs, const std::function<void()>& work) {
    if (jobs <= 1) {
        work();
        return;
    }
    std::vector<std::thread> threads;
    threads.reserve(jobs);
    for (unsigned j = 0; j < jobs; ++j) threads.emplace_back(work);
    for (auto& t : threads) t.join();
}

unsigned threads_for(unsigned wanted, size_t tasks) {
    unsigned jobs = wanted ? wanted : std::min(8u, std::max(1u, std::thread::hardware_concurrency()));
    return static_cast<unsigned>(std::max<size_t>(1, std::min<size_t>(jobs, tasks)));
}

}  // namespace bb::base
