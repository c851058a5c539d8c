#include <gtest/gtest.h>
#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "base/atomic_file.h"
#include "base/diagnostics.h"
#include "base/env.h"
#include "base/json.h"
#include "base/suggest.h"
#include "base/utf8.h"

using namespace bb::base;
namespace fs = std::filesystem;

TEST(SourceMap, LineAndColumnCountCodePoints) {
    SourceMap sm;
    uint32_t f = sm.add("a.xml", "ab\n“é”x\nlast");
    // 'x' is after three 2- and 3-byte characters: byte 3+3+2+3 = 11, column 4.
    LineCol lc = sm.line_col({f, 11});
    EXPECT_EQ(lc.line, 2u);
    EXPECT_EQ(lc.column, 4u);
    EXPECT_EQ(sm.line_text(f, 2), "“é”x");
    EXPECT_EQ(sm.line_text(f, 3), "last");
    LineCol end = sm.line_col({f, 1000});
    EXPECT_EQ(end.line, 3u);
    EXPECT_EQ(end.column, 5u);
}

TEST(Diagnostics, RenderLikeACompiler) {
    SourceMap sm;
    uint32_t f = sm.add("m/book.xml", "<book>\n  <secton/>\n</book>\n");
    Sink sink;
    sink.error({f, 10}, "unknown element <secton>");
    ASSERT_EQ(sink.all().size(), 1u);
    EXPECT_EQ(render_text(sink.all()[0], sm),
              "m/book.xml:2:4: error: unknown element <secton>\n"
              "      <secton/>\n"
              "       ^\n");
    EXPECT_EQ(render_json(sink.all()[0], sm),
              R"({"file":"m/book.xml","line":2,"column":4,"severity":"error","message":"unknown element <secton>"})");
}

TEST(Diagnostics, CapKeepsCountingAndStrictPromotes) {
    Sink sink(3);
    for (int i = 0; i < 5; ++i) sink.error({}, "e");
    sink.warning({}, "w");
    EXPECT_EQ(sink.error_count(), 5u);
    EXPECT_EQ(sink.dropped(), 2u);
    EXPECT_EQ(sink.all().size(), 4u);
    Sink strict;
    strict.warning({}, "w");
    EXPECT_FALSE(strict.has_errors());
    strict.promote_warnings();
    EXPECT_TRUE(strict.has_errors());
    EXPECT_EQ(strict.warning_count(), 0u);
}

// Two sinks filled at once (the style's and the manuscript's) replayed one
// after the other: the same list, counts and cap as one sink filled in turn.
TEST(Diagnostics, AddAllAppendsInOrderWithTheCapAndMovedFiles) {
    Sink first(10), second(10), together(3);
    first.error({0, 5}, "style 1");
    first.warning({}, "style warning");
    for (int i = 0; i < 12; ++i) second.error({1, static_cast<uint32_t>(i)}, "manuscript " + std::to_string(i));
    EXPECT_EQ(second.dropped(), 2u);
    together.add_all(first, 7);
    together.add_all(second);
    EXPECT_EQ(together.error_count(), 13u);
    EXPECT_EQ(together.warning_count(), 1u);
    EXPECT_EQ(together.dropped(), 10u);
    ASSERT_EQ(together.all().size(), 4u);
    EXPECT_EQ(together.all()[0].message, "style 1");
    EXPECT_EQ(together.all()[0].span.file, 7u);
    EXPECT_EQ(together.all()[1].message, "style warning");
    EXPECT_FALSE(together.all()[1].span.known()) << "an unknown span stays unknown";
    EXPECT_EQ(together.all()[2].message, "manuscript 0");
    EXPECT_EQ(together.all()[2].span.file, 1u);
    EXPECT_EQ(together.all()[3].message, "manuscript 1");
}

TEST(Suggest, NearMissesOnly) {
    std::vector<std::string> names{"section", "summary", "title"};
    EXPECT_EQ(closest("secton", names).value_or(""), "section");
    EXPECT_EQ(closest("titel", names).value_or(""), "title");
    EXPECT_FALSE(closest("zzzzzz", names).has_value());
    EXPECT_FALSE(closest("title", names).has_value());  // exact match is not a suggestion
    EXPECT_EQ(did_you_mean("summry", names, "<", ">"), "; did you mean <summary>?");
    EXPECT_EQ(join_alternatives({"a", "b", "c"}, "'", "'"), "'a', 'b' or 'c'");
}

TEST(Utf8, FindsInvalidSequences) {
    EXPECT_EQ(find_invalid_utf8("plain “ok” é"), std::string_view::npos);
    EXPECT_EQ(find_invalid_utf8("ab\xC3"), 2u);            // truncated
    EXPECT_EQ(find_invalid_utf8("a\xC0\xAF"), 1u);         // overlong '/'
    EXPECT_EQ(find_invalid_utf8("xy\xED\xA0\x80"), 2u);    // surrogate
    EXPECT_EQ(find_invalid_utf8("\xF4\x90\x80\x80"), 0u);  // > U+10FFFF
    std::string s;
    append_utf8(s, 0x1F600);
    size_t i = 0;
    EXPECT_EQ(next_code_point(s, i), char32_t(0x1F600));
    EXPECT_EQ(i, 4u);
    EXPECT_EQ(code_point_count("“é”"), 3u);
}

