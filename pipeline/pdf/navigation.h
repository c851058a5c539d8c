#pragma once
/// The PDF's link annotations and outline (bookmarks), given to libharu as
/// raw dictionaries (haru_fixes.h, raw_dict) whose text is made when the
/// save reaches them: a big book has tens of thousands, and libharu's own
/// calls made a dozen small objects, each found again by key search when
/// written, per link (measured in bench/README.md, session 12).
#include <hpdf.h>

#include <string>
#include <vector>

#include "pdf/haru_fixes.h"
#include "typeset/paged_doc.h"

namespace bb::pdf {

class Navigation final : public RawSource {
public:
    /// `pages`: libharu's pages of `doc`, in order. Both must outlive the
    /// saves of the document.
    Navigation(const typeset::PagedDoc& doc, const std::vector<HPDF_Page>& pages) : doc_(doc), pages_(pages) {}

    /// Adds the links (to each page's /Annots) and the outline (to the
    /// catalog, shown when the file opens) of the document. Links and
    /// entries whose anchor is not on a page are left out. False when
    /// libharu fails (its error is set).
    bool add(HPDF_Doc pdf);

    void body(size_t index, std::string& out) override;

private:
    /// Where a link or entry goes: a page and the height on it.
    struct Place {
        size_t page = 0;
        double top = 0;  ///< PDF coordinates (from the bottom)
    };
    bool place_of(const std::string& anchor, Place& place) const;

    struct Link {
        const typeset::LinkArea* area;
        Place to;  ///< for internal links
    };
    /// An outline entry; indices into entries_, SIZE_MAX for none.
    struct Entry {
        const typeset::OutlineEntry* source;
        Place to;
        size_t parent = SIZE_MAX, prev = SIZE_MAX, next = SIZE_MAX, first = SIZE_MAX, last = SIZE_MAX;
        size_t children = 0;
    };

    void link_body(const Link& l, std::string& out) const;
    void entry_body(const Entry& e, std::string& out) const;
    void root_body(std::string& out) const;
    void reference(std::string& out, const void* obj) const;
    void destination(std::string& out, const Place& to) const;
    HPDF_Dict add_object(HPDF_Doc pdf);

    const typeset::PagedDoc& doc_;
    const std::vector<HPDF_Page>& pages_;
    std::vector<Link> links_;
    std::vector<Entry> entries_;
    size_t top_first_ = SIZE_MAX, top_last_ = SIZE_MAX, top_count_ = 0;
    /// One per raw object, in the order made: links, the outline's root,
    /// its entries (items_[k] is object objects_[k]).
    std::vector<RawItem> items_;
    std::vector<HPDF_Dict> objects_;
};

}  // namespace bb::pdf
