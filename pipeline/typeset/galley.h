#pragma once
/// The galley: the book as one long vertical list of unbreakable slabs (text
/// lines, headings, rules, spaces) with the page-break rules attached, before
/// it is cut into pages (TeX's vertical list, simplified: ragged bottoms, no
/// vertical glue stretch). Built by Flow, consumed by paginate.
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "typeset/paged_doc.h"

namespace bb::typeset {

/// A tinted box around a run of slabs (myth/example/truth callouts). It may
/// break across pages; each piece gets its own background and rule, and a
/// piece that continues from the previous page starts `padding` down.
struct Frame {
    Rgb background, rule;
    double padding = 0;
    double rule_width = 0;
    double left = 0, width = 0;  ///< relative to the text block
};

/// What few slabs carry, kept out of line: a big book has a quarter of a
/// million slabs, and these fields were half of each (~30 MB at N = 1000,
/// twice over while a pass joins its chapters).
struct SlabExtras {
    std::vector<LinkArea> links;          ///< page field unused until placed
    std::vector<std::string> anchors;     ///< ids whose target is this slab's top
    std::vector<OutlineEntry> outline;    ///< bookmarks starting here
    std::map<std::string, std::string> marks;  ///< running-head fields set here ("guide", "section", "part")
    std::string source_key;                    ///< SourcePos::key of the slab's source
};

/// One slab. Items are relative to (text block left, slab top). A new
/// field that pagination reads must also be copied by measure_copy, read
/// alike by paginate_measure (paginate.cpp) and compared by
/// paginates_alike (galley.cpp).
struct Slab {
    enum class Kind : uint8_t { Content, Space, Break };
    double height = 0;
    std::vector<Item> items;
    std::unique_ptr<SlabExtras> extras;  ///< null: no links, anchors, bookmarks or marks
    /// The extras, made on first use.
    SlabExtras& extra() {
        if (!extras) extras = std::make_unique<SlabExtras>();
        return *extras;
    }
    /// Where its text begins in the manuscript (page-list): span and byte
    /// here, the key (rare) in the extras.
    base::Span source_span;
    uint32_t source_byte = 0;
    SourcePos source() const {
        return SourcePos{source_span, source_byte, extras ? extras->source_key : std::string()};
    }
    void set_source(SourcePos pos) {
        source_span = pos.span;
        source_byte = pos.byte;
        if (!pos.key.empty()) extra().source_key = std::move(pos.key);
    }
    bool source_known() const { return source_span.known() || (extras && !extras->source_key.empty()); }
    int frame = -1;                       ///< index into Galley::frames
    uint32_t chapter = 0;                 ///< index into PagedDoc::chapters (0: front matter)
    // (The kind with the flags: a slab is 72 bytes, not 80; a big book
    // keeps a million of them between passes.)
    Kind kind = Kind::Content;
    bool keep_with_next = false;          ///< no page break right after this slab
    bool text_line = false;               ///< a line of text (counts for keep-with-next)
    bool frame_start = false;             ///< first slab of its frame
    // Break only:
    bool recto = false;                   ///< the next page must be a recto
    bool opening = false;                 ///< the next page opens a chapter (no running head)
};

/// Where a printed page number is among a galley's items: a chapter set
/// when it printed one number can print another of as many digits without
/// being set again (layout's last pass; Font::digits_interchangeable).
struct FolioSpot {
    uint32_t slab = 0, item = 0;  ///< index into Galley::slabs, into that slab's items (a TextRun)
    uint32_t at = 0, length = 0;  ///< bytes of the run's text
    std::string anchor;           ///< the page number is the folio of this anchor's page
};

struct Galley {
    std::vector<std::string> fonts;  ///< font paths; TextRun::font indexes this
    uint32_t paragraphs = 0;         ///< paragraph numbers used so far (TextRun::para)
    std::vector<Slab> slabs;
    std::vector<Frame> frames;
    /// The page numbers printed in this galley as Flow made it (slab and
    /// item indices of this galley); `folios_known` is false when one could not be
    /// located (the chapter is then set again rather than changed).
    std::vector<FolioSpot> folios;
    bool folios_known = true;
    /// Every page number printed here was set in a face whose ten digits
    /// are interchangeable (Font::digits_interchangeable), so the galley
    /// would be set alike with other numbers of as many digits. Stays false
    /// unless the Flow was asked to track it (Flow::set_folio_digits_alike).
    bool folio_digits_alike = false;
};

/// A copy of `g` with everything in it (its items too): what a watch build
/// keeps of a PDF's chapter while the writer consumes the layout's.
Galley full_copy(const Galley& g);

/// What pagination needs of the galley to find where pages break, where
/// anchors land and where each page's text begins (a measure pass): no
/// items, link areas, running-head marks or outline entries.
Galley measure_copy(const Galley& g);

/// True when `a` and `b` would be cut into pages alike, with the same
/// anchors: every field measure_copy keeps is equal (items, links, marks
/// and outline entries are not compared), the slabs' manuscript positions
/// (where each page's text begins) only when `sources`.
bool paginates_alike(const Galley& a, const Galley& b, bool sources);

/// Prints the folios of `page_of` at the galley's FolioSpots. False, with
/// the galley unchanged, when a spot is unknown, does not hold `printed`'s
/// number for its anchor, or the new number has another length.
bool reprint_folios(Galley& g, const std::function<std::string(const std::string&)>& page_of);

}  // namespace bb::typeset
