#include "cli/options.h"

#include <cstdlib>
#include <filesystem>

namespace bb::cli {

void add_common_options(CLI::App& cmd, CommonOptions& o, const std::string& default_style) {
    cmd.add_option("-m,--manuscript", o.manuscript, "Manuscript folder (holds book.xml)")
        ->capture_default_str();
    o.style = default_style;
    cmd.add_option("-s,--style", o.style, "Style file (YAML layout rules); by default looked up in styles/ "
                                          "here, then in the styles/ folder beside the manuscript, then "
                                          "among the styles that come with bookbuild")
        ->capture_default_str()
        ->each([&o](const std::string&) { o.style_given = true; });
    cmd.add_flag("--strict", o.strict, "Treat warnings as errors");
    cmd.add_flag("-q,--quiet", o.quiet, "Print nothing but diagnostics");
    cmd.add_option("--diagnostics", o.diagnostics, "Diagnostics format: text (like a compiler) or json "
                                                   "(one object per line, for editors and CI)")
        ->check(CLI::IsMember({"text", "json"}))
        ->capture_default_str();
    cmd.add_option("-j,--jobs", o.jobs,
                   "Threads for the parallel stages (reading, layout, writing): 1 to 256, or 0 for one per "
                   "core, at most 8 (the default; BOOKBUILD_JOBS=N sets it too). The output is the same "
                   "bytes whatever it is")
        ->check(CLI::Range(0u, 256u))
        ->each([&o](const std::string&) { o.jobs_given = true; });
}

void add_watch_option(CLI::App& cmd, CommonOptions& o) {
    cmd.add_flag("--watch", o.watch,
                 "Stay running: build again whenever a file of the manuscript, the style or a font changes "
                 "(Ctrl-C stops)");
}

unsigned jobs_wanted(const CommonOptions& o) {
    if (o.jobs_given) return o.jobs;
    const char* env = std::getenv("BOOKBUILD_JOBS");
    if (!env || !*env) return 0;
    char* end = nullptr;
    const unsigned long n = std::strtoul(env, &end, 10);
    return *end == '\0' && n >= 1 && n <= 256 ? static_cast<unsigned>(n) : 0;
}

std::string find_style(const std::string& style, bool given, const std::string& manuscript) {
    namespace fs = std::filesystem;
    std::error_code ec;
    if (given || fs::exists(style, ec)) return style;
    fs::path beside = fs::path(manuscript).lexically_normal().parent_path() / style;
    if (fs::exists(beside, ec)) return beside.string();
    // The styles that come with bookbuild: the binary lives in a build
    // folder of the project (build/bookbuild), whose styles/ and fonts/ sit
    // one level up; so `bookbuild epub -m ~/book` works from any folder.
    // A build folder elsewhere (cmake -B /tmp/b) finds the project it was
    // built from.
    const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    if (!ec && exe.has_parent_path()) {
        fs::path shipped = exe.parent_path().parent_path() / style;
        if (fs::exists(shipped, ec)) return shipped.string();
    }
#ifdef BOOKBUILD_SOURCE_DIR
    fs::path project = fs::path(BOOKBUILD_SOURCE_DIR) / style;
    if (fs::exists(project, ec)) return project.string();
#endif
    return style;  // not found: the style loader reports it
}

std::string resolve_style_path(const CommonOptions& o) { return find_style(o.style, o.style_given, o.manuscript); }

}  // namespace bb::cli
