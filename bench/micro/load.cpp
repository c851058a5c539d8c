// Manuscript and style loading: XML parse, schema checks, typography pass,
// reference resolution (manuscript::load), and the YAML style (style::load).
#include <benchmark/benchmark.h>

#include "base/diagnostics.h"
#include "base/source_map.h"
#include "common.h"
#include "manuscript/load.h"
#include "style/load.h"

namespace {

void BM_ManuscriptLoad(benchmark::State& state) {
    const auto n = static_cast<size_t>(state.range(0));
    const std::string dir = bb::bench::corpus(n);
    for (auto _ : state) {
        bb::base::SourceMap sources;
        bb::base::Sink sink;
        auto book = bb::manuscript::load(dir, {}, sources, sink);
        if (!book) state.SkipWithError("manuscript does not load");
        benchmark::DoNotOptimize(book);
    }
    state.counters["guides"] = static_cast<double>(n);
}
BENCHMARK(BM_ManuscriptLoad)->Arg(10)->Arg(100)->Arg(1000)->Unit(benchmark::kMillisecond);

void BM_StyleLoad(benchmark::State& state) {
    for (auto _ : state) {
        bb::base::SourceMap sources;
        bb::base::Sink sink;
        auto sheet = bb::style::load(BB_SOURCE_DIR "/styles/default.yaml", sources, sink);
        if (!sheet) state.SkipWithError("style does not load");
        benchmark::DoNotOptimize(sheet);
    }
}
BENCHMARK(BM_StyleLoad)->Unit(benchmark::kMicrosecond);

}  // namespace
