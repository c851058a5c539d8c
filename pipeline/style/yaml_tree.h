#pragma once
/// style::Tree: a style file as a plain tree of maps, lists and scalars, each
/// node carrying the Span of its value (and each map entry the Span of its
/// key). yaml-cpp is used only to build it; it keeps every position so errors
/// can point into the file a key came from after `extends` merged files, and it
/// rejects what yaml-cpp lets through silently (duplicate keys).
#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostics.h"
#include "base/source_map.h"

namespace bb::style {

struct TreeEntry;

/// One YAML node. Scalars keep their text exactly (quoted or not).
struct Tree {
    enum class Kind { Null, Scalar, Map, List };
    Kind kind = Kind::Null;
    std::string text;              ///< Scalar: the value as written (unquoted)
    base::Span span;               ///< where the value starts
    std::vector<TreeEntry> map;    ///< Map: entries in file order, keys unique
    std::vector<Tree> list;        ///< List: items in order

    bool is_map() const { return kind == Kind::Map; }
    /// The entry for `key`, or nullptr.
    const TreeEntry* find(std::string_view key) const;
    TreeEntry* find(std::string_view key);
};

/// A key and its value; `key_span` is where the key is written.
struct TreeEntry {
    std::string key;
    base::Span key_span;
    Tree value;
};

/// Kind name for messages ("a map", "a list", "a value", "nothing").
std::string describe(Tree::Kind kind);

/// Parses the text of `file` (already in `sources`) into a tree. YAML syntax
/// errors, duplicate keys and non-scalar keys are reported to `errors`; on a
/// syntax error the result is an empty map and `syntax_error` is set. Never throws.
Tree parse_yaml(const base::SourceMap& sources, uint32_t file, std::vector<base::Diagnostic>& errors,
                bool& syntax_error);

/// Overlays `over` onto `base`: maps merge key by key (recursively), an empty
/// value leaves a map alone, anything else in `over` replaces what `base`
/// had. Spans travel with the nodes.
void merge_into(Tree& base, const Tree& over);

}  // namespace bb::style
