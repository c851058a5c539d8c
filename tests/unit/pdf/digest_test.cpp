// The document id's digest: fed in pieces it is the digest of their
// concatenation (pages are digested as they are made), and a changed byte,
// a moved byte or a longer input gives another digest.
#include <gtest/gtest.h>

#include <array>
#include <string>

#include "pdf/haru_fixes.h"

namespace bb::pdf {
namespace {

std::array<unsigned char, 16> of(const std::string& s) {
    std::array<unsigned char, 16> out{};
    digest16(s, out.data());
    return out;
}

std::string sample() {
    std::string s;
    for (int i = 0; i < 300; ++i) s += "BT /F" + std::to_string(i % 7) + " 10 Tf (" + std::to_string(i * 37) + ") Tj ET\n";
    return s;
}

TEST(Digest16, PiecesDigestAsTheirConcatenation) {
    const std::string s = sample();
    const auto whole = of(s);
    for (size_t cut1 : {0u, 1u, 3u, 7u, 8u, 9u, 100u}) {
        for (size_t cut2 : {cut1, cut1 + 1, cut1 + 5, cut1 + 16, s.size()}) {
            Digest16 d;
            d.add(s.substr(0, cut1));
            d.add(s.substr(cut1, cut2 - cut1));
            for (size_t i = cut2; i < s.size(); ++i) d.add(s[i]);  // byte by byte
            std::array<unsigned char, 16> out{};
            d.finish(out.data());
            EXPECT_EQ(out, whole) << cut1 << " " << cut2;
        }
    }
}

TEST(Digest16, ChangesWithTheContent) {
    const std::string s = sample();
    const auto base = of(s);
    std::string changed = s;
    changed[1234] ^= 1;
    EXPECT_NE(of(changed), base);
    std::string swapped = s;
    std::swap(swapped[10], swapped[11]);
    EXPECT_NE(of(swapped), base);
    EXPECT_NE(of(s + '\0'), base);  // a trailing zero byte is not padding
    EXPECT_NE(of(""), of(std::string(1, '\0')));
    EXPECT_NE(of(std::string(8, '\0')), of(std::string(16, '\0')));
}

}  // namespace
}  // namespace bb::pdf
