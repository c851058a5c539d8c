// Walks tests/diagnostics/manuscript/<case>/: each case is a small manuscript
// (book.xml and its files) and expected.txt, the exact first line of every
// diagnostic the loader must report, in order. Folders starting with '_' are
// not cases (they hold files that cases point at from outside).
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "helpers.h"

namespace bb::manuscript::test {
namespace {

std::vector<std::string> read_lines(const fs::path& p) {
    std::ifstream in(p);
    std::vector<std::string> out;
    for (std::string line; std::getline(in, line);)
        if (!line.empty()) out.push_back(line);
    return out;
}

std::vector<fs::path> cases() {
    std::vector<fs::path> out;
    fs::path root = fs::path(source_dir()) / "tests/diagnostics/manuscript";
    for (const auto& e : fs::directory_iterator(root))
        if (e.is_directory() && e.path().filename().string()[0] != '_') out.push_back(e.path());
    std::sort(out.begin(), out.end());
    return out;
}

TEST(DiagnosticsCases, EveryCaseReportsExactlyItsExpectedLines) {
    auto all = cases();
    EXPECT_GE(all.size(), 40u);
    for (const auto& dir : all) {
        SCOPED_TRACE(dir.filename().string());
        ASSERT_TRUE(fs::exists(dir / "expected.txt")) << "case without expected.txt";
        auto expected = read_lines(dir / "expected.txt");
        Loaded l = load_folder(dir.string());
        std::ostringstream got;
        for (const auto& line : l.lines) got << line << "\n";
        EXPECT_EQ(l.lines, expected) << "got:\n" << got.str();
        bool has_error = std::any_of(expected.begin(), expected.end(),
                                     [](const std::string& s) { return s.find(": error: ") != std::string::npos; });
        // A case with errors yields no book; a case with only warnings still loads.
        EXPECT_EQ(l.book.has_value(), !has_error);
    }
}

}  // namespace
}  // namespace bb::manuscript::test
