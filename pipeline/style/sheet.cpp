#include "style/sheet.h"

#include <fmt/format.h>

namespace bb::style {

std::string Color::hex() const { return fmt::format("#{:02x}{:02x}{:02x}", r, g, b); }

const std::string& FontFamily::face(bool want_bold, bool want_italic) const {
    if (want_bold && want_italic && bold_italic_given) return bold_italic;
    if (want_bold && bold_given) return bold;
    if (want_italic && italic_given) return italic;
    return regular;
}

std::string Sheet::label(const std::string& key, const std::string& fallback) const {
    auto it = labels.find(key);
    return it == labels.end() ? fallback : it->second;
}

}  // namespace bb::style
