#pragma once
/// The print edition's pages, as the EPUB's page-list needs them (EPUB
/// Accessibility 1.1, "page navigation"): typeset makes them from the laid-out
/// book, epub::write puts a page-break marker where each page begins, so a
/// group holding the paper book and one holding an e-reader can "turn to
/// page 37" together.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/source_map.h"

namespace bb::model {

/// One printed page.
struct PrintPage {
    std::string label;    ///< the PDF's page label: "iii", "12"
    std::string chapter;  ///< model id of the chapter the page begins in; "" = the front matter
    base::Span text;      ///< the model Text inline where the page's text begins; unknown: none
    uint32_t byte = 0;    ///< byte offset into that inline's text
    /// Or, for a page that begins with something both editions write but
    /// not as manuscript text (a callout's label, a book in a list, the
    /// index by topic): a print_key naming it. Takes precedence over `text`.
    std::string key;
};

/// The key of such a place: what it is, the model node's position, and an
/// id when the node lists several things (a practitioner in a guide's list).
/// A node without a position (a model built in code) gets no key: keys
/// must name one place.
inline std::string print_key(std::string_view what, base::Span span, std::string_view id = {}) {
    if (!span.known()) return {};
    std::string k(what);
    k += '@' + std::to_string(span.file) + ':' + std::to_string(span.offset);
    if (!id.empty()) {
        k += '/';
        k += id;
    }
    return k;
}

struct PrintEdition {
    std::vector<PrintPage> pages;  ///< in page order
    std::string source;            ///< names the print edition (the EPUB's pageBreakSource)
};

}  // namespace bb::model
