#pragma once
/// Writing XML and XHTML text: escaping and a small element builder that keeps
/// nesting right, so no writer assembles markup by string concatenation.
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace bb::epub {

/// Appends `text` escaped for XML. Characters XML 1.0 forbids (C0 controls
/// other than tab and newline, U+FFFE/U+FFFF, invalid UTF-8) become U+FFFD, so
/// the output is well-formed whatever the input holds. In attribute values,
/// quotes and whitespace control characters are escaped as well.
void append_escaped(std::string& out, std::string_view text, bool attribute = false);

/// `text` escaped for XML character data (or an attribute value).
std::string escape(std::string_view text, bool attribute = false);

/// One attribute; an attribute with an empty name is skipped (lets callers
/// write optional attributes inline).
struct Attr {
    std::string_view name;
    std::string_view value;
};
using Attrs = std::vector<Attr>;

/// Builds XML by appending; `open`/`close` keep a stack so the nesting is
/// always balanced (checked by `finish`).
class Xml {
public:
    /// `<tag attrs>`
    Xml& open(std::string_view tag, const Attrs& attrs = {});
    /// `</tag>` for the innermost open element.
    Xml& close();
    /// `<tag attrs/>`
    Xml& empty(std::string_view tag, const Attrs& attrs = {});
    /// `<tag attrs>text</tag>` with `text` escaped.
    Xml& element(std::string_view tag, const Attrs& attrs, std::string_view text);
    /// Escaped character data.
    Xml& text(std::string_view text);
    /// Markup that is already well-formed.
    Xml& raw(std::string_view markup);
    /// A newline (between block elements, for people reading the files).
    Xml& line();
    size_t depth() const { return stack_.size(); }
    /// The text built so far; every element must have been closed.
    std::string finish();

private:
    void start_tag(std::string_view tag, const Attrs& attrs);
    std::string out_;
    std::vector<std::string> stack_;
};

/// A complete XHTML5 document as EPUB wants it: XML declaration, the XHTML and
/// epub namespaces, `lang` and `xml:lang`, a title and one stylesheet link.
/// `body` is markup for the inside of <body>; `body_type` an epub:type for it.
std::string xhtml_document(std::string_view lang, std::string_view title, std::string_view css_href,
                           std::string_view body, std::string_view body_type = {});

}  // namespace bb::epub
