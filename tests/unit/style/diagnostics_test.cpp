// Walks tests/diagnostics/style/*.yaml: each case is loaded by its path
// relative to the repository root and its diagnostics, one
// `FILE:LINE:COL: error: MESSAGE` line each, must equal <case>.expected
// exactly. Files the cases extend live in parts/, fake fonts in data/.
// BB_UPDATE_EXPECTED=1 rewrites the .expected files (review the diff!).
#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <regex>
#include <sstream>

#include "style_test_util.h"

using namespace bb::style::testing;

namespace {

const char* kCaseDir = "tests/diagnostics/style";

std::vector<std::string> case_names() {
    std::vector<std::string> out;
    for (const auto& e : fs::directory_iterator(fs::path(BB_SOURCE_DIR) / kCaseDir))
        if (e.is_regular_file() && e.path().extension() == ".yaml") out.push_back(e.path().stem().string());
    std::sort(out.begin(), out.end());
    return out;
}

class StyleDiagnostics : public ::testing::TestWithParam<std::string> {
protected:
    void SetUp() override { fs::current_path(BB_SOURCE_DIR); }
};

TEST_P(StyleDiagnostics, MatchExpected) {
    std::string base = std::string(kCaseDir) + "/" + GetParam();
    Loaded r = load_file(base + ".yaml");
    std::string actual = r.all();
    if (const char* u = std::getenv("BB_UPDATE_EXPECTED"); u && std::string(u) == "1")
        std::ofstream(base + ".expected", std::ios::binary) << actual;
    std::ifstream in(base + ".expected", std::ios::binary);
    ASSERT_TRUE(in) << base << ".expected is missing; actual output:\n" << actual;
    std::stringstream expected;
    expected << in.rdbuf();
    EXPECT_EQ(actual, expected.str()) << "case " << base;
    // A case with errors gives no sheet; every case here is meant to fail.
    EXPECT_FALSE(expected.str().empty()) << "a diagnostics case should expect at least one error";
    EXPECT_EQ(r.sheet.has_value(), expected.str().empty());
}

INSTANTIATE_TEST_SUITE_P(Cases, StyleDiagnostics, ::testing::ValuesIn(case_names()),
                         [](const auto& info) { return info.param; });

// Issue 8: every error of a loaded style names FILE:LINE:COL, even when the
// problem is something no file wrote (no fonts, an empty file).
TEST(StyleDiagnosticsFolder, EveryExpectedErrorHasAPosition) {
    const std::regex positioned(R"(^tests/diagnostics/style/[^:]+\.yaml:[1-9][0-9]*:[1-9][0-9]*: error: .+$)");
    for (const auto& n : case_names()) {
        std::ifstream in(fs::path(BB_SOURCE_DIR) / kCaseDir / (n + ".expected"));
        for (std::string line; std::getline(in, line);)
            EXPECT_TRUE(std::regex_match(line, positioned)) << n << ".expected: " << line;
    }
}

TEST(StyleDiagnosticsFolder, EveryCaseHasAnExpectation) {
    auto names = case_names();
    EXPECT_GE(names.size(), 20u);
    for (const auto& n : names)
        EXPECT_TRUE(fs::exists(fs::path(BB_SOURCE_DIR) / kCaseDir / (n + ".expected"))) << n;
}

}  // namespace
