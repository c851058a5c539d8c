#pragma once
/// The manuscript's XML as plain data: elements, attributes and decoded text,
/// each with its position. pugixml is used only to read a file into this
/// tree (xml_reader.cpp); every later pass (includes, schema check, model
/// building) works on XNode, so pugixml stays behind one adapter.
#include <string>
#include <string_view>
#include <vector>

#include "base/source_map.h"

namespace bb::manuscript {

/// One attribute: name and value (entities decoded, white space normalised as
/// XML requires), with the positions of the name and of the value's first byte.
struct XAttr {
    std::string name;
    std::string value;
    base::Span name_span;
    base::Span value_span;
};

/// An element or a run of text. Depth is bounded by the reader (kMaxDepth), so
/// recursive walks over this tree cannot exhaust the stack.
struct XNode {
    bool is_text = false;
    std::string name;               ///< element name (prefix included, no namespaces)
    std::string text;               ///< text nodes: decoded text
    std::vector<XAttr> attrs;       ///< elements: in source order, no duplicates
    std::vector<XNode> children;
    base::Span span;                ///< element: its name (one byte after '<'); text: its first
                                    ///< non-blank byte (or first byte when blank)
    bool truncated = false;         ///< children deeper than kMaxDepth were dropped
    bool failed_include = false;    ///< an <include> that could not be resolved (already
                                    ///< reported); later passes skip it silently
    base::Span include_span;        ///< known when this element is the root of an included file:
                                    ///< the <include> that brought it in

    const XAttr* attr(std::string_view n) const {
        for (const auto& a : attrs)
            if (a.name == n) return &a;
        return nullptr;
    }
    /// Concatenated text of the direct text children.
    std::string direct_text() const {
        std::string out;
        for (const auto& c : children)
            if (c.is_text) out += c.text;
        return out;
    }
};

/// Deepest element nesting accepted, counted from book.xml's root through
/// includes. Deeper files get one error instead of a stack overflow.
constexpr int kMaxDepth = 100;

/// Largest manuscript file accepted (32 MiB; the directory of a generated
/// 10,000-guide book is 10 MB). A larger file is one error at 1:1 and is not
/// parsed, so a runaway 100 MB text node costs a fraction of a second.
constexpr size_t kMaxFileBytes = size_t{32} << 20;

/// True for the XML white space characters (space, tab, LF, CR).
inline bool is_xml_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
inline bool is_blank(std::string_view s) {
    for (char c : s)
        if (!is_xml_space(c)) return false;
    return true;
}

}  // namespace bb::manuscript
