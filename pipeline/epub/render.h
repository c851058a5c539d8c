#pragma once
/// Inline content and blocks as XHTML: the part of the content writer shared
/// by every chapter kind. Links to ids in the book go through the Plan, so a
/// `ref` always points at the file that holds its target.
#include <map>
#include <set>
#include <string>

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
    size_t figures = 0;            ///< number of <img> written
    size_t figures_without_alt = 0;
};

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
    /// Starts a new file: local ids may repeat across files.
    void begin_file() { local_ids_.clear(); }
    /// The print edition's page-break markers, written with the text.
    void set_page_marks(PageMarks* marks) { marks_ = marks && !marks->empty() ? marks : nullptr; }
    PageMarks* page_marks() { return marks_; }
    /// The page-break markers of the print pages that begin at `key`
    /// (model::print_key), for what both editions write but not as
    /// manuscript text.
    void place(Xml& x, const std::string& key) {
        if (marks_) marks_->place(x, key);
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
    PageMarks* marks_ = nullptr;
};

/// True when `src` is a safe relative path inside manuscript/images: not
/// empty, not absolute, no "..", no backslash, no empty or "." segment.
bool safe_image_path(const std::string& src);


}  // namespace bb::epub
