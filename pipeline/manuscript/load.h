#pragma once
/// manuscript::load: reads manuscript/book.xml and its includes into a
/// model::Book, enforcing every rule of spec/manuscript.md. Problems go to the
/// Sink as positioned diagnostics; loading goes on after an error so the author
/// sees all of them in one run.
#include <functional>
#include <optional>
#include <string>

#include "base/diagnostics.h"
#include "base/source_map.h"
#include "model/book.h"

namespace bb::manuscript {

/// Choices that come from the style (typography) rather than the manuscript.
struct LoadOptions {
    bool smart_quotes = true;
    bool smart_dashes = true;
    /// Called with the book's language as soon as book.xml's root is read,
    /// before its includes are (a caller may start work that needs only the
    /// language, such as loading hyphenation patterns, meanwhile).
    std::function<void(const std::string& lang)> on_language;
};

/// Loads the manuscript in folder `dir` (its root is `dir/book.xml`). Every file
/// read is added to `sources`. Returns the book when there were no errors
/// (warnings allowed), nullopt otherwise.
std::optional<model::Book> load(const std::string& dir, const LoadOptions& options,
                                base::SourceMap& sources, base::Sink& sink);

}  // namespace bb::manuscript
