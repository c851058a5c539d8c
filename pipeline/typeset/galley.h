#pragma once
/// The galley: the book as one long vertical list of unbreakable slabs (text
/// lines, headings, rules, spaces) with the page-break rules attached, before
/// it is cut into pages (TeX's vertical list, simplified: ragged bottoms, no
/// vertical glue stretch). Built by Flow, consumed by paginate.
#include <map>
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

/// One slab. Items are relative to (text block left, slab top).
struct Slab {
    enum class Kind { Content, Space, Break };
    Kind kind = Kind::Content;
    double height = 0;
    std::vector<Item> items;
    std::vector<LinkArea> links;          ///< page field unused until placed
    std::vector<std::string> anchors;     ///< ids whose target is this slab's top
    std::vector<OutlineEntry> outline;    ///< bookmarks starting here
    std::map<std::string, std::string> marks;  ///< running-head fields set here ("guide", "section", "part")
    bool keep_with_next = false;          ///< no page break right after this slab
    bool text_line = false;               ///< a line of text (counts for keep-with-next)
    int frame = -1;                       ///< index into Galley::frames
    bool frame_start = false;             ///< first slab of its frame
    // Break only:
    bool recto = false;                   ///< the next page must be a recto
    bool opening = false;                 ///< the next page opens a chapter (no running head)
    SourcePos source;                     ///< where its text begins in the manuscript (page-list)
    uint32_t chapter = 0;                 ///< index into PagedDoc::chapters (0: front matter)
};

struct Galley {
    std::vector<std::string> fonts;  ///< font paths; TextRun::font indexes this
    uint32_t paragraphs = 0;         ///< paragraph numbers used so far (TextRun::para)
    std::vector<Slab> slabs;
    std::vector<Frame> frames;
};

/// Appends `from` to `into`: font indices, frame indices and paragraph
/// numbers are renumbered; two spaces meeting at the joint collapse into the
/// larger one, as they would in one flow.
void append_galley(Galley& into, Galley&& from);

}  // namespace bb::typeset
