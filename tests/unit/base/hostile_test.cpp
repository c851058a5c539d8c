// Hostile input reaching the diagnostics printer, and temporary files left by
// killed builds.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <csignal>
#include <filesystem>
#include <fstream>

#include "base/atomic_file.h"
#include "base/diagnostics.h"

using namespace bb::base;
namespace fs = std::filesystem;

TEST(HostileDiagnostics, ControlCharactersArePrintedAsPictures) {
    SourceMap sm;
    uint32_t f = sm.add("b.xml", std::string("<t>a\0b\x1b[31m</t>\n", 15));
    Sink sink;
    sink.error({f, 4}, std::string("bad \0 and \x1b", 11));
    std::string out = render_text(sink.all()[0], sm);
    EXPECT_EQ(out.find('\0'), std::string::npos);
    EXPECT_EQ(out.find('\x1b'), std::string::npos);
    EXPECT_EQ(out,
              "b.xml:1:5: error: bad \xE2\x90\x80 and \xE2\x90\x9B\n"
              "    <t>a\xE2\x90\x80"
              "b\xE2\x90\x9B[31m</t>\n"
              "        ^\n");
}

TEST(HostileDiagnostics, AnOverlongLineIsQuotedAroundTheCaret) {
    SourceMap sm;
    std::string line = std::string(1'000'000, 'a') + "é<bad>" + std::string(1'000'000, 'z');
    uint32_t f = sm.add("long.xml", line + "\n");
    Sink sink;
    sink.error({f, 1'000'002}, "unknown element <bad>");
    std::string out = render_text(sink.all()[0], sm);
    EXPECT_LT(out.size(), 400u);
    EXPECT_EQ(out.rfind("long.xml:1:1000002: error: unknown element <bad>\n", 0), 0u) << out.substr(0, 200);
    // The caret still points at '<', after the leading "…" and 99 'a's and the 'é'.
    size_t excerpt = out.find('\n') + 1;
    size_t caret_line = out.find('\n', excerpt) + 1;
    std::string quoted = out.substr(excerpt, caret_line - excerpt - 1);
    std::string caret = out.substr(caret_line);
    EXPECT_EQ(quoted.rfind("    …aaa", 0), 0u);
    EXPECT_EQ(quoted.substr(quoted.size() - 6), "zzz…");
    size_t code_points_before_caret = caret.find('^');  // the caret line is all spaces
    size_t cp = 0, at = 0;
    while (cp < code_points_before_caret) {
        unsigned char c = static_cast<unsigned char>(quoted[at]);
        at += c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
        ++cp;
    }
    EXPECT_EQ(quoted[at], '<') << quoted;
}

TEST(AtomicFile, TempNamesCannotBeMistakenForOutputs) {
    EXPECT_TRUE(is_temp_name_of(".book.pdf.tmp-123-0", "book.pdf"));
    EXPECT_FALSE(is_temp_name_of("book.pdf", "book.pdf"));
    EXPECT_FALSE(is_temp_name_of(".book.pdf.tmp-", "book.pdf"));
    EXPECT_FALSE(is_temp_name_of(".book.pdf.tmp-12", "book.pdf"));
    EXPECT_FALSE(is_temp_name_of(".book.pdf.tmp-12-x", "book.pdf"));
    EXPECT_FALSE(is_temp_name_of(".book.pdf.tmp-1-2.pdf", "book.pdf"));
    EXPECT_FALSE(is_temp_name_of(".other.pdf.tmp-1-2", "book.pdf"));
}

TEST(AtomicFile, StaleTempOfADeadProcessIsRemovedByTheNextWrite) {
    fs::path dir = fs::temp_directory_path() / ("bb-stale-" + std::to_string(getpid()));
    fs::create_directories(dir);
    // A process that has exited: its pid is free (until reused, which the
    // test cannot rule out, so the file of a live pid is checked separately).
    pid_t dead = fork();
    if (dead == 0) _exit(0);
    waitpid(dead, nullptr, 0);
    fs::path stale = dir / (".out.pdf.tmp-" + std::to_string(dead) + "-0");
    fs::path live = dir / (".out.pdf.tmp-" + std::to_string(getppid()) + "-0");
    fs::path other = dir / ".notes.txt.tmp-1-0";
    for (const auto& p : {stale, live, other}) std::ofstream(p) << "partial";
    EXPECT_EQ(write_file_atomically((dir / "out.pdf").string(), "new"), "");
    EXPECT_FALSE(fs::exists(stale));
    EXPECT_TRUE(fs::exists(live));   // a build still running is left alone
    EXPECT_TRUE(fs::exists(other));  // another target's file is not ours to judge
    fs::remove_all(dir);
}

TEST(AtomicFile, SigtermRemovesTheTemporaryFile) {
    fs::path dir = fs::temp_directory_path() / ("bb-sig-" + std::to_string(getpid()));
    fs::create_directories(dir);
    int ready[2];
    ASSERT_EQ(pipe(ready), 0);
    pid_t child = fork();
    if (child == 0) {
        install_temp_cleanup_on_signals();
        PendingFile pending((dir / "out.epub").string());
        std::ofstream(pending.temp_path()) << "half";
        (void)!write(ready[1], "x", 1);
        pause();  // killed here, mid-build
        _exit(3);
    }
    char c;
    ASSERT_EQ(read(ready[0], &c, 1), 1);
    kill(child, SIGTERM);
    int status = 0;
    waitpid(child, &status, 0);
    EXPECT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == SIGTERM);  // still dies of the signal
    EXPECT_TRUE(fs::is_empty(dir)) << fs::directory_iterator(dir)->path();
    fs::remove_all(dir);
}
