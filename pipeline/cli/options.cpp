#include "cli/options.h"

namespace bb::cli {

void add_common_options(CLI::App& cmd, CommonOptions& o, const std::string& default_style) {
    cmd.add_option("-m,--manuscript", o.manuscript, "Manuscript folder (holds book.xml)")
        ->capture_default_str();
    o.style = default_style;
    cmd.add_option("-s,--style", o.style, "Style file (YAML layout rules)")->capture_default_str();
    cmd.add_flag("--strict", o.strict, "Treat warnings as errors");
    cmd.add_flag("-q,--quiet", o.quiet, "Print nothing but diagnostics");
    cmd.add_option("--diagnostics", o.diagnostics, "Diagnostics format: text (like a compiler) or json "
                                                   "(one object per line, for editors and CI)")
        ->check(CLI::IsMember({"text", "json"}))
        ->capture_default_str();
}

}  // namespace bb::cli
