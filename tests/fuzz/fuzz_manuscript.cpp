/// Fuzz target: the manuscript loader. The input is the bytes of book.xml in a
/// scratch manuscript folder that also holds the files of tests/fixtures/full and
/// epub-edge (guides/, parts/, directory.xml, images/), so includes and figures of the
/// seed books resolve and mutations reach the include and image checks.
/// Invariants: a load returns a book exactly when it reported no error, and
/// every diagnostic points inside a loaded file (fuzz_common.h).
#include <string>

#include "fuzz_common.h"
#include "manuscript/load.h"

namespace {

const std::string& manuscript_dir() {
    static const std::string dir = [] {
        std::string d = bb::fuzz::scratch_dir() + "/manuscript";
        bb::fuzz::copy_tree(bb::fuzz::source_dir() + "/tests/fixtures/full", d);
        bb::fuzz::copy_tree(bb::fuzz::source_dir() + "/tests/fixtures/epub-edge", d);
        return d;
    }();
    return dir;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    using namespace bb;
    const std::string& dir = manuscript_dir();
    fuzz::write_file(dir + "/book.xml", std::string_view(reinterpret_cast<const char*>(data), size));
    base::SourceMap sources;
    base::Sink sink;
    manuscript::LoadOptions options;
    // The last byte picks the typography options, so both paths are reached
    // without a second target.
    if (size > 0) {
        options.smart_quotes = (data[size - 1] & 1) == 0;
        options.smart_dashes = (data[size - 1] & 2) == 0;
    }
    std::optional<model::Book> book = manuscript::load(dir, options, sources, sink);
    fuzz::check_diagnostics(sink, sources);
    BB_FUZZ_CHECK(book.has_value() == !sink.has_errors());
    if (book) {
        BB_FUZZ_CHECK(!book->lang.empty());
        for (const auto& g : book->guides) BB_FUZZ_CHECK(book->anchors.count(g.id) == 1);
    }
    return 0;
}
