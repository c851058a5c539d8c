#pragma once
/// The parameter table: every key a style file may set, as data (path, type,
/// default, one-line doc) plus where its value goes in the Sheet. The loader's
/// walker checks files against it; pipeline/style/README.md is generated from
/// it (reference_markdown) and a test keeps the two equal.
#include <climits>
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "style/sheet.h"
#include "style/values.h"

namespace bb::style {

/// The kinds of value a key can hold.
enum class Type {
    Length,      ///< pt mm cm in (no em); text.size and page geometry
    LengthEm,    ///< pt mm cm in em (em = text.size)
    Color,       ///< #rrggbb or a name from colors
    HexColor,    ///< #rrggbb only (the colors map itself)
    Bool,        ///< true | false
    Int,         ///< whole number within [min, max]
    Enum,        ///< one of `choices`
    String,      ///< any text
    Template,    ///< text with {field}s, fields from `choices`
    FontRef,     ///< the name of a family under fonts
    FontList,    ///< a list of family names
    FontFile,    ///< a TrueType file (see README, "Font files")
    PageSize,    ///< A4 | A5 | A6 | Letter | HalfLetter | [width, height]
};

/// A checked value, ready to store in the Sheet (only the member for the
/// parameter's type is set).
struct Value {
    double length = 0;
    Color color;
    bool flag = false;
    int number = 0;
    std::string text;                ///< String, Template, Enum, FontRef, FontFile (absolute path)
    std::vector<std::string> names;  ///< FontList
    std::pair<double, double> size;  ///< PageSize, points
};

/// Stores a value into the sheet; `key` is the concrete name a `*` matched
/// (a colour name, a label key, a family name), empty otherwise.
using Apply = std::function<void(Sheet&, const Value&, const std::string& key)>;

/// One key of the style vocabulary.
struct Param {
    std::string path;                   ///< "text.leading"; `*` matches any key ("colors.*")
    Type type = Type::String;
    std::optional<std::string> fallback;  ///< default, written as in a style file; none = not defaulted
    std::string doc;                    ///< one line for the reference
    std::vector<std::string> choices;   ///< Enum values or Template fields
    LengthRules length;                 ///< for Length / LengthEm
    int min = INT_MIN, max = INT_MAX;   ///< for Int
    bool required = false;              ///< must be given whenever its parent map is
    Apply apply;
};

/// The whole table, in reference order (also the order defaults are applied).
const std::vector<Param>& parameters();

/// Short type description for messages and the reference ("length or em").
std::string type_name(const Param& p);

/// The reference table in Markdown (one row per parameter).
std::string reference_markdown();

}  // namespace bb::style
