#pragma once
// Helpers for the style tests: a scratch folder, loading from a string, and
// the diagnostics of a load as `FILE:LINE:COL: error: MESSAGE` lines.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <optional>
#include <string>
#include <vector>

#include "base/diagnostics.h"
#include "style/load.h"

namespace bb::style::testing {

namespace fs = std::filesystem;

/// A fresh temporary folder, removed at the end of the test.
class TempDir {
public:
    TempDir() {
        static int counter = 0;
        path_ = fs::temp_directory_path() /
                ("bb-style-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
        fs::remove_all(path_);
        fs::create_directories(path_);
    }
    ~TempDir() {
        std::error_code ec;
        fs::remove_all(path_, ec);
    }
    const fs::path& path() const { return path_; }
    /// Writes `content` to `name` (folders created) and returns the full path.
    std::string write(const std::string& name, const std::string& content) const {
        fs::path p = path_ / name;
        fs::create_directories(p.parent_path());
        std::ofstream(p, std::ios::binary) << content;
        return p.string();
    }

private:
    fs::path path_;
};

/// The result of one load: the sheet (if any) and its rendered diagnostics.
struct Loaded {
    std::optional<Sheet> sheet;
    std::vector<std::string> lines;  ///< "FILE:LINE:COL: error: MESSAGE"
    std::string all() const {
        std::string out;
        for (const auto& l : lines) out += l + "\n";
        return out;
    }
};

inline Loaded load_file(const std::string& path) {
    base::SourceMap sources;
    base::Sink sink(1000);
    Loaded r;
    r.sheet = load(path, sources, sink);
    for (const auto& d : sink.all())
        r.lines.push_back(base::location(d, sources) + ": " +
                          (d.severity == base::Severity::Error ? "error" : "warning") + ": " + d.message);
    return r;
}

/// The fonts block every minimal test style needs, pointing at the repo's
/// fonts/ folder by absolute path (so the temp style finds them).
inline std::string fonts_block() {
    std::string f = std::string(BB_SOURCE_DIR) + "/fonts/";
    return "fonts:\n"
           "  serif: {regular: " + f + "CharisSIL-Regular.ttf, italic: " + f + "CharisSIL-Italic.ttf}\n"
           "  sans: {regular: " + f + "OpenSans-Regular.ttf, bold: " + f + "OpenSans-Bold.ttf}\n";
}

/// Loads a style written to a temp folder as style.yaml.
inline Loaded load_text(const TempDir& dir, const std::string& yaml, const std::string& name = "style.yaml") {
    return load_file(dir.write(name, yaml));
}

}  // namespace bb::style::testing
