#pragma once
/// Building the book's products from a loaded Session, shared by the single
/// commands (`epub`, `pdf`) and by `all`, so each product is made one way.
#include <string>

#include "cli/session.h"

namespace bb::cli {

/// Writes the EPUB to `path` (atomically). Prints "wrote …" unless quiet.
/// Returns the exit code.
int build_epub(Session& session, const std::string& path);

/// Lays the book out and writes the PDF to `path` (atomically). Prints
/// "wrote …" unless quiet; BOOKBUILD_TIMING=1 prints stage times,
/// BOOKBUILD_JOBS=N sets the layout threads. Returns the exit code.
int build_pdf(Session& session, const std::string& path);

}  // namespace bb::cli
