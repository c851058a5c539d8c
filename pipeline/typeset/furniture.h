#pragma once
/// Running heads and folios (Sheet::running): templates with {book} {part}
/// {guide} {section} {page}, centred on verso/recto pages or set at the
/// inner/outer edge of the text block; none on blank pages, no running head
/// on a chapter's opening page when suppress-on-first-page is set.
#include <string>
#include <vector>

#include "style/sheet.h"
#include "typeset/fonts.h"
#include "typeset/paginate.h"

namespace bb::typeset {

/// Adds the furniture of pages [first, doc.pages.size()); `facts` has one
/// entry per page of doc. `book_title` fills {book}.
void add_furniture(PagedDoc& doc, const std::vector<PageFacts>& facts, size_t first, const style::Sheet& sheet,
                   FontBook& fonts, const std::string& book_title);

/// The most items add_furniture puts on one page (a slot per template the
/// style fills), so pagination can size each page's item list once.
size_t furniture_items_max(const style::Sheet& sheet);

/// A template with its fields filled in.
std::string fill_template(const std::string& tmpl, const std::map<std::string, std::string>& fields);

}  // namespace bb::typeset
