// Inputs shared by the micro-benchmarks (see common.h).
#include "common.h"

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <memory>
#include <stdexcept>

#include "base/diagnostics.h"
#include "base/source_map.h"
#include "manuscript/load.h"
#include "style/load.h"

namespace bb::bench {

std::string corpus(size_t n) {
    namespace fs = std::filesystem;
    if (const char* dir = std::getenv("BB_BENCH_CORPUS")) {
        fs::path p = fs::path(dir) / std::to_string(n) / "manuscript";
        if (fs::exists(p / "book.xml")) return p.string();
    }
    fs::path p = fs::path("/tmp/bookbuild-bench-corpus") / std::to_string(n);
    if (!fs::exists(p / "book.xml")) {
        std::string cmd = "python3 '" BB_SOURCE_DIR "/bench/gen_corpus.py' " + std::to_string(n) + " '" +
                          p.string() + "'";
        if (std::system(cmd.c_str()) != 0) throw std::runtime_error("cannot generate the corpus: " + cmd);
    }
    return p.string();
}

const style::Sheet& default_sheet() {
    static const style::Sheet sheet = [] {
        base::SourceMap sources;
        base::Sink sink;
        auto s = style::load(BB_SOURCE_DIR "/styles/default.yaml", sources, sink);
        if (!s) throw std::runtime_error("styles/default.yaml does not load");
        return *s;
    }();
    return sheet;
}

const model::Book& book(size_t n) {
    static std::map<size_t, std::unique_ptr<model::Book>> books;
    auto& slot = books[n];
    if (!slot) {
        base::SourceMap sources;
        base::Sink sink;
        manuscript::LoadOptions lo;
        lo.smart_quotes = default_sheet().smart_quotes;
        lo.smart_dashes = default_sheet().smart_dashes;
        auto b = manuscript::load(corpus(n), lo, sources, sink);
        if (!b) throw std::runtime_error("the generated manuscript does not load");
        slot = std::make_unique<model::Book>(std::move(*b));
    }
    return *slot;
}

}  // namespace bb::bench
