#include "epub/package.h"

#include <fmt/format.h>

#include "base/env.h"
#include "epub/xhtml.h"

namespace bb::epub {

Accessibility derive_accessibility(const model::Book& book, const ContentFacts& facts,
                                   const model::PrintEdition* print) {
    Accessibility a;
    bool images = facts.figures > 0;
    bool all_alt = images && facts.figures_without_alt == 0;
    a.access_modes.push_back("textual");
    if (images) a.access_modes.push_back("visual");
    // Text alone carries everything only when every image has a text
    // alternative; otherwise a reader needs text and sight together.
    if (!images || all_alt) a.access_mode_sufficient.push_back("textual");
    if (images) a.access_mode_sufficient.push_back("textual,visual");
    // Every chapter has headings and the sections are in the nav; the nav
    // is a table of contents; the spine is the reading order.
    a.features = {"structuralNavigation", "tableOfContents", "readingOrder"};
    if (all_alt) a.features.push_back("alternativeText");
    const bool pages = print && !print->pages.empty();
    if (pages) {
        // Page-break markers and a page-list from the print edition.
        a.features.push_back("printPageNumbers");
        a.features.push_back("pageBreakMarkers");
        a.features.push_back("pageNavigation");
        a.page_source = print->source;
    }
    // No sound, no video, no animation, no flashing: the content is text
    // and still images, so there is nothing that could be a hazard.
    a.hazards = {"none"};

    size_t guides = book.guides.size();
    std::string s = fmt::format(
        "This publication is text with a navigable table of contents ({} {}, the directory{}) and "
        "headings for every chapter, section and question, in a single logical reading order. "
        "Structural elements carry EPUB semantics and the matching ARIA roles. Text can be resized "
        "and restyled by the reading system; colour is never the only way information is given.",
        guides, guides == 1 ? "guide" : "guides", book.faq ? ", the questions chapter" : "");
    if (!images)
        s += " It contains no images.";
    else if (all_alt)
        s += fmt::format(" All {} {} have a text alternative.", facts.figures, facts.figures == 1 ? "image" : "images");
    else
        s += fmt::format(" {} of {} images have no text alternative.", facts.figures_without_alt, facts.figures);
    if (pages)
        s += fmt::format(" Page-break markers and a page list give the {} pages of the print edition ({}).",
                         print->pages.size(), print->source);
    s += " There are no sound, video or flashing hazards.";
    a.summary = s;
    return a;
}

std::string package_document(const model::Book& book, const Plan& plan, const std::vector<ManifestItem>& manifest,
                             const Accessibility& a11y, int64_t modified) {
    const model::Meta& m = book.meta;
    std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    Xml x;
    x.open("package", {{"xmlns", "http://www.idpf.org/2007/opf"},
                       {"version", "3.0"},
                       {"unique-identifier", "pub-id"},
                       {"xml:lang", book.lang}})
        .line();
    x.open("metadata", {{"xmlns:dc", "http://purl.org/dc/elements/1.1/"}}).line();
    x.element("dc:identifier", {{"id", "pub-id"}}, m.identifier).line();
    x.element("dc:title", {{"id", "title"}}, m.title).line();
    x.element("meta", {{"refines", "#title"}, {"property", "title-type"}}, "main").line();
    x.element("meta", {{"refines", "#title"}, {"property", "display-seq"}}, "1").line();
    if (!m.subtitle.empty()) {
        x.element("dc:title", {{"id", "subtitle"}}, m.subtitle).line();
        x.element("meta", {{"refines", "#subtitle"}, {"property", "title-type"}}, "subtitle").line();
        x.element("meta", {{"refines", "#subtitle"}, {"property", "display-seq"}}, "2").line();
    }
    for (size_t i = 0; i < m.creators.size(); ++i) {
        std::string id = fmt::format("creator-{}", i + 1);
        // Every <creator> of the manuscript is a primary creator (an edited
        // directory's editor is its maker; reading systems show dc:creator as
        // the byline); the MARC relator carries the role (EPUB 3.3 §5.5.6).
        x.element("dc:creator", {{"id", id}}, m.creators[i].name).line();
        x.element("meta", {{"refines", "#" + id}, {"property", "role"}, {"scheme", "marc:relators"}},
                  m.creators[i].role)
            .line();
    }
    if (!m.publisher.empty()) x.element("dc:publisher", {}, m.publisher).line();
    if (!m.date.empty()) x.element("dc:date", {}, m.date).line();
    if (!m.rights.empty()) x.element("dc:rights", {}, m.rights).line();
    if (!m.description.empty()) x.element("dc:description", {}, m.description).line();
    for (const auto& s : m.subjects) x.element("dc:subject", {}, s).line();
    x.element("dc:language", {}, book.lang).line();
    if (!a11y.page_source.empty()) {
        // The edition whose pages the page-list reproduces (Ace's
        // epub-pagesource accepts a dc:source refined as the source of the
        // pagination, EPUB 3.0.1's source-of, or pageBreakSource). Not
        // a11y:pageBreakSource: Debian's epubcheck 4.2.6 rejects it
        // (OPF-027 "Undefined property"), prefixed or not.
        x.element("dc:source", {{"id", "print-source"}}, a11y.page_source).line();
        x.element("meta", {{"refines", "#print-source"}, {"property", "source-of"}}, "pagination").line();
    }
    x.element("meta", {{"property", "dcterms:modified"}}, base::iso8601(modified)).line();
    for (const auto& v : a11y.access_modes) x.element("meta", {{"property", "schema:accessMode"}}, v).line();
    for (const auto& v : a11y.access_mode_sufficient)
        x.element("meta", {{"property", "schema:accessModeSufficient"}}, v).line();
    for (const auto& v : a11y.features) x.element("meta", {{"property", "schema:accessibilityFeature"}}, v).line();
    for (const auto& v : a11y.hazards) x.element("meta", {{"property", "schema:accessibilityHazard"}}, v).line();
    x.element("meta", {{"property", "schema:accessibilitySummary"}}, a11y.summary).line();
    x.close().line();

    x.open("manifest").line();
    for (const auto& item : manifest)
        x.empty("item", {{"id", item.id},
                         {"href", item.href},
                         {"media-type", item.media_type},
                         {item.properties.empty() ? "" : "properties", item.properties}})
            .line();
    x.close().line();

    x.open("spine", {{"toc", "ncx"}}).line();
    for (const Chunk& c : plan.chunks()) x.empty("itemref", {{"idref", c.manifest_id}}).line();
    x.close().line();
    x.close().line();
    out += x.finish();
    return out;
}

}  // namespace bb::epub
