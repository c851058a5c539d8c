// `bookbuild all`: everything in output/ from one load of the manuscript: the
// check report (output/check.txt), the EPUB, the PDF and one handout per guide.
#include <fmt/format.h>

#include <filesystem>
#include <memory>
#include <optional>

#include "base/atomic_file.h"
#include "cli/commands.h"
#include "cli/handouts.h"
#include "cli/products.h"
#include "cli/session.h"
#include "cli/watch.h"
#include "style/load.h"

namespace bb::cli {

std::string summary_line(const model::Book& book, size_t warnings);

namespace {

/// Everything in `outdir` from a loaded session; returns the exit code.
int build_all(Session& session, const CommonOptions& options, const std::string& outdir) {
    int code = session.report();
    std::string report;
    for (const auto& d : session.sink().all()) report += base::render_text(d, session.sources());
    std::string summary = summary_line(session.book(), session.sink().warning_count());
    report += summary + "\n";
    if (auto err = base::write_file_atomically(outdir + "/check.txt", report); !err.empty()) {
        std::fprintf(stderr, "bookbuild: error: %s\n", err.c_str());
        return kInputError;
    }
    if (!options.quiet) std::printf("%s\nwrote %s/check.txt\n", summary.c_str(), outdir.c_str());
    if (code != kOk) return code;
    // The book's layout is made once: for the PDF, then for the EPUB's
    // page-list, the handouts' page ranges and the folios they print.
    typeset::PagedDoc book_layout;
    if (int c = build_pdf(session, outdir + "/book.pdf", book_layout); c != kOk) return c;
    if (int c = build_epub(session, outdir + "/book.epub", &book_layout); c != kOk) return c;
    // Handouts: one per guide, with handout.yaml beside the book's style
    // (the book's own style when there is none).
    const std::string handout_style = handout_style_beside(resolve_style_path(options));
    std::optional<style::Sheet> handout_sheet;
    if (!handout_style.empty()) {
        handout_sheet = style::load(handout_style, session.sources(), session.sink());
        if (!handout_sheet) {
            session.report();
            return kInputError;
        }
    }
    HandoutJob job;
    for (const auto& g : session.book().guides) job.guides.push_back(&g);
    job.output = outdir + "/handouts";
    job.layout.image_dir = options.manuscript + "/images";
    job.book_doc = &book_layout;
    return build_handouts(session, session.sheet(), handout_sheet ? *handout_sheet : session.sheet(), job);
}

}  // namespace

Runner add_all_command(CLI::App& app) {
    auto options = std::make_shared<CommonOptions>();
    auto outdir = std::make_shared<std::string>("output");
    CLI::App* cmd = app.add_subcommand("all", "Check, then build every product into the output folder");
    cmd->footer(
        "Loads the manuscript once and writes into the output folder: check.txt (the\n"
        "diagnostics and the summary line), book.epub, book.pdf, and handouts/GUIDE-ID.pdf for\n"
        "each guide, with handout.yaml from the style's folder.\n\n"
        "Example:\n  bookbuild all -m manuscript -o output");
    add_common_options(*cmd, *options, "styles/default.yaml");
    cmd->add_option("-o,--output", *outdir, "Output folder")->capture_default_str();
    add_watch_option(*cmd, *options);
    return [cmd, options, outdir]() -> int {
        if (!cmd->parsed()) return -1;
        if (options->watch)
            return watch_and_build(*options, {*outdir}, true,
                                   [&](Session& session) { return build_all(session, *options, *outdir); });
        Session session(*options);
        bool ok = session.load(/*prepare_layout=*/true);
        session.report();
        if (!ok) return kInputError;
        return session.end(build_all(session, *options, *outdir));
    };
}

}  // namespace bb::cli
