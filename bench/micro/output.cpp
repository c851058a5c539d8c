// Layout and the writers: typeset::layout (flow, line breaking, pagination,
// page references), pdf::render (drawing with libharu, font subsetting),
// epub::write (XHTML, CSS, fonts, ZIP) and the ZIP deflate alone.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "base/diagnostics.h"
#include "common.h"
#include "epub/write.h"
#include "epub/zip.h"
#include "pdf/write.h"
#include "text/font_metrics.h"
#include "typeset/layout.h"

namespace {

bb::typeset::PagedDoc lay_out(size_t n, bb::text::FontSet& fonts, bb::typeset::LayoutStats* stats = nullptr) {
    bb::typeset::LayoutOptions lo;
    lo.image_dir = bb::bench::corpus(n) + "/images";
    bb::base::Sink sink;
    return bb::typeset::layout(bb::bench::book(n), bb::bench::default_sheet(), lo, fonts, sink, stats);
}

void BM_Layout(benchmark::State& state) {
    const auto n = static_cast<size_t>(state.range(0));
    bb::bench::book(n);  // loaded outside the timing
    size_t pages = 0;
    int passes = 0;
    for (auto _ : state) {
        bb::text::FontSet fonts;
        bb::typeset::LayoutStats stats;
        auto doc = lay_out(n, fonts, &stats);
        pages = doc.pages.size();
        passes = stats.passes;
        benchmark::DoNotOptimize(doc);
    }
    state.counters["pages"] = static_cast<double>(pages);
    state.counters["passes"] = passes;
    state.counters["pages/s"] =
        benchmark::Counter(static_cast<double>(pages), benchmark::Counter::kIsIterationInvariantRate);
}
BENCHMARK(BM_Layout)->Arg(10)->Arg(100)->Unit(benchmark::kMillisecond)->MeasureProcessCPUTime()->UseRealTime();

void BM_PdfRender(benchmark::State& state) {
    const auto n = static_cast<size_t>(state.range(0));
    bb::text::FontSet fonts;
    const auto doc = lay_out(n, fonts);
    bb::pdf::PdfInfo info;
    info.title = "bench";
    info.epoch = 1764288000;
    size_t bytes = 0;
    for (auto _ : state) {
        bb::base::Sink sink;
        auto pdf = bb::pdf::render(doc, info, sink);
        if (!pdf) state.SkipWithError("pdf::render failed");
        bytes = pdf ? pdf->size() : 0;
        benchmark::DoNotOptimize(pdf);
    }
    state.counters["pages"] = static_cast<double>(doc.pages.size());
    state.counters["KB"] = static_cast<double>(bytes) / 1024;
}
BENCHMARK(BM_PdfRender)->Arg(10)->Arg(100)->Unit(benchmark::kMillisecond);

void BM_EpubWrite(benchmark::State& state) {
    const auto n = static_cast<size_t>(state.range(0));
    const auto& book = bb::bench::book(n);
    bb::epub::WriteOptions wo;
    wo.build_epoch = 1764288000;
    wo.manuscript_dir = bb::bench::corpus(n);
    size_t bytes = 0;
    for (auto _ : state) {
        bb::base::Sink sink;
        auto epub = bb::epub::write(book, bb::bench::default_sheet(), wo, sink);
        if (!epub) state.SkipWithError("epub::write failed");
        bytes = epub ? epub->size() : 0;
        benchmark::DoNotOptimize(epub);
    }
    state.counters["KB"] = static_cast<double>(bytes) / 1024;
}
BENCHMARK(BM_EpubWrite)->Arg(10)->Arg(100)->Arg(1000)->Unit(benchmark::kMillisecond);

/// The ZIP of the guide XML files of 100 guides and the four Charis fonts:
/// the same mix of text and font data an EPUB deflates.
void BM_ZipDeflate(benchmark::State& state) {
    namespace fs = std::filesystem;
    std::vector<bb::epub::ZipEntry> entries;
    entries.push_back({"mimetype", "application/epub+zip", true});
    std::vector<fs::path> files;
    for (auto& e : fs::directory_iterator(fs::path(bb::bench::corpus(100)) / "guides")) files.push_back(e.path());
    std::sort(files.begin(), files.end());
    for (const char* f : {"CharisSIL-Regular.ttf", "CharisSIL-Italic.ttf", "CharisSIL-Bold.ttf", "CharisSIL-BoldItalic.ttf"})
        files.push_back(fs::path(BB_SOURCE_DIR "/fonts") / f);
    int64_t total = 0;
    for (auto& f : files) {
        std::ifstream in(f, std::ios::binary);
        std::stringstream ss;
        ss << in.rdbuf();
        entries.push_back({f.filename().string(), ss.str(), false});
        total += static_cast<int64_t>(entries.back().data.size());
    }
    // Arguments: zlib level, deflating threads (the EPUB uses 9 and one per core).
    bb::epub::ZipOptions options;
    options.level = static_cast<int>(state.range(0));
    options.jobs = static_cast<unsigned>(state.range(1));
    for (auto _ : state) {
        std::string error;
        auto zip = bb::epub::make_zip(entries, 1764288000, error, options);
        if (!zip) state.SkipWithError(error.c_str());
        else state.counters["KB"] = static_cast<double>(zip->size()) / 1024;
        benchmark::DoNotOptimize(zip);
    }
    state.SetBytesProcessed(state.iterations() * total);
}
BENCHMARK(BM_ZipDeflate)
    ->ArgNames({"level", "jobs"})
    ->Args({9, 1})
    ->Args({6, 1})
    ->Args({9, 2})
    ->Args({6, 2})
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

}  // namespace
