#pragma once
/// manuscript::load: reads manuscript/book.xml and its includes into a
/// model::Book, enforcing every rule of spec/manuscript.md. Problems go to the
/// Sink as positioned diagnostics; loading goes on after an error so the author
/// sees all of them in one run.
#include <functional>
#include <optional>
#include <string>

#include "base/diagnostics.h"
#include "base/progress.h"
#include "base/source_map.h"
#include "model/book.h"

namespace bb::manuscript {

/// Choices that come from the style (typography) rather than the manuscript.
struct LoadOptions {
    bool smart_quotes = true;
    bool smart_dashes = true;
    /// When set, called just before typography is applied (the manuscript
    /// read, checked and built) and may change the two choices above: a
    /// caller still loading the style waits for it here.
    std::function<void(bool& smart_quotes, bool& smart_dashes)> settle_typography;
    /// Called with the book's language as soon as book.xml's root is read,
    /// before its includes are (a caller may start work that needs only the
    /// language, such as loading hyphenation patterns, meanwhile).
    std::function<void(const std::string& lang)> on_language;
    /// Where a long load says how far it has come (may be null): the files
    /// read, then the checking.
    base::Progress* progress = nullptr;
};

/// The language book.xml in `dir` names on its root (`lang`, else the
/// default), read without loading the manuscript, so work that needs only
/// the language can start before the style and manuscript are loaded; ""
/// when book.xml cannot be read or parsed (load reports why).
std::string peek_language(const std::string& dir);

/// Loads the manuscript in folder `dir` (its root is `dir/book.xml`). Every file
/// read is added to `sources`. Returns the book when there were no errors
/// (warnings allowed), nullopt otherwise.
std::optional<model::Book> load(const std::string& dir, const LoadOptions& options,
                                base::SourceMap& sources, base::Sink& sink);

}  // namespace bb::manuscript
