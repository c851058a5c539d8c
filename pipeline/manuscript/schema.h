#pragma once
/// The manuscript format of spec/manuscript.md as data: for every element (in
/// its context: <title> in <meta> is plain text, elsewhere inline content),
/// its attributes, its content kind and its children with their order and
/// cardinality. checker.cpp is a generic walker of this table, and
/// manuscript/schema/manuscript.rng is the same table for editors.
#include <string_view>
#include <vector>

namespace bb::manuscript {

/// What an element may contain.
enum class ContentKind {
    Empty,     ///< nothing (white space allowed)
    Text,      ///< plain text only
    Inline,    ///< text mixed with the inline elements listed in its slots
    Elements,  ///< only the elements of its slots (white space allowed)
    Item,      ///< a list item: inline content, or blocks (not both)
};

/// How an attribute value is checked (syntax only; ids are resolved later).
enum class ValueKind {
    Text,        ///< anything
    NonEmpty,    ///< any non-blank text
    Id,          ///< [a-z0-9][a-z0-9-]*, no "--"
    IdRef,       ///< same syntax, names another element
    IdList,      ///< space-separated ids, at least one
    Enum,        ///< one of AttrRule::values
    Lang,        ///< BCP 47 shape
    Date,        ///< YYYY-MM-DD, a real date
    Identifier,  ///< urn:uuid:… or an ISBN
    Isbn,        ///< ISBN-10 or ISBN-13 with a valid check digit
    Year,        ///< four digits
    HttpUrl,     ///< absolute http(s) URL
    LinkUrl,     ///< absolute http(s) or mailto: URL
    Email,       ///< local@domain.tld
    ImagePath,   ///< relative path of a PNG/JPEG under images/
    Href,        ///< include target (checked by the include resolver)
};

struct AttrRule {
    std::string_view name;
    bool required = false;
    ValueKind kind = ValueKind::Text;
    std::vector<std::string_view> values;  ///< Enum only
};

/// How many children a slot takes.
enum class Card { One, Optional, Any, Some };

/// A place in an element's content: one or more interchangeable elements
/// (e.g. the four block elements) and how many of them may stand there.
struct SlotElement {
    std::string_view element;  ///< element name
    std::string_view rule;     ///< key of its ElementRule in this context
};
struct Slot {
    std::vector<SlotElement> elements;
    Card card = Card::One;
};

struct ElementRule {
    std::string_view key;      ///< unique key ("title", "meta-title", "guide-faq", ...)
    std::string_view element;  ///< element name as written
    ContentKind content = ContentKind::Empty;
    std::vector<AttrRule> attrs;
    std::vector<Slot> slots;
    bool ordered = true;       ///< slots must appear in their order
    bool non_empty = false;    ///< Text/Inline/Item: must have some text (or a ref)
    ValueKind text_kind = ValueKind::Text;  ///< Text: how the text itself is checked
};

/// The rule with this key, or nullptr.
const ElementRule* find_rule(std::string_view key);
/// Every rule, in the order of the spec.
const std::vector<ElementRule>& all_rules();
/// Every element name of the format, sorted, including <include>.
const std::vector<std::string_view>& all_element_names();
/// True for p, list, quote, figure.
bool is_block_element(std::string_view name);

}  // namespace bb::manuscript
