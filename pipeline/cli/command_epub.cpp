// `bookbuild epub`: load the style and the manuscript, then write the EPUB 3.
// On any error nothing is written (the previous output stays untouched).
#include "cli/commands.h"
#include "cli/products.h"

namespace bb::cli {

Runner add_epub_command(CLI::App& app) {
    return add_product_command(app, {"epub", "Build the EPUB 3 of the book", "output/book.epub", "The EPUB file to write",
                                     "Loads the style and the manuscript and writes an EPUB 3 (fonts embedded, CSS generated\n"
                                     "from the style, accessibility metadata derived from the content). The build date is\n"
                                     "SOURCE_DATE_EPOCH when set, else the manuscript's meta/date: the same inputs give the\n"
                                     "same bytes. The book is also laid out as the PDF, so the EPUB carries the print\n"
                                     "edition's page-list: a page-break marker where each printed page begins and a\n"
                                     "list of the pages in the navigation (--no-page-list leaves it out). On any error\n"
                                     "nothing is written.\n\n"
                                     "Example:\n  SOURCE_DATE_EPOCH=1764288000 bookbuild epub -m manuscript -s styles/default.yaml -o output/book.epub\n",
                                     build_epub, true});
}

}  // namespace bb::cli
