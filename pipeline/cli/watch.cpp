#include "cli/watch.h"

#include <fmt/format.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <memory>

#include "cli/file_watch.h"

namespace bb::cli {

namespace {

/// Long enough for an editor's save or a `git checkout` to finish, short
/// enough not to be noticed.
constexpr std::chrono::milliseconds kQuiet{100};

/// `path` lies in folder `dir` (both as the watch writes them: absolute).
bool inside(const std::string& path, const std::string& dir) {
    return path.compare(0, dir.size(), dir) == 0 && (path.size() == dir.size() || path[dir.size()] == '/');
}

/// Watches what the session read: the manuscript folder, the style's files
/// (those the source map holds beyond the manuscript's) and the fonts.
void watch_inputs(FileWatch& watch, const Session& session, const std::string& manuscript_dir) {
    const CommonOptions& o = session.options();
    watch.watch_tree(o.manuscript);
    watch.watch_file(resolve_style_path(o));
    const base::SourceMap& sources = session.sources();
    for (uint32_t i = 0; i < sources.size(); ++i) {
        const std::string path = std::filesystem::absolute(sources.file(i).path).lexically_normal().string();
        if (!inside(path, manuscript_dir)) watch.watch_file(path);
    }
    if (!session.has_sheet()) return;
    for (const auto& [name, family] : session.sheet().fonts)
        for (const std::string* face : {&family.regular, &family.italic, &family.bold, &family.bold_italic})
            if (!face->empty()) watch.watch_file(*face);
}

std::string describe(const std::vector<std::string>& changed) {
    std::error_code ec;
    const std::filesystem::path here = std::filesystem::current_path(ec);
    auto shown = [&](const std::string& p) {
        std::filesystem::path rel = std::filesystem::path(p).lexically_relative(here);
        return rel.empty() || rel.string().rfind("..", 0) == 0 ? p : rel.string();
    };
    std::string out = shown(changed.front());
    if (changed.size() > 1) out += fmt::format(" and {} more", changed.size() - 1);
    return out;
}

}  // namespace

int watch_and_build(const CommonOptions& options, const std::vector<std::string>& outputs, bool lays_out,
                    const std::function<int(Session&)>& build) {
    FileWatch watch;
    for (const std::string& out : outputs) watch.ignore(out);
    const std::string manuscript_dir = std::filesystem::absolute(options.manuscript).lexically_normal().string();
    auto kept = std::make_unique<KeptBetweenBuilds>();
    // Watched before the first build reads them: a save while it runs
    // makes the next build.
    watch.watch_tree(options.manuscript);
    watch.watch_file(resolve_style_path(options));
    for (bool first = true;; first = false) {
        {
            Session session(options, kept.get());
            const bool ok = session.load(lays_out);
            session.report();
            if (ok) build(session);
            session.clear_progress();
            watch_inputs(watch, session, manuscript_dir);
        }
        if (watch.error().empty() && !watch.watching(options.manuscript))
            std::fprintf(stderr, "bookbuild: error: cannot watch the manuscript folder %s: no such folder\n",
                         options.manuscript.c_str());
        if (!watch.error().empty() || !watch.watching(options.manuscript)) break;
        if (first && !options.quiet)
            std::fprintf(stderr, "bookbuild: watching %s, the style and its fonts; Ctrl-C stops\n",
                         options.manuscript.c_str());
        // What was printed shows now, not when a buffer fills (stdout may
        // be a pipe to an editor).
        std::fflush(stdout);
        std::fflush(stderr);
        const std::vector<std::string> changed = watch.wait(kQuiet);
        if (changed.empty()) break;
        if (!options.quiet) std::fprintf(stderr, "bookbuild: %s changed; building again\n", describe(changed).c_str());
        // The kept fonts and chapters hold while only the manuscript's XML
        // changed (the chapters' fingerprints cover it); a style, font or
        // image file is another book.
        for (const std::string& path : changed)
            if (!inside(path, manuscript_dir) || !path.ends_with(".xml")) {
                kept = std::make_unique<KeptBetweenBuilds>();
                break;
            }
    }
    if (!watch.error().empty()) std::fprintf(stderr, "bookbuild: error: %s\n", watch.error().c_str());
    else if (watch.watching(options.manuscript)) std::fprintf(stderr, "bookbuild: error: the watch stopped\n");
    return kInputError;
}

}  // namespace bb::cli
