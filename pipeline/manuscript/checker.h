#pragma once
/// The generic schema checker: walks the XNode tree (includes already
/// resolved) against the table in schema.h and reports unknown or misplaced
/// elements and attributes (with "did you mean …?"), missing required
/// children and attributes, wrong order and cardinality, empty text, bad
/// attribute values, stray text, and the two structural rules a table cannot
/// hold (guides beside parts; sections nested at most 2 levels).
#include <string>
#include <vector>

#include "base/diagnostics.h"
#include "manuscript/schema.h"
#include "manuscript/xml_tree.h"

namespace bb::manuscript {

/// Checks book.xml's root (which must be <book>) and everything below it.
void check_tree(const XNode& root, base::Sink& sink);

/// Checks one element against the rule with key `rule_key` (exposed for unit
/// tests of single rules).
void check_element(const XNode& node, std::string_view rule_key, base::Sink& sink);

/// Checks one attribute value of the given kind; "" when fine.
std::string check_value(ValueKind kind, std::string_view value, const AttrRule& rule, std::string_view element);

/// Text content collapsed as HTML does (runs of white space become one space,
/// trimmed at both ends).
std::string collapse_space(std::string_view s);

}  // namespace bb::manuscript
