#include "cli/options.h"

#include <cstdlib>
#include <filesystem>
#include <vector>

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

unsigned jobs_wanted(const CommonOptions& o, std::string& problem) {
    problem.clear();
    if (o.jobs_given) return o.jobs;
    const char* env = std::getenv("BOOKBUILD_JOBS");
    if (!env || !*env) return 0;
    char* end = nullptr;
    const unsigned long n = std::strtoul(env, &end, 10);
    if (*end == '\0' && n >= 1 && n <= 256) return static_cast<unsigned>(n);
    problem = std::string("not a number of threads from 1 to 256: '") + env + "'; one per core is used";
    return 0;
}

namespace {

namespace fs = std::filesystem;

/// The folder that holds the manuscript folder, as the user wrote it where
/// possible ("../book/manuscript/" -> "../book"; "." -> the absolute parent).
fs::path manuscript_parent(const std::string& manuscript) {
    fs::path m = fs::path(manuscript).lexically_normal();
    if (!m.has_filename()) m = m.parent_path();  // "manuscript/" -> "manuscript"
    if (m.empty() || m == "." || m.filename() == "..") {
        std::error_code ec;
        m = fs::absolute(m.empty() ? fs::path(".") : m, ec).lexically_normal();
        if (!m.has_filename()) m = m.parent_path();
    }
    return m.parent_path();
}

/// The project folder the styles that come with bookbuild are in: the one
/// it was built from, else (the project moved with its build folder) the
/// folder above the binary's when that holds the project. Never just any
/// folder above the binary: a styles/ planted there is not bookbuild's.
std::vector<fs::path> shipped_style_folders() {
    std::vector<fs::path> out;
    std::error_code ec;
#ifdef BOOKBUILD_SOURCE_DIR
    out.emplace_back(BOOKBUILD_SOURCE_DIR);
#endif
    const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    if (!ec && exe.has_parent_path()) {
        const fs::path project = exe.parent_path().parent_path();
        if (fs::exists(project / "CMakeLists.txt", ec) && fs::is_directory(project / "pipeline" / "cli", ec))
            out.push_back(project);
    }
    return out;
}

}  // namespace

std::string find_style(const std::string& style, bool given, const std::string& manuscript) {
    std::error_code ec;
    if (given || fs::exists(style, ec)) return style;
    const fs::path beside = manuscript_parent(manuscript) / style;
    if (fs::exists(beside, ec)) return beside.string();
    // The styles that come with bookbuild, so `bookbuild epub -m ~/book`
    // works from any folder.
    for (const fs::path& project : shipped_style_folders())
        if (fs::exists(project / style, ec)) return (project / style).string();
    return style;  // not found: the style loader reports it
}

std::string resolve_style_path(const CommonOptions& o) { return find_style(o.style, o.style_given, o.manuscript); }

std::string handout_style_beside(const std::string& book_style) {
    std::error_code ec;
    const fs::path handout = fs::path(book_style).parent_path() / "handout.yaml";
    return fs::exists(handout, ec) ? handout.string() : std::string();
}

}  // namespace bb::cli
