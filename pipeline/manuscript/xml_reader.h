#pragma once
/// Reads one manuscript file into an XNode tree: the only place pugixml is
/// used. Checks what pugixml lets through (invalid UTF-8, control characters,
/// DOCTYPE, undefined entities, a bare '&', duplicate attributes, text or a
/// second element outside the root) and turns pugixml's parse errors into
/// positioned diagnostics.
#include <optional>
#include <string_view>

#include "base/diagnostics.h"
#include "base/source_map.h"
#include "manuscript/xml_tree.h"

namespace bb::manuscript {

/// Parses file `file` (already registered in `sources`) and returns its root
/// element, or nullopt when the file is not well-formed. `depth` is the nesting
/// depth its root will have in the whole book (0 for book.xml, the include's
/// depth for an included file); elements deeper than kMaxDepth are dropped
/// with one error. Includes are left in the tree (see includes.h).
std::optional<XNode> read_xml(uint32_t file, const base::SourceMap& sources, int depth, base::Sink& sink);

/// The same for bytes not registered in a SourceMap yet (the includer parses
/// files on worker threads and registers them in reading order afterwards);
/// spans and diagnostics name file `file`. Touches no shared state.
std::optional<XNode> read_xml(uint32_t file, std::string_view bytes, int depth, base::Sink& sink);

}  // namespace bb::manuscript
