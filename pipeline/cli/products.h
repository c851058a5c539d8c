#pragma once
/// Building the book's products from a loaded Session, shared by the single
/// commands (`epub`, `pdf`) and by `all`, so each product is made one way.
#include <CLI/CLI.hpp>
#include <string>

#include "cli/commands.h"
#include "cli/session.h"
#include "typeset/paged_doc.h"

namespace bb::cli {

/// Writes the EPUB to `path` (atomically). Prints "wrote …" unless quiet.
/// Unless --no-page-list, the EPUB gets the print edition's page-list: from
/// `print_layout` when given (`all` lays the book out once), else from a
/// layout made here. Returns the exit code.
int build_epub(Session& session, const std::string& path);
int build_epub(Session& session, const std::string& path, const typeset::PagedDoc* print_layout);

/// Lays the book out and writes the PDF to `path` (atomically). Prints
/// "wrote …" unless quiet; BOOKBUILD_TIMING=1 prints stage times. Returns
/// the exit code. For `bookbuild pdf`, whose process ends after it: what
/// the PDF writer built is left to the system (pdf::write_file's
/// `process_ends`).
int build_pdf(Session& session, const std::string& path);

/// build_pdf that also hands back the book's layout in `layout` (for the
/// handouts of `bookbuild all`, so the book is laid out once).
int build_pdf(Session& session, const std::string& path, typeset::PagedDoc& layout);

/// A command that loads the book and makes one product file.
struct ProductCommand {
    const char* name;            ///< "epub"
    const char* summary;         ///< one line for `bookbuild --help`
    const char* default_output;  ///< "output/book.epub"
    const char* output_help;     ///< help text of -o
    const char* footer;          ///< what it does, with an example
    int (*build)(Session&, const std::string&);
    bool page_list_option = false;  ///< offers --no-page-list (epub)
};

/// Registers a product command with the common options and -o; its runner
/// loads the style and manuscript and calls `build` when they are clean.
Runner add_product_command(CLI::App& app, const ProductCommand& product);

}  // namespace bb::cli
