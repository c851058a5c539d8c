#pragma once
/// Inline content and blocks as XHTML: the part of the content writer shared
/// by every chapter kind. Links to ids in the book go through the Plan, so a
/// `ref` always points at the file that holds its target.
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "base/diagnostics.h"
#include "epub/chunks.h"
#include "epub/page_marks.h"
#include "epub/xhtml.h"
#include "model/book.h"
#include "style/sheet.h"

namespace bb::epub {

/// What the content holds that the package document must describe
/// (accessibility metadata is derived from these facts, never asserted).
struct ContentFacts {
    /// figure source (relative to manuscript/images) -> its path inside
    /// OEBPS/images/, made of URL-safe characters only (a space in a file
    /// name would need escaping, which some reading systems get wrong)
    std::map<std::string, std::string> images;
    std::vector<std::string> image_order;  ///< the sources of `images`, in first use
    size_t figures = 0;            ///< number of <img> written
    size_t figures_without_alt = 0;
};

/// A figure source's name inside OEBPS/images/: its URL-safe form, made
/// unique among `taken` (which it joins) by a -2, -3 ... before the extension.
std::string unique_image_name(const std::string& src, std::set<std::string>& taken);

/// Writes inline content and blocks for one chapter file at a time.
class Renderer {
public:
    Renderer(const model::Book& book, const style::Sheet& sheet, const Plan& plan, base::Sink& sink)
        : book_(book), sheet_(sheet), plan_(plan), sink_(sink) {}

    void inlines(Xml& x, const model::Inlines& content);
    void blocks(Xml& x, const model::Blocks& blocks);
    void block(Xml& x, const model::Block& block);

    /// An id unique within the current file for elements that have no model
    /// id (chapter headings, questions). Always contains '_', which no author id or
    /// loader anchor contains, so it cannot clash with them.
    std::string local_id(const std::string& stem);
    /// The print edition's page-break markers, written with the text.
    void set_page_marks(const PageMarks* marks) { marks_ = marks && !marks->empty() ? marks : nullptr; }
    /// Starts chunk `chunk` (index into the plan's chunks) in a new file
    /// (local ids may repeat across files); returns the page-break markers
    /// that come before anything in it.
    std::string begin_chunk(size_t chunk);
    /// The chunk's page-break markers not yet written (its file's end).
    std::string end_chunk() { return cursor_ ? cursor_->finish() : std::string(); }
    /// The page-break markers of the print pages that begin at `key`
    /// (model::print_key), for what both editions write but not as
    /// manuscript text.
    void place(Xml& x, const std::string& key) {
        if (cursor_) cursor_->place(x, key);
    }

    /// A link to a model id: `<a href>text</a>`, or the text alone (plus an
    /// error) when the id is not in the book.
    void link_to(Xml& x, const std::string& id, const std::string& text, model::Span span,
                 const Attrs& extra = {});

    const model::Book& book() const { return book_; }
    const style::Sheet& sheet() const { return sheet_; }
    const Plan& plan() const { return plan_; }
    base::Sink& sink() { return sink_; }
    const ContentFacts& facts() const { return facts_; }

private:
    void inline_one(Xml& x, const model::Inline& in);
    void figure(Xml& x, const model::Block& b);
    /// The container name of a figure source (assigned on first use).
    const std::string& image_name(const std::string& src);

    const model::Book& book_;
    const style::Sheet& sheet_;
    const Plan& plan_;
    base::Sink& sink_;
    ContentFacts facts_;
    std::map<std::string, int> local_ids_;
    std::set<std::string> image_names_;
    int link_depth_ = 0;  ///< <a> may not nest: inner links become plain text
    const PageMarks* marks_ = nullptr;
    std::optional<PageCursor> cursor_;  ///< in the current chunk, when there are marks
};

/// True when `src` is a safe relative path inside manuscript/images: not
/// empty, not absolute, no "..", no backslash, no empty or "." segment.
bool safe_image_path(const std::string& src);


}  // namespace bb::epub
