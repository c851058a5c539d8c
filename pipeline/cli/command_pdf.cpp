// `bookbuild pdf`: load the style and the manuscript, lay the book out
// (typeset::layout) and draw it (pdf::write). On any error nothing is
// written (the previous output stays untouched).
#include "cli/commands.h"
#include "cli/products.h"

namespace bb::cli {

Runner add_pdf_command(CLI::App& app) {
    return add_product_command(app, {"pdf", "Typeset the book as a PDF", "output/book.pdf", "The PDF file to write",
                                     "Loads the style and the manuscript, lays the book out (justified, hyphenated text,\n"
                                     "widows and orphans avoided, guides opening on a right-hand page) and writes a PDF with\n"
                                     "the style's fonts embedded, bookmarks, links and page labels. The build date is\n"
                                     "SOURCE_DATE_EPOCH when set, else the manuscript's meta/date: the same inputs give the\n"
                                     "same bytes, whatever the number of threads (-j N, default one per core).\n"
                                     "On any error nothing is written.\n\n"
                                     "Example:\n  SOURCE_DATE_EPOCH=1764288000 bookbuild pdf -m manuscript -s styles/default.yaml -o output/book.pdf",
                                     build_pdf});
}

}  // namespace bb::cli
