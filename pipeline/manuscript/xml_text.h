#pragma once
/// Character-level rules of the manuscript's XML, applied to the raw bytes
/// (pugixml is lenient about all of them): UTF-8 validity, forbidden control
/// characters, and strict decoding of entity and character references.
#include <string>
#include <string_view>

#include "base/diagnostics.h"

namespace bb::manuscript {

/// Checks a whole file: invalid UTF-8 (one error at its first byte; returns
/// false, the file must not be parsed) and characters XML forbids (C0 controls
/// other than tab, LF, CR, and U+FFFE/U+FFFF; one error each, returns true).
bool check_characters(std::string_view bytes, uint32_t file, base::Sink& sink);

/// Decodes the references in `raw`, the text of a text node or an attribute
/// value as it stands in the file; `at` is the position of raw[0]. Only the
/// five XML entities and numeric references to valid XML characters are
/// accepted; anything else (an undefined `&nbsp;`, a bare `&`, `&#0;`) is an
/// error at its exact position and is kept literally. Line ends become LF;
/// in attribute values (`attribute`) tab, LF and CR become spaces first, as
/// XML's attribute-value normalisation requires.
std::string decode_references(std::string_view raw, base::Span at, bool attribute, base::Sink& sink);

/// True when `cp` may appear in an XML 1.0 document.
bool is_xml_char(char32_t cp);

}  // namespace bb::manuscript
