#pragma once
/// Syntax checks of attribute and text values (spec/manuscript.md). Each
/// returns "" when the value is fine, else a short message for a diagnostic.
#include <string>
#include <string_view>
#include <vector>

namespace bb::manuscript {

/// [a-z0-9][a-z0-9-]*, and no "--" (reserved for generated anchors).
std::string check_id(std::string_view v);
/// BCP 47 shape: language[-extlang][-Script][-REGION][-variant]*[-ext]*[-x-private].
std::string check_lang(std::string_view v);
/// YYYY-MM-DD naming a real day of the Gregorian calendar.
std::string check_date(std::string_view v);
/// urn:uuid:8-4-4-4-12 hex, or an ISBN (optionally "urn:isbn:"/"isbn:" prefixed).
std::string check_identifier(std::string_view v);
/// ISBN-10 or ISBN-13 (hyphens and spaces allowed) with a valid check digit.
std::string check_isbn(std::string_view v);
/// Four digits.
std::string check_year(std::string_view v);
/// Absolute http:// or https:// URL with a host and no white space.
std::string check_http_url(std::string_view v);
/// check_http_url, or mailto: followed by an e-mail address.
std::string check_link_url(std::string_view v);
/// local@domain.tld with no white space.
std::string check_email(std::string_view v);
/// A relative path (no "..", not absolute) ending in .png, .jpg or .jpeg.
std::string check_image_path(std::string_view v);

/// Splits on XML white space.
std::vector<std::string> split_words(std::string_view v);

}  // namespace bb::manuscript
