// `bookbuild check`: load and validate the manuscript and the style, print a
// one-line summary.
#include <fmt/format.h>

#include <memory>

#include "cli/commands.h"
#include "cli/session.h"

namespace bb::cli {

namespace {
size_t count_sections(const std::vector<model::Section>& sections) {
    size_t n = sections.size();
    for (const auto& s : sections) n += count_sections(s.subsections);
    return n;
}

std::string plural(size_t n, const char* one, const char* many) {
    return fmt::format("{} {}", n, n == 1 ? one : many);
}
}  // namespace

/// The summary line: guides, sections, questions, entries, topics, warnings.
std::string summary_line(const model::Book& book, size_t warnings) {
    size_t sections = 0, questions = 0;
    for (const auto& g : book.guides) {
        sections += count_sections(g.sections);
        if (g.faq) questions += g.faq->questions.size();
    }
    if (book.faq) questions += book.faq->questions.size();
    return fmt::format("{}: {}, {}, {}, {}, {}, {}", book.meta.title, plural(book.guides.size(), "guide", "guides"),
                       plural(sections, "section", "sections"), plural(questions, "question", "questions"),
                       plural(book.directory.entries.size(), "entry", "entries"),
                       plural(book.topics.size(), "topic", "topics"), plural(warnings, "warning", "warnings"));
}

Runner add_check_command(CLI::App& app) {
    auto options = std::make_shared<CommonOptions>();
    CLI::App* cmd = app.add_subcommand("check", "Check the manuscript and the style; print a summary");
    cmd->footer(
        "Loads the style and the manuscript, reports every problem as FILE:LINE:COL, and prints\n"
        "one summary line. Writes nothing.\n\n"
        "Example:\n  bookbuild check -m manuscript -s styles/default.yaml --strict");
    add_common_options(*cmd, *options, "styles/default.yaml");
    return [cmd, options]() -> int {
        if (!cmd->parsed()) return -1;
        Session session(*options);
        bool ok = session.load();
        int code = session.report();
        if (!ok) return kInputError;
        if (!options->quiet)
            std::printf("%s\n", summary_line(session.book(), session.sink().warning_count()).c_str());
        return session.end(code);
    };
}

}  // namespace bb::cli
