#pragma once
/// Reads book.xml and every file it includes into one XNode tree.
/// `<include href>` may stand wherever its target's root may stand; it is
/// replaced by that root (whose include_span remembers the include, so a
/// misplaced include is reported at the include). An href must stay inside
/// the manuscript folder: absolute paths, ".." leaving it and symbolic links
/// leading out are errors (canonical paths are compared), as are missing
/// files, cycles (reported with the chain) and a file included twice.
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "base/diagnostics.h"
#include "base/progress.h"
#include "base/source_map.h"
#include "manuscript/xml_tree.h"

namespace bb::manuscript {

/// Reads `dir`/book.xml and its includes. Files are registered in `sources`
/// under `dir` joined with their path inside the manuscript
/// ("manuscript/guides/pulling-away.xml"). Returns book.xml's root, or nullopt
/// when book.xml itself could not be read or parsed.
/// `on_language` (may be empty) gets the root's language (or the default)
/// once book.xml is parsed, before any include is. `progress` (may be
/// null) counts the files read.
std::optional<XNode> read_manuscript(const std::string& dir, base::SourceMap& sources, base::Sink& sink,
                                     const std::function<void(const std::string&)>& on_language = {},
                                     base::Progress* progress = nullptr);

/// Resolves `href` written in the file at `from` (both relative to the
/// manuscript folder, '/'-separated) lexically into `out`, normalising "."
/// and "..". Returns "" or an error message (absolute path, leaves the folder).
std::string resolve_href(std::string_view from, std::string_view href, std::string& out);

/// True when `target` (an existing path) is, after following every symbolic
/// link, inside `root` (compared as canonical paths).
bool stays_inside(const std::string& root, const std::string& target);

/// stays_inside for many targets under one root: the root and each folder
/// are resolved once, then a target that is not itself a symbolic link
/// costs one lstat (a book of 1,000 included guides made 10,000 readlink
/// calls, one per path component of every path resolved). One thread.
class Confinement {
public:
    explicit Confinement(const std::string& root);
    /// The canonical path of `target` when it exists and lies inside the
    /// root (following every symbolic link), else "".
    std::string canonical_inside(const std::string& target);

private:
    std::string canonical(const std::string& target);
    std::string root_;  ///< canonical; empty when the root does not resolve
    std::map<std::string, std::string> folders_;  ///< folder as written -> canonical ("" = does not resolve)
};

/// `dir` joined with `rel` the way paths are shown in diagnostics.
std::string display_path(const std::string& dir, const std::string& rel);

}  // namespace bb::manuscript
