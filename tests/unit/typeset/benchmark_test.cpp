// Layout time of a large generated book. Disabled by default (slow); run with
//   test_typeset --gtest_also_run_disabled_tests --gtest_filter='*Benchmark*'
#include <gtest/gtest.h>

#include <chrono>
#include <cstdlib>

#include "book_fixture.h"
#include "typeset/layout.h"

using namespace bb;

TEST(Benchmark, DISABLED_LayoutOfManyGuides) {
    const char* env = std::getenv("BB_BENCH_GUIDES");
    int guides = env ? std::atoi(env) : 1000;
    base::SourceMap sources;
    base::Sink sink;
    auto sheet = fixture::default_sheet(sources, sink);
    ASSERT_TRUE(sheet);
    model::Book book = fixture::book(guides);
    text::FontSet fonts;
    typeset::LayoutStats stats;
    auto start = std::chrono::steady_clock::now();
    typeset::PagedDoc doc = typeset::layout(book, *sheet, {}, fonts, sink, &stats);
    auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start).count();
    std::printf("%d guides: %zu pages, %d passes, %lld ms\n", guides, doc.pages.size(), stats.passes,
                static_cast<long long>(ms));
    EXPECT_GT(doc.pages.size(), static_cast<size_t>(guides));
}
