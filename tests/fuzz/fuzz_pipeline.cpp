/// Fuzz target: the whole pipeline on a small manuscript. The input is the
/// bytes of book.xml (in a scratch copy of tests/fixtures/full and epub-edge, as in
/// fuzz_manuscript.cpp); a book that loads is laid out with
/// styles/default.yaml (loaded once) and written as PDF and EPUB bytes in
/// memory. Invariants: the layout has pages, and bytes that are returned
/// have the format's signature.
#include <string>

#include "epub/write.h"
#include "fuzz_common.h"
#include "manuscript/load.h"
#include "pdf/write.h"
#include "style/load.h"
#include "text/font_metrics.h"
#include "text/hyphenate.h"
#include "typeset/layout.h"

namespace {

using namespace bb;

struct Fixed {
    std::string dir;
    style::Sheet sheet;
    text::FontSet fonts;  ///< kept across inputs: loading the fonts is most of a small book's time
};

Fixed& fixed() {
    static Fixed* f = [] {
        auto* x = new Fixed;
        x->dir = fuzz::scratch_dir() + "/manuscript";
        fuzz::copy_tree(fuzz::source_dir() + "/tests/fixtures/full", x->dir);
        fuzz::copy_tree(fuzz::source_dir() + "/tests/fixtures/epub-edge", x->dir);
        base::SourceMap sources;
        base::Sink sink;
        auto sheet = style::load(fuzz::source_dir() + "/styles/default.yaml", sources, sink);
        BB_FUZZ_CHECK(sheet.has_value());
        x->sheet = std::move(*sheet);
        return x;
    }();
    return *f;
}

pdf::PdfInfo info_of(const model::Book& book) {
    pdf::PdfInfo info;
    info.title = book.meta.title;
    for (const auto& c : book.meta.creators) info.author += c.name + ", ";
    info.subject = book.meta.description;
    for (const auto& s : book.meta.subjects) info.keywords += s + ", ";
    info.lang = book.lang;
    info.epoch = 1764288000;
    return info;
}

}  // namespace

/// Loads what is loaded once per process before the first input, outside
/// libFuzzer's per-input timeout: the style and the hyphenation patterns of
/// the installed languages (the German file alone takes seconds to read).
extern "C" int LLVMFuzzerInitialize(int*, char***) {
    Fixed& f = fixed();
    text::HyphenationLimits limits{f.sheet.hyphenation.min_word, f.sheet.hyphenation.min_before,
                                   f.sheet.hyphenation.min_after};
    for (const char* lang : {"en", "de", "fr", "pl", "ru", "el"}) text::hyphenator_for(lang, limits);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    Fixed& f = fixed();
    fuzz::write_file(f.dir + "/book.xml", std::string_view(reinterpret_cast<const char*>(data), size));
    base::SourceMap sources;
    base::Sink sink;
    manuscript::LoadOptions lo;
    lo.smart_quotes = f.sheet.smart_quotes;
    lo.smart_dashes = f.sheet.smart_dashes;
    std::optional<model::Book> book = manuscript::load(f.dir, lo, sources, sink);
    fuzz::check_diagnostics(sink, sources);
    if (!book) return -1;  // not a book: not worth keeping in the pipeline's corpus

    typeset::LayoutOptions layout_options;
    layout_options.image_dir = f.dir + "/images";
    layout_options.jobs = 1;
    typeset::PagedDoc doc = typeset::layout(*book, f.sheet, layout_options, f.fonts, sink);
    fuzz::check_diagnostics(sink, sources);
    BB_FUZZ_CHECK(!doc.pages.empty());

    if (auto pdf = pdf::render(doc, info_of(*book), sink)) {
        BB_FUZZ_CHECK(pdf->rfind("%PDF-", 0) == 0);
        BB_FUZZ_CHECK(pdf->find("%%EOF") != std::string::npos);
    } else {
        BB_FUZZ_CHECK(sink.has_errors());
    }
    fuzz::check_diagnostics(sink, sources);

    epub::WriteOptions wo;
    wo.build_epoch = 1764288000;
    wo.manuscript_dir = f.dir;
    if (auto epub = epub::write(*book, f.sheet, wo, sink)) {
        BB_FUZZ_CHECK(epub->rfind("PK\x03\x04", 0) == 0);
        BB_FUZZ_CHECK(epub->compare(30, 28, "mimetypeapplication/epub+zip") == 0);
    } else {
        BB_FUZZ_CHECK(sink.has_errors());
    }
    fuzz::check_diagnostics(sink, sources);
    return 0;
}
