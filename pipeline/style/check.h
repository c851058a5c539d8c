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
    /// File named in errors that have no position (a default that fails).
    std::string top_file;
};

/// Checks `root` (the top-level map, `extends` already removed) and returns
/// the Sheet; every problem is appended to `errors`.
Sheet build_sheet(const Tree& root, const CheckContext& context, std::vector<base::Diagnostic>& errors);

}  // namespace bb::style
