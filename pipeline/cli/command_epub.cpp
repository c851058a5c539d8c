// `bookbuild epub`: load the style and the manuscript, then write the EPUB 3.
// On any error nothing is written (the previous output stays untouched).
#include <fmt/format.h>

#include <memory>

#include "cli/commands.h"
#include "cli/products.h"
#include "cli/session.h"

namespace bb::cli {

Runner add_epub_command(CLI::App& app) {
    auto options = std::make_shared<CommonOptions>();
    options->output = "output/book.epub";
    CLI::App* cmd = app.add_subcommand("epub", "Build the EPUB 3 of the book");
    cmd->footer(
        "Loads the style and the manuscript and writes an EPUB 3 (fonts embedded, CSS generated\n"
        "from the style, accessibility metadata derived from the content). The build date is\n"
        "SOURCE_DATE_EPOCH when set, else the manuscript's meta/date: the same inputs give the\n"
        "same bytes. On any error nothing is written.\n\n"
        "Example:\n  SOURCE_DATE_EPOCH=1764288000 bookbuild epub -m manuscript -s styles/default.yaml -o output/book.epub\n");
    add_common_options(*cmd, *options, "styles/default.yaml");
    cmd->add_option("-o,--output", options->output, "The EPUB file to write")->capture_default_str();
    return [cmd, options]() -> int {
        if (!cmd->parsed()) return -1;
        Session session(*options);
        bool ok = session.load();
        session.report();
        if (!ok) return kInputError;
        return build_epub(session, options->output);
    };
}

}  // namespace bb::cli
