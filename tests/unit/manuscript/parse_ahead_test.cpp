// ParseAhead: files parsed by workers (or by the caller while it waits)
// come back exactly as a serial parse makes them, each once.
#include "manuscript/parse_ahead.h"

#include <gtest/gtest.h>

#include <fmt/format.h>

#include "helpers.h"

namespace bb::manuscript {
namespace {

using test::TempDir;

// Files of very different sizes, so workers and the caller finish them out
// of order; every tenth is malformed (its diagnostics must come back too).
std::vector<std::string> write_files(TempDir& tmp, int count) {
    std::vector<std::string> paths;
    for (int i = 0; i < count; ++i) {
        std::string body;
        for (int k = 0; k < (i * 37) % 400; ++k) body += fmt::format("<p>Line {} of file {}.</p>", k, i);
        std::string xml = i % 10 == 3 ? fmt::format("<guide id=\"g{}\">{}<p>", i, body)
                                      : fmt::format("<guide id=\"g{}\">{}</guide>", i, body);
        std::string rel = fmt::format("guides/g{:03}.xml", i);
        tmp.write(rel, xml);
        paths.push_back(tmp.str() + "/" + rel);
    }
    return paths;
}

std::string summary(const ParsedFile& f) {
    std::string s = fmt::format("read={} bytes={} diagnostics={}", f.read_ok, f.bytes.size(), f.diagnostics.size());
    for (const auto& d : f.diagnostics) s += " [" + d.message + "@" + std::to_string(d.span.offset) + "]";
    if (f.root) s += fmt::format(" root={} children={} end={}", f.root->name, f.root->children.size(),
                                 f.root->children.empty() ? 0 : f.root->children.back().span.offset);
    return s;
}

std::vector<std::string> parse_all(const std::vector<std::string>& paths, unsigned workers) {
    ParseAhead ahead(workers);
    for (const auto& p : paths) ahead.queue(p, 1);
    std::vector<std::string> out;
    for (const auto& p : paths) {
        std::optional<ParsedFile> f = ahead.take(p, 1);
        out.push_back(f ? summary(*f) : "not queued");
    }
    return out;
}

TEST(ParseAhead, WorkersGiveWhatTheCallerAloneGives) {
    TempDir tmp;
    const std::vector<std::string> paths = write_files(tmp, 120);
    const std::vector<std::string> serial = parse_all(paths, 0);
    ASSERT_EQ(serial.size(), paths.size());
    EXPECT_NE(serial[3].find("diagnostics=1"), std::string::npos) << serial[3];
    EXPECT_NE(serial[4].find("root=guide"), std::string::npos) << serial[4];
    for (unsigned workers : {1u, 2u, 5u})
        for (int round = 0; round < 3; ++round) EXPECT_EQ(parse_all(paths, workers), serial) << workers << " workers";
}

TEST(ParseAhead, EachFileIsTakenOnceAndOnlyAtItsDepth) {
    TempDir tmp;
    const std::vector<std::string> paths = write_files(tmp, 5);
    ParseAhead ahead(1);
    for (const auto& p : paths) ahead.queue(p, 2);
    ahead.queue(paths[0], 2);  // queued twice: parsed once
    EXPECT_FALSE(ahead.take(paths[1], 3));  // another depth: not this job
    EXPECT_FALSE(ahead.take(tmp.str() + "/guides/none.xml", 2));
    // Taking the last first makes the caller parse the ones before it.
    std::optional<ParsedFile> last = ahead.take(paths[4], 2);
    ASSERT_TRUE(last && last->root);
    for (size_t i = 0; i < 4; ++i) {
        std::optional<ParsedFile> f = ahead.take(paths[i], 2);
        ASSERT_TRUE(f) << i;
        EXPECT_TRUE(f->read_ok);
        EXPECT_FALSE(ahead.take(paths[i], 2)) << "taken twice: " << i;
    }
}

}  // namespace
}  // namespace bb::manuscript
