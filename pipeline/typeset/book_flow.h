#pragma once
/// The book's content in reading order, poured into a Flow: chapters
/// (preface, parts, guides, FAQ chapter, directory) with their headings,
/// callouts, lists, quotes, figures, questions, books, practitioners, related
/// guides and directory entries, following the style.
#include <string>
#include <vector>

#include "base/diagnostics.h"
#include "model/book.h"
#include "style/sheet.h"
#include "typeset/flow.h"
#include "typeset/inlines.h"

namespace bb::typeset {

/// The printed directory's "Browse by topic" and each topic in it (the
/// "--" keeps them apart from every author id, as the loader's anchors).
inline constexpr const char* kByTopicAnchor = "by-topic--bookbuild";
inline std::string topic_anchor(const std::string& topic) { return topic + "--topic"; }

/// Where figures live and how page references print in this pass.
struct FlowContext {
    std::string image_dir;  ///< folder that <figure src> is relative to
    PageOf page_of;         ///< folio of an anchor ("" in the first pass)
};

/// Appends every chapter of `book` to `flow`.
void flow_book(Flow& flow, const model::Book& book, const style::Sheet& sheet, const FlowContext& ctx,
               base::Sink& sink);

/// One chapter-level unit of the book, in reading order. Chapters share no
/// state, so they can be set on separate Flows (in parallel) and joined.
struct Chapter {
    enum class Kind { Preface, Part, Guide, FaqChapter, Directory };
    Kind kind = Kind::Guide;
    size_t index = 0;  ///< Part: index into Book::parts; Guide: into Book::guides
    int level = 0;     ///< outline level of a guide (1 inside parts)
    int number = 0;    ///< Part: its number (1-based)
    /// Directory only. A big book's directory is a tenth of it and prints
    /// the page of every guide and entry, so it is set in parts, on all
    /// cores, joined like chapters (only its first part starts a page) and
    /// set again part by part when page numbers change. A part sets the
    /// entries [first, end), or with `topic_index` the topics [first, end)
    /// of "Browse by topic"; a part with first == 0 also sets its section's
    /// opening (the directory's heading and introduction; the index's heading).
    bool topic_index = false;
    size_t first = 0, end = 0;
    /// A directory part that goes on where the one before it stopped (on
    /// the same page), not one that starts a page.
    bool continues_directory() const { return kind == Kind::Directory && (topic_index || first > 0); }
};

/// The chapters of `book` in reading order, the directory in parts.
std::vector<Chapter> chapters_of(const model::Book& book);

/// The model id of a chapter; a preface, FAQ chapter or directory without
/// one is "preface", "faq", "directory", as the EPUB names their files.
std::string chapter_id(const model::Book& book, const Chapter& chapter);

/// Appends one chapter to `flow`.
void flow_chapter(Flow& flow, const Chapter& chapter, const model::Book& book, const style::Sheet& sheet,
                  const FlowContext& ctx, base::Sink& sink);

/// Appends one guide of `book` as a top-level chapter, as flow_book sets it
/// (handouts). `with_extras` false leaves out its practitioners and related
/// guides, for a caller that sets them its own way.
void flow_guide(Flow& flow, const model::Book& book, const model::Guide& guide, const style::Sheet& sheet,
                const FlowContext& ctx, base::Sink& sink, bool with_extras = true);

}  // namespace bb::typeset
