#pragma once
/// The print edition's pages, as the EPUB's page-list needs them (EPUB
/// Accessibility 1.1, "page navigation"): typeset makes them from the laid-out
/// book, epub::write puts a page-break marker where each page begins, so a
/// group holding the paper book and one holding an e-reader can "turn to
/// page 37" together.
#include <cstdint>
#include <string>
#include <vector>

#include "base/source_map.h"

namespace bb::model {

/// One printed page.
struct PrintPage {
    std::string label;    ///< the PDF's page label: "iii", "12"
    std::string chapter;  ///< model id of the chapter the page begins in; "" = the front matter
    base::Span text;      ///< the model Text inline where the page's text begins; unknown: none
    uint32_t byte = 0;    ///< byte offset into that inline's text
};

struct PrintEdition {
    std::vector<PrintPage> pages;  ///< in page order
    std::string source;            ///< names the print edition (the EPUB's pageBreakSource)
};

}  // namespace bb::model
