#pragma once
/// Shared helpers of the fuzz targets (tests/fuzz/README.md): a scratch folder
/// per process, invariant checks that abort (so libFuzzer and the g++ corpus
/// replay both see a violated invariant as a crash), and the checks every
/// target makes of the diagnostics a stage reported.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "base/diagnostics.h"
#include "base/source_map.h"

/// Checks `cond` in every build (assert() is compiled out in RelWithDebInfo).
#define BB_FUZZ_CHECK(cond) ((cond) ? (void)0 : ::bb::fuzz::check_failed(#cond, __FILE__, __LINE__))

namespace bb::fuzz {

/// Prints the failed invariant and aborts: a crash for libFuzzer and ctest.
[[noreturn]] void check_failed(const char* what, const char* file, int line);

/// A folder private to this process, created on first use under $TMPDIR (or
/// /tmp) and removed at normal exit. A crash leaves it behind (bb-fuzz-*).
const std::string& scratch_dir();

/// Writes `data` to `path` (replacing it), creating parent folders.
void write_file(const std::string& path, std::string_view data);

/// Copies `from` (a folder of the source tree) into `to`, recursively.
void copy_tree(const std::string& from, const std::string& to);

/// The repository root (BB_SOURCE_DIR, compiled in).
std::string source_dir();

/// Invariants of a finished run's diagnostics: every known span names a
/// registered file and an offset inside it, its line and column are >= 1, the
/// message is not empty, and it renders as one line of text (plus the quoted
/// source line and caret) without raw control characters, and as JSON.
void check_diagnostics(const base::Sink& sink, const base::SourceMap& sources);

}  // namespace bb::fuzz

/// The libFuzzer entry point each target defines.
extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);
/// Optional set-up before the first input (libFuzzer calls it when defined).
extern "C" __attribute__((weak)) int LLVMFuzzerInitialize(int* argc, char*** argv);
