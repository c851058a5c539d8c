// The ZIP writer: readable by libzip (as reading systems read it), the same
// bytes whatever the number of deflating threads and whether entries were
// deflated ahead (ZipDeflater), and the OCF rules for `mimetype`.
#include "epub/zip.h"

#include <gtest/gtest.h>

#include "fixture.h"

namespace bb::epub {
namespace {

using namespace testing;

std::vector<ZipEntry> sample_entries() {
    std::vector<ZipEntry> e;
    e.push_back({"mimetype", "application/epub+zip", true});
    e.push_back({"META-INF/container.xml", "<container/>", false});
    e.push_back({"OEBPS/empty.txt", "", false});
    for (int i = 0; i < 40; ++i) {
        std::string text;
        for (int k = 0; k < 200 + 37 * i; ++k) text += "Chapter " + std::to_string(i) + " line " + std::to_string(k) + ".\n";
        e.push_back({"OEBPS/text/ch" + std::to_string(i) + ".xhtml", text, false});
    }
    e.push_back({"OEBPS/images/x.png", std::string("\x89PNG\r\n\x1a\n", 8) + std::string(300, '\x07'), true});
    e.push_back({"OEBPS/text/caf\xC3\xA9.xhtml", "<p>caf\xC3\xA9</p>", false});  // a UTF-8 name
    return e;
}

std::string zip_with(const std::vector<ZipEntry>& entries, unsigned jobs, bool ahead,
                     DeflateMemory* memory = nullptr) {
    ZipOptions o;
    o.jobs = jobs;
    o.memory = memory;
    std::string error;
    std::optional<std::string> bytes;
    if (ahead) {
        ZipDeflater deflater(o);
        for (size_t i = 0; i < entries.size(); i += 2) deflater.submit(entries[i].data);  // some, not all
        bytes = make_zip(entries, 1764288000, error, o, &deflater);
    } else {
        bytes = make_zip(entries, 1764288000, error, o);
    }
    EXPECT_TRUE(bytes) << error;
    return bytes.value_or("");
}

TEST(Zip, LibzipReadsBackEveryEntryInOrder) {
    auto entries = sample_entries();
    Unzipped z = unzip(zip_with(entries, 0, false));
    ASSERT_EQ(z.order.size(), entries.size());
    for (size_t i = 0; i < entries.size(); ++i) {
        EXPECT_EQ(z.order[i], entries[i].name);
        EXPECT_EQ(z.files[entries[i].name], entries[i].data) << entries[i].name;
    }
    EXPECT_EQ(z.method["mimetype"], ZIP_CM_STORE);
    EXPECT_EQ(z.method["OEBPS/images/x.png"], ZIP_CM_STORE);
    EXPECT_EQ(z.method["OEBPS/text/ch3.xhtml"], ZIP_CM_DEFLATE);
}

TEST(Zip, SameBytesWhateverTheThreadsAndDeflatingAhead) {
    auto entries = sample_entries();
    std::string one = zip_with(entries, 1, false);
    EXPECT_EQ(one, zip_with(entries, 2, false));
    EXPECT_EQ(one, zip_with(entries, 4, false));
    EXPECT_EQ(one, zip_with(entries, 1, true));
    EXPECT_EQ(one, zip_with(entries, 2, true));
    EXPECT_EQ(one, zip_with(entries, 0, true));
}

TEST(Zip, AContainerTakesTheLastOnesDeflatedEntriesAndGivesTheSameBytes) {
    // As a watch makes one EPUB after another: the entries whose bytes did
    // not change are taken from the memory, with and without deflating
    // ahead, and the archive is the one made from nothing.
    for (bool ahead : {false, true}) {
        DeflateMemory memory;
        auto entries = sample_entries();
        EXPECT_EQ(zip_with(entries, 2, ahead, &memory), zip_with(entries, 2, false));
        EXPECT_EQ(memory.taken(), 0u);
        entries[5].data += "One more line.\n";
        entries[9].data = "Another chapter altogether, long enough to be deflated ahead. " + std::string(300, 'x');
        EXPECT_EQ(zip_with(entries, 2, ahead, &memory), zip_with(entries, 2, false)) << "ahead " << ahead;
        // 43 entries to deflate (40 chapters, the container, the empty file,
        // the UTF-8 name; the two stored ones are not kept), 2 of them changed.
        EXPECT_EQ(memory.taken(), 41u) << "ahead " << ahead;
        EXPECT_EQ(zip_with(entries, 1, ahead, &memory), zip_with(entries, 1, false));
        EXPECT_EQ(memory.taken(), 43u) << "ahead " << ahead;
    }
}

TEST(Zip, MimetypeFirstStoredWithoutExtraField) {
    std::string bytes = zip_with(sample_entries(), 2, true);
    EXPECT_EQ(bytes.substr(0, 4), std::string("PK\x03\x04", 4));
    EXPECT_EQ(bytes[8], 0);   // method: stored
    EXPECT_EQ(bytes[28], 0);  // extra field length
    EXPECT_EQ(bytes[29], 0);
    EXPECT_EQ(bytes.substr(30, 28), "mimetypeapplication/epub+zip");
}

TEST(Zip, AnotherDateGivesOtherBytes) {
    auto entries = sample_entries();
    std::string error;
    auto a = make_zip(entries, 1764288000, error);
    auto b = make_zip(entries, 1764374400, error);
    ASSERT_TRUE(a && b);
    EXPECT_NE(*a, *b);
    EXPECT_EQ(a->size(), b->size());
}

}  // namespace
}  // namespace bb::epub
