#include "base/stage_timer.h"

#include <cstdio>
#include <cstdlib>

#include "base/resident.h"

namespace bb::base {

bool timing_enabled() {
    static const bool on = std::getenv("BOOKBUILD_TIMING") != nullptr;
    return on;
}

long long ms_since(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start).count();
}

StageTimer::StageTimer() : on_(timing_enabled()), last_(std::chrono::steady_clock::now()) {}

void StageTimer::lap(const char* what) {
    if (!on_) return;
    std::fprintf(stderr, "timing: %s %lld ms, %ld MB resident\n", what, ms_since(last_), resident_mb());
    last_ = std::chrono::steady_clock::now();
}

}  // namespace bb::base
