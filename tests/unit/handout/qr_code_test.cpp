#include <gtest/gtest.h>

#include "handout/qr_code.h"

using namespace bb::handout;

TEST(QrCode, EncodesAUrlIntoAStandardSizedMatrix) {
    auto qr = encode_qr("https://example.org/sample-attachment-coaching");
    ASSERT_TRUE(qr.has_value());
    // Versions are 21 + 4k modules wide.
    EXPECT_GE(qr->size, 21);
    EXPECT_EQ((qr->size - 21) % 4, 0);
    // The three finder patterns: 7x7 dark borders in three corners.
    for (int i = 0; i < 7; ++i) {
        EXPECT_TRUE(qr->at(i, 0));
        EXPECT_TRUE(qr->at(0, i));
        EXPECT_TRUE(qr->at(qr->size - 1 - i, 0));
        EXPECT_TRUE(qr->at(i, qr->size - 1));
    }
    EXPECT_FALSE(qr->at(7, 7));  // separator
}

TEST(QrCode, RectsCoverExactlyTheDarkModules) {
    auto qr = encode_qr("https://example.org/");
    ASSERT_TRUE(qr.has_value());
    double side = 72;
    auto rects = qr_rects(*qr, 100, 200, side);
    double module = side / (qr->size + 8);
    double area = 0;
    for (auto& r : rects) {
        area += r.w * r.h;
        EXPECT_GE(r.x, 100 + 4 * module - 1e-9);  // quiet zone kept clear
        EXPECT_LE(r.x + r.w, 100 + side - 4 * module + 1e-9);
    }
    size_t dark = 0;
    for (bool d : qr->dark) dark += d;
    EXPECT_NEAR(area, dark * module * module, 1e-6);
}

TEST(QrCode, TooMuchDataIsRefused) {
    EXPECT_FALSE(encode_qr(std::string(8000, 'x')).has_value());
}
