#pragma once
/// The progress line a command shows on a terminal while it builds
/// ("laying out guides 412/1000"): one line on stderr, rewritten in place,
/// erased when the command is done. Shown only once a build has run for a
/// while (`delay`), so quick builds print nothing extra.
#include <atomic>
#include <chrono>
#include <cstdio>
#include <memory>
#include <mutex>
#include <string>

#include "base/progress.h"
#include "cli/options.h"

namespace bb::cli {

/// A base::Progress that draws on a terminal, at most every 100 ms.
/// Thread-safe: a worker that finds another thread drawing just counts.
class ProgressLine : public base::Progress {
public:
    using Clock = std::chrono::steady_clock;
    ProgressLine(std::FILE* out, Clock::duration delay);
    ~ProgressLine() override;

    void phase(std::string_view what, size_t total) override;
    void advance(size_t steps = 1) override;
    /// Erases the line if it is shown (before other output, and at the end).
    void clear();

private:
    void draw(Clock::time_point now);  ///< with mu_ held

    std::FILE* out_;
    Clock::time_point show_after_;
    Clock::time_point last_draw_{};
    std::mutex mu_;
    std::string what_;
    size_t total_ = 0;
    std::atomic<size_t> done_{0};
    bool shown_ = false;
};

/// The progress line for a command: one when stderr is a terminal and -q was
/// not given, else none. BOOKBUILD_PROGRESS_DELAY_MS sets how long a build
/// runs before the line appears (default 1000; the tests use 0).
std::unique_ptr<ProgressLine> make_progress_line(const CommonOptions& options);

}  // namespace bb::cli
