#pragma once
/// `--watch`: a command's build run again each time a file it read changes.
#include <functional>
#include <string>
#include <vector>

#include "cli/options.h"
#include "cli/session.h"

namespace bb::cli {

/// Loads the book and calls `build` with the session (only when the
/// manuscript and style loaded without errors), then waits for a change to
/// the manuscript folder, the style files or the fonts and does it again,
/// until the process is stopped. Each build is a fresh session (so its
/// result is what one `bookbuild` run would make) but for what it keeps
/// (KeptBetweenBuilds: the fonts, the page-list's chapters), kept while only
/// the manuscript's XML files change. `outputs` are
/// not watched (files or folders the build writes). `lays_out`: as for
/// Session::load. Returns only when the watch cannot go on (exit code 1).
int watch_and_build(const CommonOptions& options, const std::vector<std::string>& outputs, bool lays_out,
                    const std::function<int(Session&)>& build);

}  // namespace bb::cli
