// `bookbuild pdf`: load the style and the manuscript, lay the book out
// (typeset::layout) and draw it (pdf::write). On any error nothing is
// written (the previous output stays untouched).
#include <fmt/format.h>

#include <chrono>
#include <cstdlib>
#include <memory>

#include "base/atomic_file.h"
#include "cli/commands.h"
#include "cli/session.h"
#include "pdf/write.h"
#include "text/font_metrics.h"
#include "typeset/layout.h"

namespace bb::cli {

namespace {

/// The PDF's information dictionary from the manuscript's metadata.
pdf::PdfInfo pdf_info(const model::Book& book, int64_t epoch) {
    pdf::PdfInfo info;
    info.title = book.meta.title;
    if (!book.meta.subtitle.empty()) info.title += ": " + book.meta.subtitle;
    for (const auto& c : book.meta.creators) {
        if (!info.author.empty()) info.author += ", ";
        info.author += c.name;
    }
    info.subject = book.meta.description;
    for (const auto& s : book.meta.subjects) {
        if (!info.keywords.empty()) info.keywords += ", ";
        info.keywords += s;
    }
    info.epoch = epoch;
    info.lang = book.lang;
    return info;
}

}  // namespace

Runner add_pdf_command(CLI::App& app) {
    auto options = std::make_shared<CommonOptions>();
    options->output = "output/book.pdf";
    CLI::App* cmd = app.add_subcommand("pdf", "Typeset the book as a PDF");
    cmd->footer(
        "Loads the style and the manuscript, lays the book out (justified, hyphenated text,\n"
        "widows and orphans avoided, guides opening on a right-hand page) and writes a PDF with\n"
        "the style's fonts embedded, bookmarks, links and page labels. The build date is\n"
        "SOURCE_DATE_EPOCH when set, else the manuscript's meta/date: the same inputs give the\n"
        "same bytes, whatever the number of threads (BOOKBUILD_JOBS=N, default one per core).\n"
        "On any error nothing is written.\n\n"
        "Example:\n  SOURCE_DATE_EPOCH=1764288000 bookbuild pdf -m manuscript -s styles/default.yaml -o output/book.pdf");
    add_common_options(*cmd, *options, "styles/default.yaml");
    cmd->add_option("-o,--output", options->output, "The PDF file to write")->capture_default_str();
    return [cmd, options]() -> int {
        if (!cmd->parsed()) return -1;
        auto start = std::chrono::steady_clock::now();
        Session session(*options);
        bool ok = session.load();
        session.report();
        if (!ok) return kInputError;
        // BOOKBUILD_TIMING=1: the time of each stage on stderr (benchmarks).
        const bool timing = std::getenv("BOOKBUILD_TIMING") != nullptr;
        auto lap = start;
        auto stage = [&](const char* name) {
            auto now = std::chrono::steady_clock::now();
            if (timing)
                std::fprintf(stderr, "timing: %s %lld ms\n", name,
                             static_cast<long long>(
                                 std::chrono::duration_cast<std::chrono::milliseconds>(now - lap).count()));
            lap = now;
        };
        stage("load");

        typeset::LayoutOptions lo;
        lo.image_dir = options->manuscript + "/images";
        // BOOKBUILD_JOBS=N: threads that set chapters (default: one per core).
        if (const char* j = std::getenv("BOOKBUILD_JOBS")) lo.jobs = static_cast<unsigned>(std::atoi(j));
        text::FontSet fonts;
        typeset::PagedDoc doc = typeset::layout(session.book(), session.sheet(), lo, fonts, session.sink());
        stage("layout");
        if (options->strict) session.sink().promote_warnings();
        if (session.report() != kOk) return kInputError;

        pdf::PdfInfo info = pdf_info(session.book(), session.build_epoch());
        auto bytes = pdf::render(doc, info, session.sink());
        stage("pdf");
        if (!bytes) {
            session.report();
            return kInputError;
        }
        std::string err = base::write_file_atomically(options->output, *bytes);
        if (!err.empty()) {
            session.fail(options->output, "cannot write the PDF: " + err);
            session.report();
            return kInputError;
        }
        int code = session.report();
        auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start);
        if (!options->quiet)
            std::printf("wrote %s (%zu pages, %zu KB, %lld ms)\n", options->output.c_str(), doc.pages.size(),
                        (bytes->size() + 1023) / 1024, static_cast<long long>(ms.count()));
        return code;
    };
}

}  // namespace bb::cli
