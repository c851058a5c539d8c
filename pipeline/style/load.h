#pragma once
/// style::load: reads a YAML style file (following `extends`) into a Sheet,
/// checking every key against the parameter table (spec/styles.md).
#include <optional>
#include <string>

#include "base/diagnostics.h"
#include "base/source_map.h"
#include "style/sheet.h"

namespace bb::style {

/// Loads the style at `path`. Every file read is added to `sources`. Returns the
/// sheet when there were no errors, nullopt otherwise.
std::optional<Sheet> load(const std::string& path, base::SourceMap& sources, base::Sink& sink);

}  // namespace bb::style
