#include "cli/session.h"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <future>
#include <memory>

#include "base/process_end.h"
#include "manuscript/load.h"
#include "style/load.h"
#include "text/hyphenate.h"
#include "typeset/layout.h"

namespace bb::cli {

namespace {
std::optional<int64_t> source_date_epoch_from_environment() {
    const char* v = std::getenv("SOURCE_DATE_EPOCH");
    if (!v || !*v) return std::nullopt;
    char* end = nullptr;
    long long n = std::strtoll(v, &end, 10);
    if (*end != '\0' || n < 0) return std::nullopt;
    return static_cast<int64_t>(n);
}
}  // namespace

Session::Session(const CommonOptions& options, KeptBetweenBuilds* kept)
    : options_(options), progress_(make_progress_line(options)), kept_(kept),
      fonts_(kept ? &kept->fonts : &own_fonts_) {
    std::string jobs_problem;
    base::set_job_limit(jobs_wanted(options, jobs_problem));
    if (!jobs_problem.empty())
        sink_.add({base::Severity::Warning, base::Span{}, "BOOKBUILD_JOBS", jobs_problem});
    env_.strict = options.strict;
    env_.quiet = options.quiet;
    env_.source_date_epoch = source_date_epoch_from_environment();
    if (const char* v = std::getenv("SOURCE_DATE_EPOCH"); v && *v && !env_.source_date_epoch)
        sink_.error_in("SOURCE_DATE_EPOCH", std::string("not a number of seconds: '") + v + "'");
}

bool Session::load(bool prepare_layout) {
    // The hyphenation patterns are what a small build waits for longest
    // (libhyphen reads the English ones in ~20 ms, ~2 ms once compiled):
    // they start loading now, for the language book.xml names, beside the
    // style and the manuscript.
    if (prepare_layout)
        patterns_ = base::Background(
            [dir = options_.manuscript] { text::preload_patterns(manuscript::peek_language(dir)); });
    // The style is read beside the manuscript (yaml-cpp takes ~3 ms of a
    // ten-guide build), into a source map and a sink of its own: its files
    // are registered after the manuscript's, and its diagnostics still come
    // first, as when the two were read one after the other.
    base::SourceMap style_sources;
    base::Sink style_sink(sink_.limit());
    auto style_done = std::make_shared<std::promise<void>>();
    std::shared_future<void> style_ready = style_done->get_future().share();
    style_ = base::Background([&, style_done] {
        sheet_ = style::load(resolve_style_path(options_), style_sources, style_sink);
        style_done->set_value();
    });
    // Joined however this function is left: the job writes into the locals above.
    struct JoinStyle {
        base::Background& job;
        ~JoinStyle() { job.wait(); }
    } join_style{style_};
    manuscript::LoadOptions lo;
    lo.progress = progress();
    lo.settle_typography = [&](bool& quotes, bool& dashes) {
        style_ready.wait();
        if (!sheet_) return;
        quotes = sheet_->smart_quotes;
        dashes = sheet_->smart_dashes;
    };
    if (prepare_layout)
        lo.on_language = [this, style_ready](const std::string& lang) {
            prepare_ = base::Background([this, lang, style_ready] {
                style_ready.wait();
                if (sheet_) typeset::prepare_layout(*sheet_, lang, *fonts_);
            });
        };
    // The manuscript is checked even when the style failed, so the author sees
    // every problem of both in one run.
    base::Sink manuscript_sink(sink_.limit());
    book_ = manuscript::load(options_.manuscript, lo, sources_, manuscript_sink);
    style_.wait();
    const auto style_files = static_cast<uint32_t>(sources_.size());
    for (uint32_t i = 0; i < style_sources.size(); ++i) {
        const base::SourceFile& f = style_sources.file(i);
        sources_.add(f.path, f.content);
    }
    sink_.add_all(style_sink, style_files);
    sink_.add_all(manuscript_sink);
    if (options_.strict) sink_.promote_warnings();
    // The load's progress ("checking the manuscript") ends here: what comes
    // next (a summary line, diagnostics, the layout's own phase) starts clean.
    clear_progress();
    return sheet_ && book_ && !sink_.has_errors();
}

int Session::end(int code) {
    clear_progress();
    return base::end_process(code);
}

void Session::release_book() {
    if (!book_) return;
    // std::function needs a copyable callable: the book goes in a shared_ptr.
    release_ = base::Background([book = std::make_shared<model::Book>(std::move(*book_))]() mutable { book.reset(); });
    book_.reset();
}

int Session::report() {
    const auto& all = sink_.all();
    if (printed_ < all.size()) clear_progress();
    bool color = options_.diagnostics == "text" && isatty(STDERR_FILENO);
    for (; printed_ < all.size(); ++printed_) {
        const auto& d = all[printed_];
        if (options_.diagnostics == "json")
            std::fprintf(stderr, "%s\n", base::render_json(d, sources_).c_str());
        else
            std::fputs(base::render_text(d, sources_, color).c_str(), stderr);
    }
    if (sink_.dropped() > 0 && !dropped_reported_) {
        std::fprintf(stderr, "bookbuild: %zu more errors not shown (limit %zu)\n", sink_.dropped(),
                     sink_.limit());
        dropped_reported_ = true;
    }
    return sink_.has_errors() ? kInputError : kOk;
}

void Session::status(const std::string& line) const {
    if (options_.quiet) return;
    if (progress_) progress_->clear();
    std::fprintf(stderr, "%s\n", line.c_str());
}

void Session::fail(const std::string& file, const std::string& message) {
    sink_.error_in(file, message);
}

int64_t Session::build_epoch() const {
    if (env_.source_date_epoch) return *env_.source_date_epoch;
    if (book_)
        if (auto e = base::epoch_of_date(book_->meta.date)) return *e;
    return 0;
}

}  // namespace bb::cli
