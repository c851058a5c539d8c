#pragma once
/// The generic walker: checks a (merged) style tree against the parameter
/// table and fills a Sheet, applying table defaults for keys no file set.
#include <functional>
#include <string>
#include <vector>

#include "base/diagnostics.h"
#include "base/source_map.h"
#include "style/font_files.h"
#include "style/sheet.h"
#include "style/yaml_tree.h"

namespace bb::style {

/// What the walker needs to know about the files behind the tree.
struct CheckContext {
    const base::SourceMap* sources = nullptr;
    /// The folder of the style file with this SourceMap index (font lookup).
    std::function<StyleDir(uint32_t file)> dir_of;
    /// File named in errors that have no position (none should remain; kept
    /// as a last resort so such an error still names a file).
    std::string top_file;
    /// Start of the named style file: where an error about something no file
    /// wrote is placed when no better key exists (README, "Positions of errors").
    base::Span document;
    /// Display names of the files read, the named file first, then what it
    /// extends, in order; messages name them when a parent should have
    /// defined something.
    std::vector<std::string> chain;
    /// A file on the extends chain could not be read (missing, not a style
    /// file): what it would have defined is unknown, so errors that only
    /// depend on it (unknown colour and family names, keys not set, required
    /// keys) are not reported; everything else still is.
    bool incomplete = false;
};

/// Checks `root` (the top-level map, `extends` already removed) and returns
/// the Sheet; every problem is appended to `errors`.
Sheet build_sheet(const Tree& root, const CheckContext& context, std::vector<base::Diagnostic>& errors);

}  // namespace bb::style
