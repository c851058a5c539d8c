#pragma once
/// How far a long stage has come, for the progress line a terminal shows
/// ("laying out guides 412/1000"). Stages only count; the CLI decides whether
/// and how to show it (cli/progress_line.h), since only the CLI touches the
/// terminal and the clock (design.md).
#include <cstddef>
#include <string_view>

namespace bb::base {

/// Receives a stage's progress. `advance` may be called from several threads
/// at once; implementations must be thread-safe and cheap (a stage calls it
/// once per chapter or page).
class Progress {
public:
    virtual ~Progress() = default;
    /// A new phase of `total` steps (0: not known beforehand, only
    /// counted), named for people ("writing pages").
    virtual void phase(std::string_view what, size_t total) = 0;
    /// `steps` more steps of the current phase are done.
    virtual void advance(size_t steps = 1) = 0;
};

/// `p->phase(...)` when there is a receiver (stages take a nullable pointer).
inline void progress_phase(Progress* p, std::string_view what, size_t total) {
    if (p) p->phase(what, total);
}

/// `p->advance(steps)` when there is a receiver.
inline void progress_advance(Progress* p, size_t steps = 1) {
    if (p) p->advance(steps);
}

}  // namespace bb::base
