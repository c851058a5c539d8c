#include "fuzz_common.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <system_error>

namespace bb::fuzz {

namespace fs = std::filesystem;

void check_failed(const char* what, const char* file, int line) {
    std::fprintf(stderr, "%s:%d: fuzz invariant failed: %s\n", file, line, what);
    std::abort();
}

namespace {
std::string make_scratch() {
    const char* tmp = std::getenv("TMPDIR");
    std::string pattern = std::string(tmp && *tmp ? tmp : "/tmp") + "/bb-fuzz-XXXXXX";
    BB_FUZZ_CHECK(mkdtemp(pattern.data()) != nullptr);
    // Removed at normal exit only: libFuzzer exits through exit() when it is
    // done, so the folder goes; after a crash it is left for inspection.
    static std::string dir;
    dir = pattern;
    std::atexit([] {
        std::error_code ec;
        fs::remove_all(dir, ec);
    });
    return pattern;
}
}  // namespace

const std::string& scratch_dir() {
    static const std::string dir = make_scratch();
    return dir;
}

void write_file(const std::string& path, std::string_view data) {
    std::error_code ec;
    fs::create_directories(fs::path(path).parent_path(), ec);
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(data.data(), static_cast<std::streamsize>(data.size()));
    BB_FUZZ_CHECK(out.good());
}

void copy_tree(const std::string& from, const std::string& to) {
    std::error_code ec;
    fs::create_directories(to, ec);
    fs::copy(from, to, fs::copy_options::recursive | fs::copy_options::overwrite_existing, ec);
    BB_FUZZ_CHECK(!ec);
}

std::string source_dir() { return BB_SOURCE_DIR; }

void check_diagnostics(const base::Sink& sink, const base::SourceMap& sources) {
    // BB_FUZZ_VERBOSE=1 prints the diagnostics (to see why an input stops where it does).
    static const bool verbose = std::getenv("BB_FUZZ_VERBOSE") != nullptr;
    size_t errors = 0;
    for (const base::Diagnostic& d : sink.all()) {
        if (d.severity == base::Severity::Error) ++errors;
        if (verbose) std::fprintf(stderr, "diagnostic: %s\n", d.message.c_str());
        BB_FUZZ_CHECK(!d.message.empty());
        if (d.span.known()) {
            BB_FUZZ_CHECK(d.span.file < sources.size());
            BB_FUZZ_CHECK(d.span.offset <= sources.file(d.span.file).content.size());
            base::LineCol lc = sources.line_col(d.span);
            BB_FUZZ_CHECK(lc.line >= 1);
            BB_FUZZ_CHECK(lc.column >= 1);
        }
        std::string text = base::render_text(d, sources);
        std::string json = base::render_json(d, sources);
        // Messages may quote input with control characters (a YAML error
        // quoting a newline): the text form shows them as control pictures,
        // so a diagnostic is one line, plus source line and caret when placed.
        BB_FUZZ_CHECK(std::count(text.begin(), text.end(), '\n') == (d.span.known() ? 3 : 1));
        BB_FUZZ_CHECK(text.find('\0') == std::string::npos && text.find('\033') == std::string::npos);
        BB_FUZZ_CHECK(!json.empty() && json.front() == '{' && json.back() == '}');
        BB_FUZZ_CHECK(std::none_of(json.begin(), json.end(), [](char c) { return static_cast<unsigned char>(c) < 0x20; }));
    }
    BB_FUZZ_CHECK(errors <= sink.error_count());
}

}  // namespace bb::fuzz
