#pragma once
/// What a build may learn from outside its inputs: only the command line
/// fills this (design.md: hermetic and deterministic builds).
#include <cstdint>
#include <optional>
#include <string>

namespace bb::base {

/// Build environment handed to every stage that needs it.
struct Env {
    /// Seconds since the epoch used for every date written into outputs:
    /// SOURCE_DATE_EPOCH when set, else the manuscript's meta/date.
    std::optional<int64_t> source_date_epoch;
    bool strict = false;   ///< warnings are errors
    bool quiet = false;    ///< no progress output
    unsigned jobs = 1;     ///< worker threads for layout
};

/// Seconds since the epoch of a `YYYY-MM-DD` date at 00:00 UTC, or nullopt.
std::optional<int64_t> epoch_of_date(const std::string& yyyy_mm_dd);

/// UTC calendar fields of an epoch second.
struct UtcTime { int year, month, day, hour, minute, second; };
UtcTime utc_time(int64_t epoch);

/// `2026-11-28T00:00:00Z`
std::string iso8601(int64_t epoch);

}  // namespace bb::base
