#pragma once
/// Smart quotes and dashes (spec/manuscript.md "Text"), as pure functions on
/// text runs. A paragraph split by markup (`"<em>word</em>"`) is one sequence
/// of runs: whether a straight quote opens or closes is decided from the
/// character before it in the flattened text, not within one run.
#include <string>
#include <string_view>
#include <vector>

namespace bb::manuscript {

/// The quotation marks of a language (primary subtag of book@lang).
struct QuoteMarks {
    std::string open_double, close_double;  ///< primary quotes
    std::string open_single, close_single;  ///< secondary (nested) quotes
    std::string inner_space;                ///< French: no-break space inside « »; else ""
};

/// en “…” ‘…’; de „…“ ‚…‘; fr « … » (U+00A0 inside) with “…” nested; pl „…” «…»;
/// ru «…» „…“; any other language falls back to English.
QuoteMarks quote_marks(std::string_view lang);

struct TypographyOptions {
    bool quotes = true;  ///< straight quotes → typographic, apostrophes → ’
    bool dashes = true;  ///< "--" → – (en dash), "---" → — (em dash)
    std::string lang = "en";
};

/// One piece of a sequence; frozen runs (URL link texts) are copied as they
/// are but still count as the text before the next run.
struct TextRun {
    std::string* text;
    bool frozen = false;
};

/// Applies the options to runs that read as one text, in place.
void apply_typography(const std::vector<TextRun>& runs, const TypographyOptions& options);

/// Convenience for a single string.
std::string typographic(std::string_view text, const TypographyOptions& options);

}  // namespace bb::manuscript
