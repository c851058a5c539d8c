// `bookbuild all`: everything in output/ from one load of the manuscript: the
// check report (output/check.txt), and each product as its writer lands.
#include <fmt/format.h>

#include <memory>

#include "base/atomic_file.h"
#include "cli/commands.h"
#include "cli/session.h"

namespace bb::cli {

std::string summary_line(const model::Book& book, size_t warnings);

Runner add_all_command(CLI::App& app) {
    auto options = std::make_shared<CommonOptions>();
    auto outdir = std::make_shared<std::string>("output");
    CLI::App* cmd = app.add_subcommand("all", "Check, then build every product into the output folder");
    cmd->footer(
        "Loads the manuscript once and writes into the output folder: check.txt (the\n"
        "diagnostics and the summary line) and every product.\n\n"
        "Example:\n  bookbuild all -m manuscript -o output");
    add_common_options(*cmd, *options, "styles/default.yaml");
    cmd->add_option("-o,--output", *outdir, "Output folder")->capture_default_str();
    return [cmd, options, outdir]() -> int {
        if (!cmd->parsed()) return -1;
        Session session(*options);
        bool ok = session.load();
        int code = session.report();
        if (!ok) return kInputError;
        std::string report;
        for (const auto& d : session.sink().all()) report += base::render_text(d, session.sources());
        std::string summary = summary_line(session.book(), session.sink().warning_count());
        report += summary + "\n";
        if (auto err = base::write_file_atomically(*outdir + "/check.txt", report); !err.empty()) {
            std::fprintf(stderr, "bookbuild: error: %s\n", err.c_str());
            return kInputError;
        }
        if (!options->quiet) std::printf("%s\nwrote %s/check.txt\n", summary.c_str(), outdir->c_str());
        return code;
    };
}

}  // namespace bb::cli
