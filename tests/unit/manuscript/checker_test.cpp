// The schema table and its generic checker, one rule at a time.
#include "manuscript/checker.h"

#include <gtest/gtest.h>

#include <set>

#include "helpers.h"
#include "manuscript/schema.h"

namespace bb::manuscript {
namespace {

std::vector<std::string> check(const std::string& xml, std::string_view rule) {
    base::SourceMap sources;
    base::Sink sink;
    auto root = test::parse(xml, sources, sink);
    if (root) check_element(*root, rule, sink);
    return test::first_lines(sink, sources, "");
}

using Lines = std::vector<std::string>;

TEST(SchemaTable, EverySlotNamesAnExistingRuleOfTheSameElement) {
    std::set<std::string_view> keys;
    for (const auto& r : all_rules()) EXPECT_TRUE(keys.insert(r.key).second) << "duplicate key " << r.key;
    for (const auto& r : all_rules())
        for (const auto& s : r.slots)
            for (const auto& e : s.elements) {
                const ElementRule* target = find_rule(e.rule);
                ASSERT_NE(target, nullptr) << r.key << " -> " << e.rule;
                EXPECT_EQ(target->element, e.element) << r.key << " -> " << e.rule;
            }
    EXPECT_TRUE(is_block_element("quote"));
    EXPECT_FALSE(is_block_element("em"));
}

TEST(Checker, ValidGuide) {
    EXPECT_EQ(check(R"(<guide id="g" topics="a b"><title>T</title><summary>S</summary>
        <myth><title>M</title></myth><example><p>e</p></example><truth><p>t</p></truth>
        <section><title>S</title><p>x</p><section id="s2"><title>S2</title></section></section>
        <faq><qa><q>Q?</q><a><p>A</p></a></qa></faq><books/><practitioners/>
        <related><guide-ref to="h"/></related></guide>)", "guide"),
              Lines{});
}

TEST(Checker, UnknownElementWithSuggestionOrList) {
    EXPECT_EQ(check("<qa><qq>x</qq><a><p>y</p></a></qa>", "qa"),
              (Lines{"test.xml:1:6: error: unknown element <qq> in <qa>; did you mean <q>?",
                     "test.xml:1:2: error: <qa> is missing <q>"}));
    EXPECT_EQ(check("<list><li>x</li></list>", "list"),
              (Lines{"test.xml:1:8: error: unknown element <li> in <list>; expected <item>",
                     "test.xml:1:2: error: <list> is missing <item>"}));
    // a typo of an element allowed elsewhere
    EXPECT_EQ(check("<p>a <lnk href=\"https://a.org\">b</lnk></p>", "p"),
              (Lines{"test.xml:1:7: error: unknown element <lnk> in <p>; did you mean <link>?"}));
}

TEST(Checker, KnownElementInTheWrongPlace) {
    EXPECT_EQ(check("<p>a <p>b</p></p>", "p"),
              (Lines{"test.xml:1:7: error: <p> is not allowed in <p>; expected <em>, <strong>, <cite>, <link> or <ref>"}));
    EXPECT_EQ(check("<topics><guide/></topics>", "topics"),
              (Lines{"test.xml:1:10: error: <guide> is not allowed in <topics>; expected <topic>",
                     "test.xml:1:2: error: <topics> is missing <topic>"}));
}

TEST(Checker, AttributesUnknownMissingAndValues) {
    EXPECT_EQ(check(R"(<entry id="e" knd="coach" topics="t" format="online"><name>N</name><description><p>d</p></description></entry>)", "entry"),
              (Lines{"test.xml:1:15: error: unknown attribute 'knd' on <entry>; did you mean 'kind'?",
                     "test.xml:1:2: error: <entry> is missing attribute 'kind'"}));
    EXPECT_EQ(check(R"(<topic id="Bad">x</topic>)", "topic"),
              (Lines{"test.xml:1:8: error: invalid id 'Bad'; ids are lower-case letters, digits and '-', starting with a letter or digit"}));
    EXPECT_EQ(check(R"(<guide id="g" topics=" "><title>T</title></guide>)", "guide"),
              (Lines{"test.xml:1:15: error: 'topics' of <guide> must list at least one id"}));
    EXPECT_EQ(check(R"(<guide id="g" topics="a a"><title>T</title></guide>)", "guide"),
              (Lines{"test.xml:1:15: error: 'a' is listed twice in 'topics'"}));
    EXPECT_EQ(check(R"(<creator role="aut">A</creator>)", "creator"), Lines{});
    EXPECT_EQ(check(R"(<creator role="edit">A</creator>)", "creator"),
              (Lines{"test.xml:1:10: error: invalid role 'edit' on <creator>; did you mean 'edt'?"}));
}

TEST(Checker, OrderAndCardinality) {
    EXPECT_EQ(check("<guide id=\"g\" topics=\"t\"><title>T</title><books/><faq><qa><q>q</q><a><p>a</p></a></qa></faq></guide>", "guide"),
              (Lines{"test.xml:1:51: error: <faq> must come before <books> in <guide>"}));
    EXPECT_EQ(check("<guide id=\"g\" topics=\"t\"><title>T</title><title>U</title></guide>", "guide"),
              (Lines{"test.xml:1:43: error: only one <title> is allowed in <guide>"}));
    EXPECT_EQ(check("<qa><a><p>a</p></a><q>q</q></qa>", "qa"),
              (Lines{"test.xml:1:21: error: <q> must come before <a> in <qa>"}));
    // meta and entry children may come in any order
    EXPECT_EQ(check("<meta><date>2026-01-01</date><identifier>urn:uuid:6f1c2a8e-4b7d-4c1e-9a35-2d8e7f0b5c41</identifier>"
                    "<creator>C</creator><title>T</title></meta>", "meta"),
              Lines{});
    EXPECT_EQ(check("<meta><title>T</title><title>U</title><creator>C</creator></meta>", "meta"),
              (Lines{"test.xml:1:24: error: only one <title> is allowed in <meta>",
                     "test.xml:1:2: error: <meta> is missing <identifier>", "test.xml:1:2: error: <meta> is missing <date>"}));
}

TEST(Checker, ContentKinds) {
    EXPECT_EQ(check("<entry-ref to=\"e\">text</entry-ref>", "entry-ref"),
              (Lines{"test.xml:1:19: error: <entry-ref> must be empty"}));
    EXPECT_EQ(check("<a>loose text</a>", "a"),
              (Lines{"test.xml:1:4: error: text is not allowed directly in <a>; wrap it in <p>",
                     "test.xml:1:2: error: <a> needs at least one block (<p>, <list>, <quote> or <figure>)"}));
    EXPECT_EQ(check("<date> </date>", "date"), (Lines{"test.xml:1:2: error: empty <date>"}));
    EXPECT_EQ(check("<p> <em> </em> </p>", "p"), (Lines{"test.xml:1:2: error: empty <p>"}));
    EXPECT_EQ(check("<p><ref to=\"x\"/></p>", "p"), Lines{});  // a ref gets its target's title
    EXPECT_EQ(check("<item><p>a</p><em>b</em></item>", "item"),
              (Lines{"test.xml:1:16: error: <em> next to blocks in <item>; wrap it in <p>"}));
    EXPECT_EQ(check("<item>just <em>inline</em></item>", "item"), Lines{});
    EXPECT_EQ(check("<item/>", "item"), (Lines{"test.xml:1:2: error: empty <item>"}));
    EXPECT_EQ(check("<ref to=\"a\"><ref to=\"b\"/></ref>", "ref"),
              (Lines{"test.xml:1:14: error: <ref> is not allowed in <ref>; a <ref> cannot contain a <ref>"}));
}

TEST(Checker, SectionDepthAndBookStructure) {
    EXPECT_EQ(check("<section><title>1</title><section><title>2</title><section><title>3</title></section></section></section>", "section"),
              (Lines{"test.xml:1:52: error: <section> is nested more than 2 levels below its guide"}));
}

TEST(Checker, ValueKinds) {
    AttrRule r{"x", false, ValueKind::Enum, {"a", "b"}};
    EXPECT_EQ(check_value(ValueKind::Enum, "a", r, "e"), "");
    EXPECT_EQ(check_value(ValueKind::Enum, "zzz", r, "e"), "invalid x 'zzz' on <e>; expected 'a' or 'b'");
    EXPECT_EQ(check_value(ValueKind::Lang, "de-DE", r, "book"), "");
    EXPECT_NE(check_value(ValueKind::HttpUrl, "mailto:a@b.org", r, "e"), "");
    EXPECT_EQ(check_value(ValueKind::LinkUrl, "mailto:a@b.org", r, "e"), "");
    EXPECT_EQ(collapse_space("  a \n\t b  "), "a b");
}

}  // namespace
}  // namespace bb::manuscript
