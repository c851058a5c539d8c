#pragma once
/// Navigation: the EPUB 3 navigation document (table of contents and
/// landmarks) and, for older reading systems, an NCX with the same tree.
#include <string>
#include <vector>

#include "epub/chunks.h"
#include "epub/page_marks.h"
#include "model/book.h"
#include "style/sheet.h"

namespace bb::epub {

/// One entry of the table of contents.
struct NavItem {
    std::string title;
    std::string href;  ///< relative to text/
    std::vector<NavItem> children;
};

/// The table of contents: front matter, parts with their guides, guides with
/// every section and subsection, the FAQ chapter, the directory.
std::vector<NavItem> toc_tree(const model::Book& book, const Plan& plan, const style::Sheet& sheet);

/// nav.xhtml (lives in text/ beside the chapters); with `marks` not empty,
/// also the page-list of the print edition.
std::string nav_document(const model::Book& book, const Plan& plan, const style::Sheet& sheet,
                         const std::vector<NavItem>& toc, const PageMarks* marks = nullptr);

/// toc.ncx (lives in OEBPS/, so its sources carry the text/ prefix).
std::string ncx_document(const model::Book& book, const std::vector<NavItem>& toc);

}  // namespace bb::epub
