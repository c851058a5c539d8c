#pragma once
/// epub::write: the EPUB 3 of a book, from the document model and the style
/// sheet. The only file-system reads are the fonts the style names and the
/// images the manuscript's figures use; the only output is the bytes (or the
/// file, written atomically).
#include <cstdint>
#include <optional>
#include <string>

#include "base/diagnostics.h"
#include "base/progress.h"
#include "model/book.h"
#include "model/print_edition.h"
#include "style/sheet.h"

namespace bb::epub {

class DeflateMemory;

/// What the writer needs besides the book and the style.
struct WriteOptions {
    /// The build date in seconds since the epoch (SOURCE_DATE_EPOCH, else the
    /// manuscript's meta/date): dcterms:modified and the ZIP entry times.
    int64_t build_epoch = 0;
    /// The manuscript folder; figures are read from `manuscript_dir/images/`.
    std::string manuscript_dir = "manuscript";
    /// Threads that deflate the container's files (0: one per core); the
    /// bytes do not depend on it.
    unsigned jobs = 0;
    /// libdeflate level of the deflated files. 1 (its fastest): at N = 100
    /// guides the EPUB is 0.9 % bigger than at 2 (670 vs 665 KB; at 1000,
    /// 4.95 vs 4.92 MB) for 3.6 % fewer instructions of the whole build;
    /// level 2 had been 2 % bigger than 6 and 90 ms sooner at N = 1000. A
    /// reader never notices the size, an author waits for the time.
    int deflate_level = 1;
    /// Counts the chapters written, for a progress line (may be null).
    base::Progress* progress = nullptr;
    /// The print edition's pages: page-break markers and a page-list (may
    /// be null: none).
    const model::PrintEdition* print = nullptr;
    /// The files deflated for the last EPUB of this book (--watch): the
    /// same bytes are not deflated again (ZipOptions::memory). May be null.
    DeflateMemory* deflated = nullptr;
};

/// The EPUB as bytes. Problems (a missing image or font, a link to an id not
/// in the book) go to `sink`; returns nullopt when there were any.
std::optional<std::string> write(const model::Book& book, const style::Sheet& sheet, const WriteOptions& options,
                                 base::Sink& sink);

/// Writes the EPUB to `path` through a temporary file beside it, renamed on
/// success, so a failed build never leaves a half-written EPUB. Returns the
/// number of bytes written, or nullopt (with diagnostics in `sink`).
std::optional<size_t> write_file(const std::string& path, const model::Book& book, const style::Sheet& sheet,
                                 const WriteOptions& options, base::Sink& sink);

}  // namespace bb::epub
