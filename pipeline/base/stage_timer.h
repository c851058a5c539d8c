#pragma once
/// BOOKBUILD_TIMING=1: each stage's wall time (and memory) on stderr, for
/// benchmarks and profiling; silent otherwise.
#include <chrono>

namespace bb::base {

/// True when BOOKBUILD_TIMING is set (read once).
bool timing_enabled();

/// Milliseconds since `start`.
long long ms_since(std::chrono::steady_clock::time_point start);

/// Prints "timing: <what> N ms, M MB resident" for each lap when timing is
/// enabled; a lap runs from the last one (or construction).
class StageTimer {
public:
    StageTimer();
    void lap(const char* what);

private:
    bool on_;
    std::chrono::steady_clock::time_point last_;
};

}  // namespace bb::base
