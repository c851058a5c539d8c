#pragma once
/// One run of a command: loads the style and the manuscript, prints every
/// diagnostic, and decides the exit code. Only the CLI touches the file
/// system, the clock and the environment (design.md).
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <thread>

#include "base/diagnostics.h"
#include "base/env.h"
#include "base/source_map.h"
#include "base/threads.h"
#include "cli/kept_handouts.h"
#include "cli/options.h"
#include "epub/zip.h"
#include "cli/progress_line.h"
#include "model/book.h"
#include "style/sheet.h"
#include "text/font_metrics.h"
#include "typeset/layout_memory.h"

namespace bb::cli {

/// What a build leaves for the next build of the same book in the same
/// process (--watch): the fonts, with the kerning and glyph facts they have
/// learnt, and the EPUB page-list's chapters (typeset::LayoutMemory).
struct KeptBetweenBuilds {
    text::FontSet fonts;
    typeset::LayoutMemory layout;
    std::map<std::string, KeptHandout> handouts;  ///< by output path (`all`)
    epub::DeflateMemory deflated;                 ///< the EPUB's files as last deflated
};

/// Exit codes: 0 ok, 1 manuscript or style errors (or a failed write),
/// 2 usage errors.
enum Exit { kOk = 0, kInputError = 1, kUsage = 2 };

class Session {
public:
    /// `kept`: what an earlier build of the same book left (--watch), used
    /// and updated by this one; null: the session starts from nothing.
    explicit Session(const CommonOptions& options, KeptBetweenBuilds* kept = nullptr);

    /// Loads style and manuscript; prints diagnostics. False on errors.
    /// `prepare_layout`: the command lays the book out, so the style's fonts
    /// and the book's hyphenation patterns load on another thread while the
    /// manuscript does (typeset::prepare_layout into fonts()).
    bool load(bool prepare_layout = false);
    /// Prints diagnostics collected since the last call; returns the exit code
    /// the run has earned so far.
    int report();
    /// A progress/status line on stderr unless -q.
    void status(const std::string& line) const;
    /// Ends the process with `code` once the command's files are written:
    /// the progress line is erased and everything still allocated (the book,
    /// the layout the caller holds, the fonts) goes back to the system with
    /// the process instead of being freed object by object (~4 ms of a
    /// 100-guide EPUB, base::end_process). Under the sanitizers it returns
    /// `code` and the usual destructors run.
    int end(int code);
    /// Prints an error that has no source position and makes the run fail.
    void fail(const std::string& file, const std::string& message);

    /// The progress line for long stages (nullptr when stderr is not a
    /// terminal, or with -q). Erased before diagnostics and status lines.
    base::Progress* progress() { return progress_.get(); }
    /// Erases the progress line (before writing to stdout).
    void clear_progress() {
        if (progress_) progress_->clear();
    }

    const CommonOptions& options() const { return options_; }
    base::Env& env() { return env_; }
    base::SourceMap& sources() { return sources_; }
    const base::SourceMap& sources() const { return sources_; }
    base::Sink& sink() { return sink_; }
    const model::Book& book() const { return *book_; }
    /// Frees the book model, on another thread: a `bookbuild pdf` has no use
    /// for it once the book is laid out, and at N = 1000 it is ~100 MB of
    /// the PDF stage's peak. book() may not be called after.
    void release_book();
    const style::Sheet& sheet() const { return *sheet_; }
    bool has_sheet() const { return sheet_.has_value(); }
    /// The page-list layout's memory of the last build (null outside --watch).
    typeset::LayoutMemory* layout_memory() { return kept_ ? &kept_->layout : nullptr; }
    /// What the last build of a watch left (null outside --watch).
    KeptBetweenBuilds* kept() { return kept_; }
    /// The fonts of this run, shared by its layouts.
    text::FontSet& fonts() { return *fonts_; }
    /// The build date: SOURCE_DATE_EPOCH, else the manuscript's meta/date.
    int64_t build_epoch() const;
    /// Frees a layout's working data on other threads while the run goes
    /// on (typeset::LayoutOptions::disposer); joined when the session ends.
    base::Disposer& disposer() { return disposer_; }

private:
    CommonOptions options_;
    base::Env env_;
    base::SourceMap sources_;
    base::Sink sink_;
    std::optional<model::Book> book_;
    std::optional<style::Sheet> sheet_;
    std::unique_ptr<ProgressLine> progress_;
    KeptBetweenBuilds* kept_;
    text::FontSet own_fonts_;
    text::FontSet* fonts_;  ///< own_fonts_, or the kept ones
    size_t printed_ = 0;
    bool dropped_reported_ = false;
    // Last, so they are joined before the members they use go.
    base::Background style_, patterns_, prepare_, release_;
    base::Disposer disposer_;  ///< frees layouts' working data (see disposer())
};

}  // namespace bb::cli
