#pragma once
/// Positioned diagnostics. Stages push into a Sink and keep going so the author
/// sees every problem of a run at once (capped); the CLI prints them like a
/// compiler (`FILE:LINE:COL: error: MESSAGE`, source line, caret) or as JSON.
#include <string>
#include <vector>

#include "base/source_map.h"

namespace bb::base {

enum class Severity { Warning, Error };

/// One problem found in the input.
struct Diagnostic {
    Severity severity = Severity::Error;
    Span span;             ///< where; unknown when the problem has no position
    std::string file;      ///< file name to show when span is unknown (may be empty)
    std::string message;   ///< one line, no trailing period needed
};

/// Collects diagnostics of one run. Counts every error but keeps at most
/// `limit` of them, so a hopeless input does not print thousands of lines.
class Sink {
public:
    explicit Sink(size_t limit = 50) : limit_(limit) {}
    void error(Span span, std::string message);
    void warning(Span span, std::string message);
    /// An error not tied to a position in a loaded file (missing file, I/O).
    void error_in(std::string file, std::string message);
    void add(Diagnostic d);
    /// Everything `other` collected, after what this one has: its kept
    /// diagnostics (their spans' file numbers moved by `file_offset`, for a
    /// sink whose files were registered in another SourceMap) and the
    /// errors it counted but dropped.
    void add_all(const Sink& other, uint32_t file_offset = 0);

    bool has_errors() const { return errors_ > 0; }
    size_t error_count() const { return errors_; }
    size_t warning_count() const { return warnings_; }
    bool full() const { return kept_errors_ >= limit_; }
    /// Errors counted but not kept because the limit was reached.
    size_t dropped() const { return errors_ - kept_errors_; }
    size_t limit() const { return limit_; }
    const std::vector<Diagnostic>& all() const { return items_; }
    /// --strict: every warning becomes an error.
    void promote_warnings();

private:
    size_t limit_;
    size_t errors_ = 0, warnings_ = 0, kept_errors_ = 0;
    std::vector<Diagnostic> items_;
};

/// `FILE:LINE:COL: error: MESSAGE` plus the source line and a caret.
std::string render_text(const Diagnostic& d, const SourceMap& sources, bool color = false);
/// One JSON object on one line: {"file","line","column","severity","message"}.
std::string render_json(const Diagnostic& d, const SourceMap& sources);
/// The `FILE:LINE:COL` prefix alone (no caret); used by tests and summaries.
std::string location(const Diagnostic& d, const SourceMap& sources);

}  // namespace bb::base
