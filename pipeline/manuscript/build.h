#pragma once
/// Builds the model from a checked XNode tree: inline content with white
/// space collapsed as HTML does, list items, default titles, generated
/// anchors. It also records what the resolver needs: every id defined (with
/// the position of its attribute) and every reference made.
#include <string>
#include <vector>

#include "base/source_map.h"
#include "manuscript/xml_tree.h"
#include "model/book.h"

namespace bb::manuscript {

/// An id written by the author.
struct IdDef {
    std::string id;
    model::AnchorKind kind;
    std::string title;  ///< plain title before typography (for empty refs)
    base::Span span;    ///< the id attribute's name
};

/// A reference to be resolved.
struct RefUse {
    enum Kind { Ref, EntryRef, GuideRef, Topic } kind;
    std::string id;
    base::Span span;  ///< the attribute naming it
};

struct Built {
    model::Book book;
    std::vector<IdDef> ids;
    std::vector<RefUse> refs;
    std::vector<base::Span> guide_topics_spans;  ///< per guide: its topics attribute
};

/// Builds the book from book.xml's root. Tolerates trees with schema errors
/// (unknown elements are skipped) so references are still checked.
Built build_book(const XNode& root);

/// Collapses white space in inline content as HTML does: runs of space, tab,
/// LF and CR become one space across element boundaries, and the content is
/// trimmed at both ends; empty text runs are removed.
void collapse_inlines(model::Inlines& content);

/// Generated anchors (they contain "--", which author ids may not).
std::string section_anchor(const std::string& guide_id, const std::string& path);

}  // namespace bb::manuscript
