#pragma once
/// The stylesheet, generated from the same style::Sheet the typesetter uses:
/// typographic lengths become rem relative to `text.size` (so reading systems
/// can resize text), colours and fonts carry over, and the keep rules become
/// CSS fragmentation properties. What only paper has (page size, margins,
/// running heads, page references) is left out (spec/styles.md).
#include <string>
#include <vector>

#include "epub/fonts.h"
#include "style/sheet.h"

namespace bb::epub {

/// book.css, with @font-face rules for `faces` (hrefs relative to css/).
/// `fallbacks` (embedded fallback families) follow the main family in every
/// font stack, before the generic family.
std::string stylesheet(const style::Sheet& sheet, const std::vector<FontFace>& faces,
                       const std::vector<std::string>& fallbacks = {});

/// A length in points as rem of the body size, e.g. 13.5pt at 10pt -> "1.35rem".
std::string rem(double points, double body_size);

/// WCAG 2.x contrast ratio of two colours (1 to 21).
double contrast_ratio(const style::Color& a, const style::Color& b);

}  // namespace bb::epub
