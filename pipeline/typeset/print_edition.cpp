#include "typeset/print_edition.h"

namespace bb::typeset {

model::PrintEdition print_edition(const PagedDoc& doc, std::string source) {
    model::PrintEdition out;
    out.source = std::move(source);
    out.pages.reserve(doc.pages.size());
    for (size_t p = 0; p < doc.pages.size(); ++p) {
        model::PrintPage page;
        page.label = doc.pages[p].label;
        if (p < doc.starts.size()) {
            const PageStart& s = doc.starts[p];
            if (s.chapter < doc.chapters.size()) page.chapter = doc.chapters[s.chapter];
            page.text = s.at.span;
            page.byte = s.at.byte;
            page.key = s.at.key;
        }
        out.pages.push_back(std::move(page));
    }
    return out;
}

}  // namespace bb::typeset
