#pragma once
/// Options shared by every command (issue 2: -m, -s, -o, --strict,
/// --diagnostics, -q).
#include <CLI/CLI.hpp>
#include <string>

namespace bb::cli {

struct CommonOptions {
    std::string manuscript = "manuscript";
    std::string style;  ///< the command's default style unless -s was given
    bool style_given = false;  ///< -s was on the command line
    std::string output;
    bool strict = false;
    bool quiet = false;
    std::string diagnostics = "text";  ///< text | json
    /// epub: lay the book out as the PDF to give the EPUB the print
    /// edition's page-list (--no-page-list turns it off).
    bool page_list = true;
    /// --watch: build again whenever a file the build read changes.
    bool watch = false;
    /// -j/--jobs: threads for the parallel stages, 0 = one per core (at most
    /// 8); without -j, BOOKBUILD_JOBS. The output does not depend on it.
    unsigned jobs = 0;
    bool jobs_given = false;  ///< -j was on the command line
};

/// Adds -m, -s, --strict, --diagnostics, -q, -j to a subcommand; -o is added by
/// each command since its meaning (file or folder) differs.
void add_common_options(CLI::App& cmd, CommonOptions& o, const std::string& default_style);

/// Adds --watch (the commands that write the book's products).
void add_watch_option(CLI::App& cmd, CommonOptions& o);

/// The style file to load: `style` as given when `given`; otherwise the
/// default style relative to the current folder, or else in the `styles/`
/// folder beside the manuscript folder (so `bookbuild check -m
/// ~/book/manuscript` works from anywhere in a project laid out like this
/// one), or else among the styles that come with bookbuild (the project
/// folder the binary was built in: `build/bookbuild` finds `styles/`).
std::string find_style(const std::string& style, bool given, const std::string& manuscript);

/// find_style for the command's -s.
std::string resolve_style_path(const CommonOptions& o);

/// The handout style that goes with the book style file `book_style`:
/// handout.yaml in the same folder when there is one, else "" (the book's
/// own style is used). `all` and `handout` take the same one.
std::string handout_style_beside(const std::string& book_style);

/// The thread limit a command runs with: -j when given (0 too), else
/// BOOKBUILD_JOBS when it is a number from 1 to 256, else 0 (one per core;
/// `problem` says why a BOOKBUILD_JOBS that is set was not taken).
unsigned jobs_wanted(const CommonOptions& o, std::string& problem);

}  // namespace bb::cli
