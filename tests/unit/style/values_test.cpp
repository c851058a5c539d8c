// Units, colours, page sizes, integers, booleans and template fields.
#include <gtest/gtest.h>

#include "style/values.h"

using namespace bb::style;

namespace {
const LengthRules kEm{.allow_em = true, .allow_negative = false, .positive = false};
const LengthRules kAbs{.allow_em = false, .allow_negative = false, .positive = false};

double len(std::string_view s, double em = 10, LengthRules r = kEm) {
    auto p = parse_length(s, r, em, "x");
    EXPECT_TRUE(p.value) << s << ": " << p.error;
    return p.value.value_or(-1);
}
std::string len_error(std::string_view s, LengthRules r = kEm) {
    auto p = parse_length(s, r, 10, "text.leading");
    EXPECT_FALSE(p.value) << s;
    return p.error;
}
}  // namespace

TEST(Units, ConvertToPoints) {
    EXPECT_DOUBLE_EQ(len("10pt"), 10);
    EXPECT_DOUBLE_EQ(len("1in"), 72);
    EXPECT_DOUBLE_EQ(len("25.4mm"), 72);
    EXPECT_DOUBLE_EQ(len("2.54cm"), 72);
    EXPECT_DOUBLE_EQ(len("1.5em", 11), 16.5);
    EXPECT_DOUBLE_EQ(len(".5em", 10), 5);
    EXPECT_DOUBLE_EQ(len("0"), 0);
    EXPECT_DOUBLE_EQ(len("0.0"), 0);
}

TEST(Units, RejectsBadLengths) {
    EXPECT_EQ(len_error("12"), "missing unit in '12' for 'text.leading'; write it with pt, mm, cm, in or em");
    EXPECT_EQ(len_error("12px"),
              "unknown unit 'px' in '12px' for 'text.leading'; did you mean 'pt'? (units: pt, mm, cm, in or em)");
    EXPECT_EQ(len_error("12 pt"),
              "unknown unit ' pt' in '12 pt' for 'text.leading'; did you mean 'pt'? (units: pt, mm, cm, in or em)");
    EXPECT_EQ(len_error("pt"), "expected a length like 10pt for 'text.leading', got 'pt'");
    EXPECT_EQ(len_error("-2pt"), "negative length '-2pt' for 'text.leading'; it must be zero or more");
    EXPECT_EQ(len_error("1em", kAbs), "'text.leading' cannot be in em (em is relative to text.size); use pt, mm, cm or in");
    EXPECT_EQ(len_error("12PT"), "unknown unit 'PT' in '12PT' for 'text.leading' (units: pt, mm, cm, in or em)");
    len_error("1e3pt");
    len_error("+3pt");
    len_error("");
}

TEST(Units, PositiveAndNegativeRules) {
    LengthRules positive{.allow_em = true, .allow_negative = false, .positive = true};
    EXPECT_FALSE(parse_length("0pt", positive, 10, "x").value);
    EXPECT_FALSE(parse_length("0", positive, 10, "x").value);
    EXPECT_TRUE(parse_length("0.1pt", positive, 10, "x").value);
    LengthRules signed_rules{.allow_em = true, .allow_negative = true, .positive = false};
    EXPECT_DOUBLE_EQ(*parse_length("-1em", signed_rules, 12, "x").value, -12);
}

TEST(Colors, HexAndNames) {
    std::map<std::string, Color> names{{"accent", {0x8a, 0x33, 0x24}}};
    auto c = parse_color("#8A3324", names, "x");
    ASSERT_TRUE(c.value);
    EXPECT_EQ(c.value->hex(), "#8a3324");
    EXPECT_EQ(parse_color("accent", names, "x").value->hex(), "#8a3324");
    EXPECT_EQ(parse_color("#fff", names, "t.c").error,
              "bad colour '#fff' for 't.c': write it as #rrggbb or a name from colors");
    EXPECT_EQ(parse_color("#ggg000", names, "t.c").error,
              "bad colour '#ggg000' for 't.c': write it as #rrggbb or a name from colors");
    EXPECT_EQ(parse_color("acent", names, "t.c").error,
              "unknown colour 'acent' for 't.c'; did you mean 'accent'? (colors defines accent)");
    EXPECT_EQ(parse_color("red", {}, "t.c").error, "unknown colour 'red' for 't.c' (colors defines no names)");
    // The colors map itself takes only hex values.
    EXPECT_FALSE(parse_hex_color("accent", "colors.x").value);
    EXPECT_EQ(parse_hex_color("#000000", "colors.x").value->hex(), "#000000");
}

TEST(PageSizes, NamedSizesInPoints) {
    auto a4 = named_page_size("A4");
    ASSERT_TRUE(a4);
    EXPECT_NEAR(a4->first, 595.2756, 1e-3);
    EXPECT_NEAR(a4->second, 841.8898, 1e-3);
    EXPECT_NEAR(named_page_size("A5")->first, 419.5276, 1e-3);
    EXPECT_NEAR(named_page_size("A6")->second, 419.5276, 1e-3);
    EXPECT_DOUBLE_EQ(named_page_size("Letter")->first, 612);
    EXPECT_DOUBLE_EQ(named_page_size("HalfLetter")->second, 612);
    EXPECT_FALSE(named_page_size("a5"));
    EXPECT_FALSE(named_page_size("A3"));
    EXPECT_EQ(page_size_names().size(), 5u);
}

TEST(Integers, RangeAndSyntax) {
    EXPECT_EQ(*parse_int("3", 1, 3, "toc.depth").value, 3);
    EXPECT_EQ(parse_int("4", 1, 3, "toc.depth").error, "'toc.depth' must be between 1 and 3, got 4");
    EXPECT_EQ(parse_int("0", 1, INT32_MAX, "p.w").error, "'p.w' must be at least 1, got 0");
    EXPECT_EQ(parse_int("2.5", 1, 3, "t").error, "expected a whole number for 't', got '2.5'");
    EXPECT_FALSE(parse_int("", 1, 3, "t").value);
    EXPECT_FALSE(parse_int("0x2", 1, 3, "t").value);
}

TEST(Booleans, OnlyTrueAndFalse) {
    EXPECT_TRUE(*parse_bool("true", "x").value);
    EXPECT_FALSE(*parse_bool("false", "x").value);
    EXPECT_EQ(parse_bool("yes", "page.two-sided").error, "expected true or false for 'page.two-sided', got 'yes'");
}

TEST(Templates, FieldsAndBraces) {
    auto f = template_fields("{title}, p. {page}");
    ASSERT_TRUE(f.value);
    ASSERT_EQ(f.value->size(), 2u);
    EXPECT_EQ((*f.value)[0].name, "title");
    EXPECT_EQ((*f.value)[1].name, "page");
    EXPECT_EQ((*f.value)[1].offset, 12u);
    EXPECT_TRUE(template_fields("").value->empty());
    EXPECT_EQ(template_fields("p. {page").error, "unclosed '{' in template 'p. {page'");
    EXPECT_EQ(template_fields("a {b{c}").error, "unclosed '{' in template 'a {b{c}'");
    EXPECT_EQ(template_fields("page}").error, "stray '}' in template 'page}'");
}
