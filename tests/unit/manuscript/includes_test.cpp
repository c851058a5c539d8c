// Includes: lexical resolution, containment (symlinks), cycles, placement.
#include "manuscript/includes.h"

#include <gtest/gtest.h>

#include "helpers.h"

namespace bb::manuscript {
namespace {

using test::TempDir;

TEST(Includes, ResolveHrefRelativeToTheIncludingFile) {
    std::string out;
    EXPECT_EQ(resolve_href("book.xml", "guides/a.xml", out), "");
    EXPECT_EQ(out, "guides/a.xml");
    EXPECT_EQ(resolve_href("parts/p.xml", "../guides/./a.xml", out), "");
    EXPECT_EQ(out, "guides/a.xml");
    EXPECT_EQ(resolve_href("parts/p.xml", "a.xml", out), "");
    EXPECT_EQ(out, "parts/a.xml");
    EXPECT_EQ(resolve_href("a/b/c.xml", "../../x.xml", out), "");
    EXPECT_EQ(out, "x.xml");
}

TEST(Includes, ResolveHrefRejectsEscapesAndAbsolutePaths) {
    std::string out;
    EXPECT_NE(resolve_href("book.xml", "../x.xml", out).find("leads outside the manuscript folder"), std::string::npos);
    EXPECT_NE(resolve_href("parts/p.xml", "../../x.xml", out).find("leads outside"), std::string::npos);
    EXPECT_NE(resolve_href("book.xml", "a/../../x.xml", out).find("leads outside"), std::string::npos);
    EXPECT_NE(resolve_href("book.xml", "/etc/passwd", out).find("must be a path relative"), std::string::npos);
    EXPECT_NE(resolve_href("book.xml", "file:///etc/passwd", out).find("must be a path relative"), std::string::npos);
    EXPECT_NE(resolve_href("book.xml", "C:\\x.xml", out).find("must be a path relative"), std::string::npos);
    EXPECT_NE(resolve_href("book.xml", "", out), "");
    EXPECT_NE(resolve_href("book.xml", "guides/..", out), "");
}

TEST(Includes, SymlinkLeadingOutIsCaughtByCanonicalPaths) {
    TempDir tmp;
    tmp.write("outside/secret.xml", "<guide/>");
    tmp.write("m/guides/inside.xml", "<guide/>");
    std::filesystem::create_symlink("../../outside/secret.xml", tmp.path / "m/guides/evil.xml");
    std::filesystem::create_symlink("inside.xml", tmp.path / "m/guides/alias.xml");
    std::filesystem::create_directory_symlink("../outside", tmp.path / "m/linked-dir");
    std::string m = (tmp.path / "m").string();
    EXPECT_TRUE(stays_inside(m, m + "/guides/inside.xml"));
    EXPECT_TRUE(stays_inside(m, m + "/guides/alias.xml"));
    EXPECT_FALSE(stays_inside(m, m + "/guides/evil.xml"));
    EXPECT_FALSE(stays_inside(m, m + "/linked-dir/secret.xml"));
    EXPECT_FALSE(stays_inside(m, m));
    EXPECT_FALSE(stays_inside(m, m + "/missing.xml"));
}

TEST(Includes, SymlinkOutReportedWhenLoading) {
    TempDir tmp;
    tmp.write("outside/g.xml", "<guide id=\"x\" topics=\"t\"><title>X</title></guide>");
    tmp.write("m/book.xml", test::book_with("<include href=\"guides/evil.xml\"/>\n<include href=\"dir/g.xml\"/>"));
    std::filesystem::create_directories(tmp.path / "m/guides");
    std::filesystem::create_symlink("../../outside/g.xml", tmp.path / "m/guides/evil.xml");
    std::filesystem::create_directory_symlink("../outside", tmp.path / "m/dir");
    test::Loaded l = test::load_folder((tmp.path / "m").string());
    EXPECT_FALSE(l.book);
    ASSERT_EQ(l.lines.size(), 2u);
    EXPECT_NE(l.lines[0].find("error: include 'guides/evil.xml' leads outside the manuscript folder through a symbolic link"),
              std::string::npos);
    EXPECT_NE(l.lines[1].find("error: include 'dir/g.xml' leads outside"), std::string::npos);
}

TEST(Includes, SymlinkInsideIsFine) {
    TempDir tmp;
    tmp.write("m/guides/real.xml", "<guide id=\"x\" topics=\"t\"><title>X</title></guide>");
    tmp.write("m/book.xml", test::book_with("<include href=\"alias.xml\"/>"));
    std::filesystem::create_symlink("guides/real.xml", tmp.path / "m/alias.xml");
    test::Loaded l = test::load_folder((tmp.path / "m").string());
    EXPECT_TRUE(l.book) << (l.lines.empty() ? "" : l.lines[0]);
    ASSERT_TRUE(l.book);
    EXPECT_EQ(l.book->guides.size(), 1u);
}

TEST(Includes, CycleIsReportedWithTheChain) {
    TempDir tmp;
    tmp.write("m/book.xml", test::book_with("<include href=\"a.xml\"/>"));
    tmp.write("m/a.xml", "<part id=\"a\"><title>A</title><include href=\"sub/b.xml\"/></part>");
    tmp.write("m/sub/b.xml", "<guide id=\"b\" topics=\"t\"><title>B</title><include href=\"../a.xml\"/></guide>");
    test::Loaded l = test::load_folder((tmp.path / "m").string());
    EXPECT_FALSE(l.book);
    ASSERT_GE(l.lines.size(), 1u);
    EXPECT_NE(l.lines[0].find("sub/b.xml:1:"), std::string::npos);
    EXPECT_NE(l.lines[0].find("error: include cycle: a.xml -> sub/b.xml -> a.xml"), std::string::npos);
}

TEST(Includes, MissingFolderAndBookXml) {
    TempDir tmp;
    test::Loaded none = test::load_folder((tmp.path / "nope").string());
    EXPECT_FALSE(none.book);
    ASSERT_EQ(none.lines.size(), 1u);
    EXPECT_NE(none.lines[0].find("error: manuscript folder"), std::string::npos);
    test::Loaded empty = test::load_folder(tmp.str());
    EXPECT_FALSE(empty.book);
    ASSERT_EQ(empty.lines.size(), 1u);
    EXPECT_EQ(empty.lines[0], "book.xml: error: 'book.xml' does not exist; the manuscript's root file is book.xml");
}

TEST(Includes, PeekLanguageReadsTheRootAloneAndAsLoadDoes) {
    TempDir tmp;
    EXPECT_EQ(peek_language((tmp.path / "nope").string()), "");  // no folder
    EXPECT_EQ(peek_language(tmp.str()), "");                      // no book.xml
    tmp.write("book.xml", "<book format=\"1\"><meta>");            // not well-formed
    EXPECT_EQ(peek_language(tmp.str()), "");
    tmp.write("book.xml", test::book_with(""));
    EXPECT_EQ(peek_language(tmp.str()), model::kDefaultLang);
    std::string german = test::book_with(R"(<include href="guides/g.xml"/>)");
    german.insert(german.find(' '), R"( lang="de-AT")");
    tmp.write("book.xml", german);  // the include is missing: the root alone is read
    EXPECT_EQ(peek_language(tmp.str()), "de-AT");
    std::string seen;
    LoadOptions o;
    o.on_language = [&](const std::string& lang) { seen = lang; };
    test::load_folder(tmp.str(), o);
    EXPECT_EQ(seen, "de-AT");
}

TEST(Includes, DisplayPathKeepsTheFolderAsGiven) {
    EXPECT_EQ(display_path("manuscript", "guides/a.xml"), "manuscript/guides/a.xml");
    EXPECT_EQ(display_path("manuscript/", "book.xml"), "manuscript/book.xml");
    EXPECT_EQ(display_path(".", "book.xml"), "book.xml");
    EXPECT_EQ(display_path("", "book.xml"), "book.xml");
    EXPECT_EQ(display_path("/abs/m", "book.xml"), "/abs/m/book.xml");
}

TEST(Includes, IncludeMayStandWhereverItsRootMay) {
    TempDir tmp;
    // a guide file included in <book>, a part file included in <book> whose guide
    // is included relative to the part, the directory from its own file
    std::string book = R"(<book format="1"><meta><title>T</title><creator>C</creator>)"
                       R"(<identifier>urn:uuid:6f1c2a8e-4b7d-4c1e-9a35-2d8e7f0b5c41</identifier><date>2026-01-01</date></meta>)"
                       R"(<topics><topic id="t">Topic</topic></topics><include href="parts/p.xml"/>)"
                       R"(<include href="directory.xml"/></book>)";
    tmp.write("m/book.xml", book);
    tmp.write("m/parts/p.xml", "<part id=\"p\"><title>P</title><include href=\"../guides/g.xml\"/></part>");
    tmp.write("m/guides/g.xml", "<guide id=\"g\" topics=\"t\"><title>G</title></guide>");
    tmp.write("m/directory.xml",
              "<directory id=\"d\"><title>D</title><entry id=\"e\" kind=\"coach\" topics=\"t\" format=\"online\">"
              "<name>E</name><description><p>x</p></description></entry></directory>");
    test::Loaded l = test::load_folder((tmp.path / "m").string());
    ASSERT_TRUE(l.book) << (l.lines.empty() ? "" : l.lines[0]);
    EXPECT_EQ(l.book->parts.size(), 1u);
    EXPECT_EQ(l.book->guides.size(), 1u);
    EXPECT_EQ(l.book->directory.entries.size(), 1u);
}

}  // namespace
}  // namespace bb::manuscript
