#pragma once
/// pdf::write: draws a PagedDoc with libharu. A dumb walker: every position was
/// decided by typeset::layout. libharu stays inside this stage.
#include <cstdint>
#include <optional>
#include <string>

#include "base/diagnostics.h"
#include "base/progress.h"
#include "typeset/paged_doc.h"

namespace bb::pdf {

/// The document information dictionary (UTF-8 strings) and the build date.
struct PdfInfo {
    std::string title, author, subject, keywords;
    std::string creator = "bookbuild " BOOKBUILD_VERSION;
    std::string lang;  ///< BCP 47 language of the text, written as the catalog's /Lang ("" = none)
    /// CreationDate and ModDate (seconds since the epoch, UTC); none when unset.
    std::optional<int64_t> epoch;
};

/// The PDF as bytes, or nullopt after pushing an error to `sink` (unreadable
/// font or image, libharu failure). Same input, same bytes. `progress`
/// (may be null) counts the pages drawn.
std::optional<std::string> render(const typeset::PagedDoc& doc, const PdfInfo& info, base::Sink& sink,
                                  base::Progress* progress = nullptr);

/// Renders into `path`, libharu writing the file itself (no copy of the
/// document in memory), atomically: a temporary file beside it, synced, then
/// renamed; on failure the target is untouched. `release_items`: the caller
/// has no more use for the pages' items, which are freed page by page once
/// drawn (at N = 1000 the laid-out pages are as big as libharu's document).
/// The rest of `doc` (pages' sizes and labels, anchors, links) is kept.
/// `process_ends`: the process exits right after, so libharu's document is
/// left to the system instead of freed object by object (50-80 ms at
/// N = 1000); a sanitized build frees it anyway, to keep leak checks exact.
/// Returns the file's size, or nullopt after pushing an error to `sink`.
std::optional<uint64_t> write_file(typeset::PagedDoc& doc, const PdfInfo& info, const std::string& path,
                                   base::Sink& sink, base::Progress* progress = nullptr,
                                   bool release_items = false, bool process_ends = false);

/// write_file of a document the caller keeps as it is; false (with a
/// diagnostic) on failure, leaving any previous file untouched.
bool write(const typeset::PagedDoc& doc, const PdfInfo& info, const std::string& path, base::Sink& sink);

}  // namespace bb::pdf
