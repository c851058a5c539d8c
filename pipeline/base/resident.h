#pragma once
/// The process's memory use, for BOOKBUILD_TIMING's stage lines: which stage
/// holds the memory, not only how long it took.

namespace bb::base {

/// Resident memory now, in MB (0 where /proc/self/statm cannot be read).
long resident_mb();

}  // namespace bb::base
