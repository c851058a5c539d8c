#include "manuscript/load.h"

#include "manuscript/build.h"
#include "manuscript/checker.h"
#include "manuscript/images.h"
#include "manuscript/includes.h"
#include "manuscript/resolve.h"
#include "manuscript/typography_book.h"

namespace bb::manuscript {

// The passes, in order: read (XML + includes) → schema check → build the
// model → resolve references → typography → anchors, practitioners and
// warnings. Each pass reports what it finds and the next still runs on what
// could be built, so one run shows every problem; the book is returned only
// when no pass reported an error.
std::optional<model::Book> load(const std::string& dir, const LoadOptions& options, base::SourceMap& sources,
                                base::Sink& sink) {
    size_t errors_before = sink.error_count();
    std::optional<XNode> root = read_manuscript(dir, sources, sink);
    if (!root) return std::nullopt;
    check_tree(*root, sink);
    check_images(*root, dir, sink);
    if (root->name != "book") return std::nullopt;
    Built built = build_book(*root);
    root.reset();
    resolve_references(built, sources, sink);
    TypographyOptions typo{options.smart_quotes, options.smart_dashes, built.book.lang};
    apply_book_typography(built.book, typo);
    // Warnings are given for a manuscript without errors only: with errors
    // they are mostly echoes of them (a directory that failed to load makes
    // every guide "have no topics in the directory").
    finish_book(built, sink, /*warn=*/sink.error_count() == errors_before);
    if (sink.error_count() > errors_before) return std::nullopt;
    return std::move(built.book);
}

}  // namespace bb::manuscript
