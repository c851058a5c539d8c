#pragma once
/// Fingerprints of parts of the document model: equal content (text,
/// attributes and source positions) gives equal numbers, so a watch build
/// can tell which chapters are as the build before set them (typeset's
/// LayoutMemory). Source positions count because laid-out text remembers
/// where it came from (the EPUB's page-list, diagnostics).
#include <cstdint>

#include "model/book.h"

namespace bb::model {

/// One guide with everything in it.
uint64_t fingerprint(const Guide& guide);

/// What any chapter may read of the rest of the book: the metadata, the
/// topics, the preface, the parts, the FAQ chapter, the directory, the
/// anchors, and of each guide what other chapters print of it (id, title,
/// summary, topics, the entries and guides it lists), not its body.
uint64_t context_fingerprint(const Book& book);

}  // namespace bb::model
