#pragma once
/// Shared inputs of the micro-benchmarks: generated manuscripts (cached by N),
/// the default style, and the loaded book, built once per process.
#include <cstddef>
#include <string>

#include "model/book.h"
#include "style/sheet.h"

namespace bb::bench {

/// Folder of a generated manuscript of `n` guides: $BB_BENCH_CORPUS/n/manuscript
/// when bench/run made it, else generated once with bench/gen_corpus.py into
/// /tmp/bookbuild-bench-corpus/n.
std::string corpus(size_t n);

/// styles/default.yaml of the source tree, loaded once.
const style::Sheet& default_sheet();

/// The manuscript of `n` guides, loaded once (typography on, as the style says).
const model::Book& book(size_t n);

}  // namespace bb::bench
