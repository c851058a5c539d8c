#pragma once
/// Parsers for the value types of style files: lengths with units, colours,
/// page sizes, integers, booleans and templates with {fields}. Each returns the
/// value or an error message (no position: the caller knows where the value is).
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "style/sheet.h"

namespace bb::style {

/// A parsed value or the reason it is not one.
template <class T>
struct Parsed {
    std::optional<T> value;
    std::string error;
    static Parsed ok(T v) { return {std::move(v), {}}; }
    static Parsed fail(std::string message) { return {std::nullopt, std::move(message)}; }
};

/// The units a length accepts, in points per unit; "em" is the text size.
inline constexpr double kPointsPerInch = 72.0;
inline constexpr double kPointsPerMm = 72.0 / 25.4;

/// How a length may be written where it is used.
struct LengthRules {
    bool allow_em = true;       ///< false for text.size and page geometry
    bool allow_negative = false;
    bool positive = false;      ///< must be greater than zero
};

/// "10pt", "1.5em", "18mm", "0": the length in points. `em` is text.size in
/// points. `name` is the key path, for messages.
Parsed<double> parse_length(std::string_view text, const LengthRules& rules, double em,
                            std::string_view name);

/// "#rrggbb" (either case) or a name from `colors`. `name` is the key path.
Parsed<Color> parse_color(std::string_view text, const std::map<std::string, Color>& colors,
                          std::string_view name);

/// "#rrggbb" only (the values of the `colors` map itself).
Parsed<Color> parse_hex_color(std::string_view text, std::string_view name);

/// A named page size: width and height in points, or nullopt.
std::optional<std::pair<double, double>> named_page_size(std::string_view name);
/// The names accepted by named_page_size, in the order messages list them.
const std::vector<std::string>& page_size_names();

/// A whole number in [min, max].
Parsed<int> parse_int(std::string_view text, int min, int max, std::string_view name);

/// true or false (nothing else: yes/on are not accepted, to keep files plain).
Parsed<bool> parse_bool(std::string_view text, std::string_view name);

/// One {field} of a template, with its byte offset in the template text.
struct TemplateField {
    std::string name;
    size_t offset = 0;
};

/// Splits a template into its fields; an unclosed '{' or a stray '}' is an
/// error (there is no escape: templates never need literal braces).
Parsed<std::vector<TemplateField>> template_fields(std::string_view text);

}  // namespace bb::style
