#pragma once
/// Page numbers for the first layout pass, guessed from how much text comes
/// before each anchor. The first pass prints them where a reference needs a
/// page it cannot know yet; a chapter whose real page numbers then have as
/// many digits is not set again (layout.cpp, `sets_alike`). Only the amount
/// of work depends on the guesses: the passes still run until every page
/// number printed is the page its anchor lands on.
#include <map>
#include <string>
#include <vector>

#include "model/book.h"
#include "style/sheet.h"
#include "typeset/book_flow.h"

namespace bb::typeset {

/// How much text each chapter has, in bytes of running text (headings,
/// figures and list lines counted as rough equivalents): layout sets the
/// biggest chapters first, so no thread is left alone with a long one at the
/// end.
std::vector<double> chapter_sizes(const model::Book& book, const std::vector<Chapter>& chapters);

/// For every anchor the estimate knows (chapters, sections, guide parts,
/// directory entries, topics), a string of as many zeros as the digits its
/// page number will probably have.
std::map<std::string, std::string> estimate_folios(const model::Book& book, const std::vector<Chapter>& chapters,
                                                   const style::Sheet& sheet);

}  // namespace bb::typeset
