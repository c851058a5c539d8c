#pragma once
/// The style's font families resolved to loaded fonts: for each family and
/// weight/slant, the main font and its fallback chain (Sheet::fallback, the
/// same weight/slant of each fallback family).
#include <map>
#include <mutex>
#include <string>
#include <tuple>
#include <vector>

#include "base/diagnostics.h"
#include "style/sheet.h"
#include "text/font_metrics.h"

namespace bb::typeset {

/// A font and the fonts tried for characters it lacks.
struct Face {
    const text::Font* font = nullptr;
    std::vector<const text::Font*> fallbacks;
    /// "Charis SIL Regular, DejaVu Serif Book, ..." for warnings.
    std::string chain_name() const;
};

/// Loads faces on demand and reports each unloadable file once. Safe to use
/// from several threads (chapters are set in parallel).
class FontBook {
public:
    FontBook(const style::Sheet& sheet, text::FontSet& fonts, base::Sink& sink)
        : sheet_(sheet), fonts_(fonts), sink_(sink) {}
    /// The face of `family` (a key of Sheet::fonts). When the family or file
    /// is unusable an error has been reported and the body text face (or any
    /// loadable one) is returned instead; `font` is null only when nothing
    /// at all loads.
    const Face& face(const std::string& family, bool bold, bool italic);
    bool failed() const { return failed_; }

private:
    const text::Font* load(const std::string& path);
    const style::Sheet& sheet_;
    text::FontSet& fonts_;
    base::Sink& sink_;
    std::map<std::tuple<std::string, bool, bool>, Face> faces_;
    std::map<std::string, bool> reported_;
    bool failed_ = false;
    std::recursive_mutex mutex_;  // face() calls itself for the body-text fallback
};

}  // namespace bb::typeset
