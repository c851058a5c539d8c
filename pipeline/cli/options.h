#pragma once
/// Options shared by every command (issue 2: -m, -s, -o, --strict,
/// --diagnostics, -q).
#include <CLI/CLI.hpp>
#include <string>

namespace bb::cli {

struct CommonOptions {
    std::string manuscript = "manuscript";
    std::string style;  ///< empty: the command's default style
    std::string output;
    bool strict = false;
    bool quiet = false;
    std::string diagnostics = "text";  ///< text | json
};

/// Adds -m, -s, --strict, --diagnostics, -q to a subcommand; -o is added by
/// each command since its meaning (file or folder) differs.
void add_common_options(CLI::App& cmd, CommonOptions& o, const std::string& default_style);

}  // namespace bb::cli
