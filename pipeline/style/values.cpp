#include "style/values.h"

#include <charconv>
#include <cmath>

#include "base/suggest.h"

namespace bb::style {

namespace {

struct Unit {
    const char* name;
    double points;  ///< 0 marks em (relative to the text size)
};
constexpr Unit kUnits[] = {
    {"pt", 1.0}, {"mm", kPointsPerMm}, {"cm", 10 * kPointsPerMm}, {"in", kPointsPerInch}, {"em", 0.0},
};

std::vector<std::string> unit_names(bool allow_em) {
    std::vector<std::string> out;
    for (const auto& u : kUnits)
        if (allow_em || u.points != 0.0) out.push_back(u.name);
    return out;
}

/// A plain decimal number: optional '-', digits, optional fraction. Returns
/// the number of bytes used (0 when there is no number).
size_t scan_number(std::string_view s, double& out) {
    size_t i = 0;
    if (i < s.size() && s[i] == '-') ++i;
    size_t digits = 0;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i, ++digits;
    if (i < s.size() && s[i] == '.') {
        ++i;
        while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i, ++digits;
    }
    if (digits == 0) return 0;
    // from_chars does not take a leading '+', and we never produce one.
    auto r = std::from_chars(s.data(), s.data() + i, out);
    if (r.ec != std::errc() || r.ptr != s.data() + i) return 0;
    return i;
}

int hex_digit(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

std::string quoted(std::string_view s) { return "'" + std::string(s) + "'"; }

}  // namespace

Parsed<double> parse_length(std::string_view text, const LengthRules& rules, double em,
                            std::string_view name) {
    std::string units = base::join_alternatives(unit_names(rules.allow_em));
    double number = 0;
    size_t used = scan_number(text, number);
    if (used == 0)
        return Parsed<double>::fail("expected a length like 10pt for '" + std::string(name) +
                                    "', got " + quoted(text));
    std::string_view unit = text.substr(used);
    double points = 0;
    if (unit.empty()) {
        if (number != 0.0)
            return Parsed<double>::fail("missing unit in " + quoted(text) + " for '" +
                                        std::string(name) + "'; write it with " + units);
        points = 0;
    } else {
        const Unit* found = nullptr;
        for (const auto& u : kUnits)
            if (unit == u.name) found = &u;
        if (!found) {
            std::vector<std::string> all = unit_names(true);
            return Parsed<double>::fail("unknown unit " + quoted(unit) + " in " + quoted(text) +
                                        " for '" + std::string(name) + "'" +
                                        base::did_you_mean(unit, unit_names(rules.allow_em)) +
                                        " (units: " + units + ")");
        }
        if (found->points == 0.0) {
            if (!rules.allow_em)
                return Parsed<double>::fail("'" + std::string(name) +
                                            "' cannot be in em (em is relative to text.size); use " +
                                            units);
            points = number * em;
        } else {
            points = number * found->points;
        }
    }
    if (number < 0 && !rules.allow_negative)
        return Parsed<double>::fail("negative length " + quoted(text) + " for '" + std::string(name) +
                                    "'; it must be zero or more");
    if (rules.positive && points <= 0)
        return Parsed<double>::fail("'" + std::string(name) + "' must be greater than zero, got " +
                                    quoted(text));
    return Parsed<double>::ok(points);
}

Parsed<Color> parse_hex_color(std::string_view text, std::string_view name) {
    if (text.size() == 7 && text[0] == '#') {
        int v[6];
        bool good = true;
        for (size_t i = 0; i < 6; ++i) good = good && (v[i] = hex_digit(text[i + 1])) >= 0;
        if (good) {
            Color c;
            c.r = static_cast<uint8_t>(v[0] * 16 + v[1]);
            c.g = static_cast<uint8_t>(v[2] * 16 + v[3]);
            c.b = static_cast<uint8_t>(v[4] * 16 + v[5]);
            return Parsed<Color>::ok(c);
        }
    }
    return Parsed<Color>::fail("bad colour " + quoted(text) + " for '" + std::string(name) +
                               "': write it as #rrggbb (six hexadecimal digits)");
}

Parsed<Color> parse_color(std::string_view text, const std::map<std::string, Color>& colors,
                          std::string_view name) {
    if (!text.empty() && text[0] == '#') {
        auto p = parse_hex_color(text, name);
        if (!p.value)
            p.error = "bad colour " + quoted(text) + " for '" + std::string(name) +
                      "': write it as #rrggbb or a name from colors";
        return p;
    }
    auto it = colors.find(std::string(text));
    if (it != colors.end()) return Parsed<Color>::ok(it->second);
    std::vector<std::string> names;
    for (const auto& [k, v] : colors) names.push_back(k);
    std::string known = names.empty() ? " (colors defines no names)"
                                      : " (colors defines " + base::join_alternatives(names) + ")";
    return Parsed<Color>::fail("unknown colour " + quoted(text) + " for '" + std::string(name) + "'" +
                               base::did_you_mean(text, names) + known);
}

const std::vector<std::string>& page_size_names() {
    static const std::vector<std::string> names = {"A4", "A5", "A6", "Letter", "HalfLetter"};
    return names;
}

std::optional<std::pair<double, double>> named_page_size(std::string_view name) {
    const double mm = kPointsPerMm, in = kPointsPerInch;
    if (name == "A4") return std::pair{210 * mm, 297 * mm};
    if (name == "A5") return std::pair{148 * mm, 210 * mm};
    if (name == "A6") return std::pair{105 * mm, 148 * mm};
    if (name == "Letter") return std::pair{8.5 * in, 11 * in};
    if (name == "HalfLetter") return std::pair{5.5 * in, 8.5 * in};
    return std::nullopt;
}

Parsed<int> parse_int(std::string_view text, int min, int max, std::string_view name) {
    int v = 0;
    auto r = std::from_chars(text.data(), text.data() + text.size(), v);
    if (text.empty() || r.ec != std::errc() || r.ptr != text.data() + text.size())
        return Parsed<int>::fail("expected a whole number for '" + std::string(name) + "', got " +
                                 quoted(text));
    if (v < min || v > max) {
        std::string range = max == INT32_MAX ? "at least " + std::to_string(min)
                                             : "between " + std::to_string(min) + " and " +
                                                   std::to_string(max);
        return Parsed<int>::fail("'" + std::string(name) + "' must be " + range + ", got " +
                                 std::to_string(v));
    }
    return Parsed<int>::ok(v);
}

Parsed<bool> parse_bool(std::string_view text, std::string_view name) {
    if (text == "true") return Parsed<bool>::ok(true);
    if (text == "false") return Parsed<bool>::ok(false);
    return Parsed<bool>::fail("expected true or false for '" + std::string(name) + "', got " +
                              quoted(text));
}

Parsed<std::vector<TemplateField>> template_fields(std::string_view text) {
    std::vector<TemplateField> out;
    for (size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '}')
            return Parsed<std::vector<TemplateField>>::fail("stray '}' in template " + quoted(text));
        if (text[i] != '{') continue;
        size_t close = text.find_first_of("{}", i + 1);
        if (close == std::string_view::npos || text[close] != '}')
            return Parsed<std::vector<TemplateField>>::fail("unclosed '{' in template " +
                                                            quoted(text));
        out.push_back({std::string(text.substr(i + 1, close - i - 1)), i});
        i = close;
    }
    return Parsed<std::vector<TemplateField>>::ok(std::move(out));
}

}  // namespace bb::style
