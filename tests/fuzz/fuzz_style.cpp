/// Fuzz target: the style loader. The input is the bytes of a style file,
/// written as styles/fuzz.yaml in a scratch folder laid out like the
/// repository: styles/default.yaml and handout.yaml (so `extends:` reaches a
/// real chain), fonts/ (a link to the repository's fonts, found as ../fonts/
/// beside the style) and data/ with the broken font files of
/// tests/diagnostics/style. Invariants: a Sheet is returned exactly when no
/// error was reported; every diagnostic has a position inside a loaded file.
#include <filesystem>
#include <string>

#include "fuzz_common.h"
#include "style/load.h"

namespace {

const std::string& style_path() {
    static const std::string path = [] {
        namespace fs = std::filesystem;
        const std::string root = bb::fuzz::scratch_dir() + "/style";
        const std::string src = bb::fuzz::source_dir();
        bb::fuzz::copy_tree(src + "/styles", root + "/styles");
        bb::fuzz::copy_tree(src + "/tests/diagnostics/style/data", root + "/styles/data");
        std::error_code ec;
        fs::create_directory_symlink(src + "/fonts", root + "/fonts", ec);
        BB_FUZZ_CHECK(!ec);
        return root + "/styles/fuzz.yaml";
    }();
    return path;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    using namespace bb;
    const std::string& path = style_path();
    fuzz::write_file(path, std::string_view(reinterpret_cast<const char*>(data), size));
    base::SourceMap sources;
    base::Sink sink;
    std::optional<style::Sheet> sheet = style::load(path, sources, sink);
    fuzz::check_diagnostics(sink, sources);
    // The style file exists and is read, so every error has a position in it
    // or in a file it extends (issue 8: none is left as a bare FILE:).
    for (const base::Diagnostic& d : sink.all()) BB_FUZZ_CHECK(d.span.known());
    BB_FUZZ_CHECK(sheet.has_value() == !sink.has_errors());
    if (sheet) {
        BB_FUZZ_CHECK(sheet->page.width > 0 && sheet->page.height > 0);
        BB_FUZZ_CHECK(sheet->text.size > 0);
    }
    return 0;
}
