#include "manuscript/load.h"

#include <cstdint>
#include <memory>

#include "base/stage_timer.h"
#include "base/threads.h"
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
    base::StageTimer timer;
    base::progress_phase(options.progress, "reading the manuscript's files", 0);
    std::optional<XNode> root = read_manuscript(dir, sources, sink, options.on_language, options.progress);
    timer.lap("load: read and parse");
    if (!root) return std::nullopt;
    // The schema check and the model building only read the tree, and the
    // building reports nothing: the check runs on another thread into a
    // sink of its own, replayed here, so the diagnostics come in the same
    // order as when the two ran one after the other.
    base::progress_phase(options.progress, "checking the manuscript", 0);
    base::Sink checked(SIZE_MAX);
    auto check = [&] {
        check_tree(*root, checked);
        check_images(*root, dir, checked);
    };
    std::optional<Built> maybe_built;
    if (root->name == "book" && base::job_limit() > 1) {
        base::Background checker(check);
        maybe_built = build_book(*root);
        checker.wait();
    } else {
        check();
        if (root->name == "book") maybe_built = build_book(*root);
    }
    for (const base::Diagnostic& d : checked.all()) sink.add(d);
    timer.lap("load: check and build");
    if (!maybe_built) return std::nullopt;
    Built built = std::move(*maybe_built);
    maybe_built.reset();
    // The tree (every element and text of the book) is freed on another
    // thread while the references are resolved; the model does not point
    // into it.
    // The lambda holds the only reference (moved in, not copied): with a
    // copy here too, whichever dropped its reference last freed the tree,
    // and a worker quick to start left that to this thread (~25 ms of the
    // main thread at N = 1000).
    auto tree = std::make_shared<XNode>(std::move(*root));
    root.reset();
    base::Background free_tree([tree = std::move(tree)]() mutable { tree.reset(); });
    timer.lap("load: free the tree");
    resolve_references(built, sources, sink);
    timer.lap("load: references");
    TypographyOptions typo{options.smart_quotes, options.smart_dashes, built.book.lang};
    if (options.settle_typography) options.settle_typography(typo.quotes, typo.dashes);
    apply_book_typography(built.book, typo);
    timer.lap("load: typography");
    // Warnings are given for a manuscript without errors only: with errors
    // they are mostly echoes of them (a directory that failed to load makes
    // every guide "have no topics in the directory").
    finish_book(built, sink, /*warn=*/sink.error_count() == errors_before);
    timer.lap("load: finish");
    if (sink.error_count() > errors_before) return std::nullopt;
    return std::move(built.book);
}

}  // namespace bb::manuscript
