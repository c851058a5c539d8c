// save_to_file: the document libharu saves through our buffer is the file
// HPDF_SaveToFile writes, byte for byte (small writes gathered, a stream
// bigger than the buffer passed through), and a write the system refuses
// (a full disk) is a failure with the system's reason, not a short file.
#include <gtest/gtest.h>
#include <hpdf.h>
#include <unistd.h>

#include <filesystem>
#include <string>

#include "base/atomic_file.h"
#include "pdf/haru_fixes.h"

namespace bb::pdf {
namespace {

/// A document of `pages` pages, each with a content stream of `stream_bytes`
/// bytes of operators (not compressed, so the saved file is that big).
HPDF_Doc sample_doc(int pages, size_t stream_bytes) {
    HPDF_Doc pdf = HPDF_New(nullptr, nullptr);
    for (int p = 0; p < pages; ++p) {
        HPDF_Page page = HPDF_AddPage(pdf);
        std::string ops;
        for (int i = 0; ops.size() < stream_bytes; ++i)
            ops += std::to_string(p) + " " + std::to_string(i % 500) + " 20 10 re f\n";
        HPDF_Page_SetWidth(page, 420);
        HPDF_Page_SetHeight(page, 595);
        auto* contents = static_cast<HPDF_PageAttr>(page->attr)->contents;
        HPDF_Stream_Write(contents->stream, reinterpret_cast<const HPDF_BYTE*>(ops.data()),
                          static_cast<HPDF_UINT>(ops.size()));
    }
    return pdf;
}

std::string temp_path(const std::string& name) {
    return (std::filesystem::temp_directory_path() / (name + "-" + std::to_string(getpid()))).string();
}

std::string read(const std::string& path) {
    std::string bytes;
    base::read_file(path, bytes);
    return bytes;
}

TEST(SaveToFile, WritesWhatLibharuWouldByteForByte) {
    // Small pages (many small writes) and pages with a stream of 3 MB (more
    // than the buffer holds at once).
    for (auto [pages, bytes] : {std::pair{40, size_t{2000}}, std::pair{3, size_t{3} << 20}}) {
        HPDF_Doc pdf = sample_doc(pages, bytes);
        const std::string ours = temp_path("bb-save-ours.pdf"), theirs = temp_path("bb-save-theirs.pdf");
        ASSERT_EQ(HPDF_SaveToFile(pdf, theirs.c_str()), HPDF_OK);
        std::string error;
        ASSERT_TRUE(save_to_file(pdf, ours, error)) << error;
        EXPECT_EQ(error, "");
        const std::string a = read(ours), b = read(theirs);
        EXPECT_GT(a.size(), static_cast<size_t>(pages) * bytes);
        EXPECT_TRUE(a == b) << "ours " << a.size() << " bytes, libharu's " << b.size();
        // Saved a second time (the stream it used is gone): the same again.
        ASSERT_TRUE(save_to_file(pdf, ours, error)) << error;
        EXPECT_TRUE(read(ours) == b);
        std::filesystem::remove(ours);
        std::filesystem::remove(theirs);
        HPDF_Free(pdf);
    }
}

TEST(SaveToFile, AFullDiskIsAFailureWithTheSystemsReason) {
    if (!std::filesystem::exists("/dev/full")) GTEST_SKIP() << "no /dev/full";
    HPDF_Doc pdf = sample_doc(5, 3000);
    std::string error;
    EXPECT_FALSE(save_to_file(pdf, "/dev/full", error));
    EXPECT_NE(error.find("No space left"), std::string::npos) << error;
    HPDF_Free(pdf);
}

TEST(SaveToFile, AnUnwritablePlaceIsAFailureWithTheSystemsReason) {
    HPDF_Doc pdf = sample_doc(1, 100);
    std::string error;
    EXPECT_FALSE(save_to_file(pdf, "/nonexistent-folder/book.pdf", error));
    EXPECT_NE(error.find("No such file"), std::string::npos) << error;
    HPDF_Free(pdf);
}

}  // namespace
}  // namespace bb::pdf
