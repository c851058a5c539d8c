// Mangled manuscripts: every truncation and many single-byte edits of a valid
// book must give diagnostics (or a book), never a crash, a hang or a book with
// errors. Run under BOOKBUILD_SANITIZE to catch memory errors.
#include <gtest/gtest.h>

#include "helpers.h"

namespace bb::manuscript::test {
namespace {

std::string valid_book() {
    return book_with(R"(<guide id="g" topics="t"><title>A "quoted" -- title</title><summary>S &amp; T</summary>)"
                     R"(<truth><p>See <ref to="s"/> and <link href="https://example.org/x">x</link>.</p>)"
                     R"(<list style="number"><item>one</item><item><p>two</p></item></list></truth>)"
                     R"(<section id="s"><title>S</title><quote><p>q</p><attribution>a</attribution></quote></section>)"
                     R"(<faq><qa><q>Q?</q><a><p>A.</p></a></qa></faq><practitioners/></guide>)");
}

void load_string(const TempDir& dir, const std::string& content) {
    dir.write("book.xml", content);
    Loaded l = load_folder(dir.str());
    EXPECT_EQ(l.book.has_value(), !l.sink.has_errors());
}

TEST(Robustness, ValidBookLoads) {
    TempDir dir;
    dir.write("book.xml", valid_book());
    Loaded l = load_folder(dir.str());
    EXPECT_TRUE(l.book) << (l.lines.empty() ? "" : l.lines[0]);
}

TEST(Robustness, EveryTruncation) {
    TempDir dir;
    std::string book = valid_book();
    for (size_t n = 0; n < book.size(); n += 3) {
        SCOPED_TRACE(n);
        load_string(dir, book.substr(0, n));
    }
}

TEST(Robustness, SingleByteEdits) {
    TempDir dir;
    std::string book = valid_book();
    const char replacements[] = {'<', '>', '&', '"', '/', '\0', '\x80', 'x', ' '};
    for (size_t i = 0; i < book.size(); i += 5) {
        SCOPED_TRACE(i);
        std::string deleted = book;
        deleted.erase(i, 1);
        load_string(dir, deleted);
        std::string replaced = book;
        replaced[i] = replacements[i % sizeof replacements];
        load_string(dir, replaced);
    }
}

}  // namespace
}  // namespace bb::manuscript::test
