// bookbuild: the command line. Parses arguments and runs one command; every
// command shares -m/-s/-o/--strict/--diagnostics/-q (cli/options.h).
#include <CLI/CLI.hpp>
#include <cstdio>
#include <vector>

#include "base/atomic_file.h"
#include "base/process_end.h"
#include "cli/commands.h"
#include "cli/session.h"

int main(int argc, char** argv) {
    using namespace bb::cli;
    // Ctrl-C, kill or a closed terminal must not leave a half-written temporary file.
    bb::base::install_temp_cleanup_on_signals();
    CLI::App app{"bookbuild " BOOKBUILD_VERSION
                 ": an offline publishing pipeline.\n"
                 "Builds an EPUB 3 and a typeset PDF (and group handouts) from one XML manuscript,\n"
                 "following one set of layout rules in YAML.",
                 "bookbuild"};
    app.set_version_flag("--version", "bookbuild " BOOKBUILD_VERSION);
    app.require_subcommand(1);
    app.footer(
        "Exit codes: 0 ok, 1 errors in the manuscript or style (or a failed write), 2 usage errors.\n"
        "Run `bookbuild COMMAND --help` for a command's options and an example.");

    std::vector<Runner> runners;
    runners.push_back(add_check_command(app));
    runners.push_back(add_epub_command(app));
    runners.push_back(add_pdf_command(app));
    runners.push_back(add_all_command(app));
    runners.push_back(add_handout_command(app));

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        int code = app.exit(e);
        return code == 0 ? kOk : kUsage;
    }
    for (auto& run : runners) {
        int code = run();
        // Every output is written and renamed into place by now.
        if (code >= 0) return bb::base::end_process(code);
    }
    return kUsage;
}
