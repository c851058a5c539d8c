#pragma once
/// Each command registers itself on the top-level app; main.cpp lists them.
#include <CLI/CLI.hpp>
#include <functional>

namespace bb::cli {

/// Run by main after parsing when the command was chosen; returns the exit code.
using Runner = std::function<int()>;

Runner add_check_command(CLI::App& app);
Runner add_epub_command(CLI::App& app);
Runner add_pdf_command(CLI::App& app);
Runner add_all_command(CLI::App& app);
Runner add_handout_command(CLI::App& app);

}  // namespace bb::cli