TEST(Utf8, SkipsAsciiAndFindsWhatFollowsAtEveryAlignment) {
    // Each position of a non-ASCII byte (and of a bad sequence) in texts
    // longer and shorter than the eight bytes read at once.
    for (size_t n : {0u, 1u, 7u, 8u, 9u, 16u, 23u, 40u}) {
        const std::string ascii(n, 'a');
        EXPECT_EQ(skip_ascii(ascii, 0), n);
        EXPECT_EQ(find_invalid_utf8(ascii), std::string_view::npos);
        for (size_t at = 0; at < n; ++at) {
            std::string s = ascii;
            s[at] = '\xC3';  // truncated: the start of "é" alone
            for (size_t from = 0; from <= at; ++from) EXPECT_EQ(skip_ascii(s, from), at) << n << " " << at;
            EXPECT_EQ(skip_ascii(s, at + 1), n);
            EXPECT_EQ(find_invalid_utf8(s), at) << n << " " << at;
            std::string ok = ascii.substr(0, at) + "é" + ascii.substr(at);
            EXPECT_EQ(find_invalid_utf8(ok), std::string_view::npos);
            std::string late = ok + std::string(n, 'b') + "\xFF";
            EXPECT_EQ(find_invalid_utf8(late), late.size() - 1);
        }
    }
}

TEST(Env, Dates) {
    EXPECT_EQ(epoch_of_date("1970-01-01").value(), 0);
    EXPECT_EQ(epoch_of_date("2026-11-28").value(), 1795824000);
    EXPECT_FALSE(epoch_of_date("2026-02-29").has_value());
    EXPECT_TRUE(epoch_of_date("2024-02-29").has_value());
    EXPECT_FALSE(epoch_of_date("2026-13-01").has_value());
    EXPECT_FALSE(epoch_of_date("26-11-28").has_value());
    EXPECT_EQ(iso8601(1795824000 + 3661), "2026-11-28T01:01:01Z");
}

TEST(Json, EscapesControlCharacters) {
    EXPECT_EQ(json_string("a\"b\\c\n\x01"), R"("a\"b\\c\n\u0001")");
}

TEST(ReadFile, WholeFilesOnlyAndNothingElse) {
    fs::path dir = fs::temp_directory_path() / "bb-read-test";
    fs::remove_all(dir);
    fs::create_directories(dir);
    std::string big(300000, 'x');
    for (size_t i = 0; i < big.size(); i += 7) big[i] = static_cast<char>('a' + i % 26);
    std::ofstream((dir / "big").string(), std::ios::binary) << big;
    std::ofstream((dir / "empty").string(), std::ios::binary);
    std::string back = "stale";
    ASSERT_TRUE(read_file((dir / "big").string(), back));
    EXPECT_EQ(back, big);
    ASSERT_TRUE(read_file((dir / "empty").string(), back));
    EXPECT_EQ(back, "");
    fs::create_symlink(dir / "big", dir / "link");
    ASSERT_TRUE(read_file((dir / "link").string(), back));
    EXPECT_EQ(back.size(), big.size());
    // Not files: false with `out` empty, and a FIFO is not waited on.
    back = "stale";
    EXPECT_FALSE(read_file(dir.string(), back));
    EXPECT_EQ(back, "");
    EXPECT_FALSE(read_file((dir / "missing").string(), back));
    ASSERT_EQ(mkfifo((dir / "fifo").c_str(), 0600), 0);
    EXPECT_FALSE(read_file((dir / "fifo").string(), back));
    // A file whose size the kernel does not know beforehand is read whole.
    ASSERT_TRUE(read_file("/proc/self/status", back));
    EXPECT_NE(back.find("Name:"), std::string::npos);
    fs::remove_all(dir);
}

TEST(AtomicFile, ReplacesWholeFileAndLeavesNoTemporaries) {
    fs::path dir = fs::temp_directory_path() / "bb-atomic-test";
    fs::remove_all(dir);
    std::string target = (dir / "sub" / "out.txt").string();
    EXPECT_EQ(write_file_atomically(target, "first"), "");
    EXPECT_EQ(write_file_atomically(target, "second"), "");
    std::string back;
    ASSERT_TRUE(read_file(target, back));
    EXPECT_EQ(back, "second");
    {
        PendingFile pending(target);
        std::ofstream(pending.temp_path()) << "never committed";
    }
    size_t files = 0;
    for (auto& e : fs::directory_iterator(dir / "sub")) (void)e, ++files;
    EXPECT_EQ(files, 1u);  // the abandoned temporary was removed
    ASSERT_TRUE(read_file(target, back));
    EXPECT_EQ(back, "second");
    // A folder that cannot be created: an error, not a crash.
    EXPECT_NE(write_file_atomically("/proc/nonexistent/x", "y"), "");
    fs::remove_all(dir);
}
