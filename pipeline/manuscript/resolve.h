#pragma once
/// Cross-references: ids unique across the whole book (includes included),
/// every ref / entry-ref / guide-ref / topic resolving to an id of the right
/// kind (with "did you mean …?"), empty refs given their target's title,
/// practitioners filled from shared topics, book.anchors, and the warnings of
/// spec/manuscript.md.
#include "base/diagnostics.h"
#include "base/source_map.h"
#include "manuscript/build.h"

namespace bb::manuscript {

/// Reports duplicate ids and unresolved or wrong-kind references; gives every
/// empty <ref> its target's plain title as text. Run before typography so the
/// filled text is typeset in its context.
void resolve_references(Built& built, const base::SourceMap& sources, base::Sink& sink);

/// Fills practitioners that list no entry with every directory entry sharing a
/// topic with the guide, sorted by name (case-insensitive, then exact, then
/// id); fills book.anchors (after typography, so titles are final); reports
/// the warnings: a guide none of whose topics any entry has, an unused topic,
/// an empty <books> (only when `warn`).
void finish_book(Built& built, base::Sink& sink, bool warn = true);

/// "guide", "directory entry", ... for messages.
const char* kind_name(model::AnchorKind kind);

}  // namespace bb::manuscript
