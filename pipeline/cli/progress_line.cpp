#include "cli/progress_line.h"

#include <unistd.h>

#include <cstdlib>

namespace bb::cli {

namespace {
constexpr auto kRedraw = std::chrono::milliseconds(100);  // about ten times a second
}

ProgressLine::ProgressLine(std::FILE* out, Clock::duration delay) : out_(out), show_after_(Clock::now() + delay) {}

ProgressLine::~ProgressLine() { clear(); }

void ProgressLine::phase(std::string_view what, size_t total) {
    std::lock_guard lock(mu_);
    what_ = what;
    total_ = total;
    done_ = 0;
    auto now = Clock::now();
    if (now >= show_after_) draw(now);
}

void ProgressLine::advance(size_t steps) {
    done_.fetch_add(steps, std::memory_order_relaxed);
    auto now = Clock::now();
    if (now < show_after_ || now - last_draw_ < kRedraw) return;
    std::unique_lock lock(mu_, std::try_to_lock);
    if (lock.owns_lock() && now - last_draw_ >= kRedraw) draw(now);
}

void ProgressLine::draw(Clock::time_point now) {
    last_draw_ = now;
    if (what_.empty()) return;
    size_t done = done_.load(std::memory_order_relaxed);
    if (total_ > 0 && done > total_) done = total_;
    // "\r" back to the start of the line, "\x1b[K" erases what a longer
    // previous text left behind.
    if (total_ > 0)
        std::fprintf(out_, "\r%s %zu/%zu\x1b[K", what_.c_str(), done, total_);
    else if (done > 0)  // a count without a known end ("reading files 1200")
        std::fprintf(out_, "\r%s %zu\x1b[K", what_.c_str(), done);
    else
        std::fprintf(out_, "\r%s\x1b[K", what_.c_str());
    std::fflush(out_);
    shown_ = true;
}

void ProgressLine::clear() {
    std::lock_guard lock(mu_);
    if (!shown_) return;
    std::fputs("\r\x1b[K", out_);
    std::fflush(out_);
    shown_ = false;
}

std::unique_ptr<ProgressLine> make_progress_line(const CommonOptions& options) {
    if (options.quiet || !isatty(STDERR_FILENO)) return nullptr;
    long delay_ms = 1000;
    if (const char* v = std::getenv("BOOKBUILD_PROGRESS_DELAY_MS"); v && *v) delay_ms = std::strtol(v, nullptr, 10);
    return std::make_unique<ProgressLine>(stderr, std::chrono::milliseconds(delay_ms < 0 ? 0 : delay_ms));
}

}  // namespace bb::cli
