// The worker pool behind run_on_threads and Background: every call runs
// once, calls from inside calls and from several threads at once finish,
// and the workers are kept between batches (their thread-local state too).
#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <thread>
#include <vector>

#include "base/threads.h"

namespace bb::base {
namespace {

TEST(Threads, EveryCallRunsOnce) {
    for (unsigned jobs : {1u, 2u, 5u, 8u}) {
        std::atomic<int> calls{0};
        run_on_threads(jobs, [&] { ++calls; });
        EXPECT_EQ(calls.load(), static_cast<int>(jobs)) << jobs << " jobs";
    }
}

TEST(Threads, TheJobLimitBoundsEveryStageThatAsksForTheDefault) {
    const unsigned per_core = std::min(8u, std::max(1u, std::thread::hardware_concurrency()));
    set_job_limit(0);
    EXPECT_EQ(job_limit(), per_core);
    EXPECT_EQ(threads_for(0, 1000), per_core);
    set_job_limit(3);
    EXPECT_EQ(job_limit(), 3u);
    EXPECT_EQ(threads_for(0, 1000), 3u) << "a stage asking for the default gets the limit";
    EXPECT_EQ(threads_for(0, 2), 2u) << "never more threads than tasks";
    EXPECT_EQ(threads_for(5, 1000), 5u) << "a stage's own number stands";
    set_job_limit(1);
    EXPECT_EQ(threads_for(0, 1000), 1u);
    set_job_limit(0);
    EXPECT_EQ(threads_for(0, 1000), per_core);
}

TEST(Threads, NestedBatchesFinish) {
    // Every outer call starts a batch of its own and waits for it: with all
    // workers busy in outer calls, the inner calls run on their callers.
    std::atomic<int> inner{0};
    run_on_threads(4, [&] { run_on_threads(4, [&] { ++inner; }); });
    EXPECT_EQ(inner.load(), 16);
}

TEST(Threads, BatchesFromSeveralThreadsAtOnce) {
    std::atomic<int> calls{0};
    std::vector<std::thread> starters;
    for (int t = 0; t < 4; ++t)
        starters.emplace_back([&] {
            for (int round = 0; round < 50; ++round) run_on_threads(3, [&] { ++calls; });
        });
    for (auto& t : starters) t.join();
    EXPECT_EQ(calls.load(), 4 * 50 * 3);
}

TEST(Threads, WorkersAreKeptBetweenBatches) {
    // A thread-local counter survives from one batch to the next on a
    // worker: the pool does not start fresh threads per batch (on a fresh
    // thread the counter would always read 0).
    thread_local int seen = 0;
    const std::thread::id caller = std::this_thread::get_id();
    std::atomic<int> warm_workers{0};
    for (int round = 0; round < 20; ++round)
        run_on_threads(2, [&] {
            if (std::this_thread::get_id() != caller && seen > 0) ++warm_workers;
            ++seen;
            // Long enough that the worker, not the caller, takes the other call.
            std::this_thread::sleep_for(std::chrono::milliseconds(1));
        });
    EXPECT_GT(warm_workers.load(), 0);
}

TEST(Threads, BackgroundRunsWhileTheCallerGoesOn) {
    std::atomic<bool> started{false}, release{false};
    Background task([&] {
        started = true;
        while (!release) std::this_thread::yield();
    });
    // The caller is not blocked: it can see the task start and then let it end.
    while (!started) std::this_thread::yield();
    release = true;
    task.wait();
    task.wait();  // a second wait returns at once
}

TEST(Threads, BackgroundWaitedForBeforeItStartedRunsOnTheWaiter) {
    // Many tasks at once: whichever no worker took yet, wait() runs itself.
    std::atomic<int> done{0};
    std::vector<Background> tasks;
    for (int k = 0; k < 64; ++k) tasks.emplace_back([&] { ++done; });
    for (auto& t : tasks) t.wait();
    EXPECT_EQ(done.load(), 64);
}

TEST(Threads, MovedBackgroundWaitsForItsOldTask) {
    std::atomic<int> done{0};
    Background task([&] { ++done; });
    task = Background([&] { ++done; });  // waits for the first
    EXPECT_GE(done.load(), 1);
    task.wait();
    EXPECT_EQ(done.load(), 2);
}

// What a Disposer is given is destroyed once, by the time the Disposer
// is gone, and not on the caller's thread while a worker is free.
TEST(Threads, DisposerFreesOnWorkersAndWaitsAtItsEnd) {
    struct Counted {
        std::atomic<int>* freed;
        std::atomic<int>* on_caller;
        std::thread::id caller;
        Counted(std::atomic<int>* f, std::atomic<int>* c) : freed(f), on_caller(c), caller(std::this_thread::get_id()) {}
        Counted(Counted&& o) noexcept : freed(o.freed), on_caller(o.on_caller), caller(o.caller) { o.freed = nullptr; }
        ~Counted() {
            if (!freed) return;  // moved from
            std::this_thread::sleep_for(std::chrono::milliseconds(2));
            if (std::this_thread::get_id() == caller) ++*on_caller;
            ++*freed;
        }
    };
    std::atomic<int> freed{0}, on_caller{0};
    {
        Disposer disposer;
        for (int k = 0; k < 8; ++k) disposer.dispose(Counted(&freed, &on_caller));
        std::vector<int> big(1000, 7);
        disposer.dispose(std::move(big));
        EXPECT_TRUE(big.empty());
    }
    EXPECT_EQ(freed.load(), 8);
    if (std::thread::hardware_concurrency() > 1) {
        EXPECT_LT(on_caller.load(), 8);
    }
}

}  // namespace
}  // namespace bb::base
