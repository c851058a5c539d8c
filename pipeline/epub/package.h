#pragma once
/// The package document (content.opf): metadata, manifest, spine. The
/// accessibility metadata (EPUB Accessibility 1.1, schema.org terms) is
/// derived from what the content holds, never asserted.
#include <cstdint>
#include <string>
#include <vector>

#include "epub/chunks.h"
#include "epub/render.h"
#include "model/book.h"
#include "model/print_edition.h"

namespace bb::epub {

/// One file of the publication other than the OPF itself.
struct ManifestItem {
    std::string id;          ///< XML NCName
    std::string href;        ///< relative to OEBPS/
    std::string media_type;
    std::string properties;  ///< e.g. "nav"; may be empty
};

/// The schema.org accessibility properties of the book.
struct Accessibility {
    std::vector<std::string> access_modes;           ///< accessMode values
    std::vector<std::string> access_mode_sufficient; ///< each one accessModeSufficient value
    std::vector<std::string> features;               ///< accessibilityFeature values
    std::vector<std::string> hazards;                ///< accessibilityHazard values
    std::string summary;                             ///< accessibilitySummary
    /// The print edition the page-list follows (dc:source and
    /// pageBreakSource); empty when the EPUB has no page-list.
    std::string page_source;
};

/// Derives the accessibility metadata from the content facts: textual (plus
/// visual with images), alternativeText only when every image has alt text.
Accessibility derive_accessibility(const model::Book& book, const ContentFacts& facts,
                                   const model::PrintEdition* print = nullptr);

/// content.opf. `modified` is the build time (dcterms:modified); `manifest`
/// lists every file (spine chunks included); the spine follows `plan`.
std::string package_document(const model::Book& book, const Plan& plan, const std::vector<ManifestItem>& manifest,
                             const Accessibility& a11y, int64_t modified);

}  // namespace bb::epub
