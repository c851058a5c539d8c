// `bookbuild epub`: load the style and the manuscript, then write the EPUB 3.
// On any error nothing is written (the previous output stays untouched).
#include <fmt/format.h>

#include <chrono>
#include <memory>

#include "cli/commands.h"
#include "cli/session.h"
#include "epub/write.h"

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
        auto start = std::chrono::steady_clock::now();
        Session session(*options);
        bool ok = session.load();
        session.report();
        if (!ok) return kInputError;
        epub::WriteOptions wo;
        wo.build_epoch = session.build_epoch();
        wo.manuscript_dir = options->manuscript;
        auto size = epub::write_file(options->output, session.book(), session.sheet(), wo, session.sink());
        int code = session.report();
        if (!size) return kInputError;
        auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start);
        if (!options->quiet)
            std::printf("wrote %s (%zu KB, %lld ms)\n", options->output.c_str(), (*size + 1023) / 1024,
                        static_cast<long long>(ms.count()));
        return code;
    };
}

}  // namespace bb::cli
