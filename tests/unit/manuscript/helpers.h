#pragma once
// Shared helpers of the manuscript tests: load a folder and get the first line
// of every diagnostic, parse an XML string, make temporary manuscripts.
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <optional>
#include <string>
#include <vector>

#include "base/diagnostics.h"
#include "manuscript/load.h"
#include "manuscript/xml_reader.h"

namespace bb::manuscript::test {

namespace fs = std::filesystem;

inline std::string source_dir() { return BB_SOURCE_DIR; }

/// First line of each diagnostic, with every occurrence of `strip` removed so
/// paths are relative to the manuscript folder.
inline std::vector<std::string> first_lines(const base::Sink& sink, const base::SourceMap& sources,
                                            const std::string& strip) {
    std::vector<std::string> out;
    for (const auto& d : sink.all()) {
        std::string text = base::render_text(d, sources);
        std::string line = text.substr(0, text.find('\n'));
        if (!strip.empty())
            for (size_t p; (p = line.find(strip)) != std::string::npos;) line.erase(p, strip.size());
        out.push_back(line);
    }
    return out;
}

struct Loaded {
    std::optional<model::Book> book;
    base::SourceMap sources;
    base::Sink sink;
    std::vector<std::string> lines;
};

/// Loads the manuscript in `dir`; diagnostics paths are shown relative to it.
inline Loaded load_folder(const std::string& dir, LoadOptions options = {}) {
    Loaded l;
    l.book = load(dir, options, l.sources, l.sink);
    l.lines = first_lines(l.sink, l.sources, dir + "/");
    return l;
}

/// Parses an XML string as one file named "test.xml".
inline std::optional<XNode> parse(const std::string& xml, base::SourceMap& sources, base::Sink& sink) {
    uint32_t f = sources.add("test.xml", xml);
    return read_xml(f, sources, 0, sink);
}

/// A temporary folder removed at the end of the test.
struct TempDir {
    fs::path path;
    TempDir() {
        std::string tmpl = (fs::temp_directory_path() / "bb-manuscript-XXXXXX").string();
        path = mkdtemp(tmpl.data());
    }
    ~TempDir() {
        std::error_code ec;
        fs::remove_all(path, ec);
    }
    std::string str() const { return path.string(); }
    void write(const std::string& rel, const std::string& content) const {
        fs::path p = path / rel;
        fs::create_directories(p.parent_path());
        std::ofstream(p, std::ios::binary) << content;
    }
};

/// A minimal valid book.xml around `body` (which stands after <topics>), with
/// one topic `t` and a directory whose single entry uses it.
inline std::string book_with(const std::string& body, const std::string& directory_entries = "") {
    return R"(<book format="1"><meta><title>T</title><creator>C</creator>)"
           R"(<identifier>urn:uuid:6f1c2a8e-4b7d-4c1e-9a35-2d8e7f0b5c41</identifier><date>2026-01-01</date></meta>)"
           R"(<topics><topic id="t">Topic</topic></topics>)" +
           body + R"(<directory id="dir"><title>D</title>)" +
           (directory_entries.empty()
                ? std::string(R"(<entry id="e" kind="coach" topics="t" format="online"><name>E</name><description><p>d</p></description></entry>)")
                : directory_entries) +
           "</directory></book>";
}

}  // namespace bb::manuscript::test
