// The XML reader: positions, parse errors, what pugixml lets through, depth.
#include "manuscript/xml_reader.h"

#include <gtest/gtest.h>

#include "helpers.h"

namespace bb::manuscript {
namespace {

struct Parsed {
    std::optional<XNode> root;
    std::vector<std::string> lines;
};

Parsed parse(const std::string& xml) {
    base::SourceMap sources;
    base::Sink sink;
    Parsed p;
    p.root = test::parse(xml, sources, sink);
    p.lines = test::first_lines(sink, sources, "");
    return p;
}

TEST(Reader, ElementAttributeAndTextPositions) {
    base::SourceMap sources;
    base::Sink sink;
    auto root = test::parse("<book>\n  <guide  id=\"g\"\ttopics='a b'>hi &amp; bye</guide>\n</book>", sources, sink);
    ASSERT_TRUE(root);
    EXPECT_TRUE(sink.all().empty());
    const XNode& g = root->children[1];
    EXPECT_EQ(g.name, "guide");
    auto lc = [&](base::Span s) { auto p = sources.line_col(s); return std::to_string(p.line) + ":" + std::to_string(p.column); };
    EXPECT_EQ(lc(root->span), "1:2");
    EXPECT_EQ(lc(g.span), "2:4");
    ASSERT_EQ(g.attrs.size(), 2u);
    EXPECT_EQ(lc(g.attrs[0].name_span), "2:11");
    EXPECT_EQ(lc(g.attrs[0].value_span), "2:15");
    EXPECT_EQ(lc(g.attrs[1].name_span), "2:18");
    EXPECT_EQ(g.attrs[1].value, "a b");
    ASSERT_EQ(g.children.size(), 1u);
    EXPECT_TRUE(g.children[0].is_text);
    EXPECT_EQ(g.children[0].text, "hi & bye");
    EXPECT_EQ(lc(g.children[0].span), "2:31");
}

TEST(Reader, WhitespaceOnlyTextIsKeptBetweenInlineElements) {
    auto p = parse("<p><em>a</em> <strong>b</strong></p>");
    ASSERT_TRUE(p.root);
    ASSERT_EQ(p.root->children.size(), 3u);
    EXPECT_EQ(p.root->children[1].text, " ");
}

TEST(Reader, CdataIsLiteralAndCommentsAreSkipped) {
    auto p = parse("<p>a<!-- note -->b<![CDATA[&nbsp; <x>]]></p>");
    ASSERT_TRUE(p.root);
    EXPECT_TRUE(p.lines.empty());
    EXPECT_EQ(p.root->direct_text(), "ab&nbsp; <x>");
}

TEST(Reader, ParseErrorsArePositioned) {
    EXPECT_EQ(parse("<a>\n  <b></c>\n</a>").lines,
              (std::vector<std::string>{"test.xml:2:8: error: end tag </c> does not match <b>"}));
    EXPECT_EQ(parse("<a>\n  <b>text\n").lines,
              (std::vector<std::string>{"test.xml:2:10: error: unexpected end of file; <b> is not closed"}));
    EXPECT_EQ(parse("<a x=1/>").lines,
              (std::vector<std::string>{"test.xml:1:6: error: malformed attribute (values must be quoted)"}));
    EXPECT_EQ(parse("<a>1 < 2</a>").lines,
              (std::vector<std::string>{"test.xml:1:7: error: malformed tag (a '<' in text must be written &lt;)"}));
    EXPECT_EQ(parse("").lines, (std::vector<std::string>{"test.xml:1:1: error: no root element"}));
    EXPECT_EQ(parse("  \n").lines, (std::vector<std::string>{"test.xml:1:1: error: no root element"}));
}

TEST(Reader, WhatPugixmlLetsThrough) {
    EXPECT_EQ(parse("<!DOCTYPE a SYSTEM \"http://x/\"><a/>").lines,
              (std::vector<std::string>{"test.xml:1:3: error: DOCTYPE is not allowed in a manuscript file"}));
    EXPECT_EQ(parse("<a/><b/>").lines,
              (std::vector<std::string>{
                  "test.xml:1:6: error: second root element <b>; a file holds exactly one root element (<a>)"}));
    EXPECT_EQ(parse("<a x=\"1\" y=\"2\" x=\"3\"/>").lines,
              (std::vector<std::string>{"test.xml:1:16: error: duplicate attribute 'x' on <a>"}));
    EXPECT_EQ(parse("<?xml version=\"1.0\"?>\n<!-- c -->\n<a/>\n<!-- end -->\n").lines.size(), 0u);
    EXPECT_EQ(parse("\xEF\xBB\xBF<a/>").lines.size(), 0u);  // a BOM is fine
    EXPECT_EQ(parse("x<a/>").lines, (std::vector<std::string>{"test.xml:1:1: error: text before the root element"}));
    EXPECT_EQ(parse("<a/>\nx").lines, (std::vector<std::string>{"test.xml:2:1: error: text after the root element"}));
}

TEST(Reader, DepthIsBoundedWithOneError) {
    std::string xml;
    for (int i = 0; i < 150; ++i) xml += "<e>";
    for (int i = 0; i < 150; ++i) xml += "</e>";
    auto p = parse(xml);
    ASSERT_TRUE(p.root);
    ASSERT_EQ(p.lines.size(), 1u);
    EXPECT_EQ(p.lines[0], "test.xml:1:" + std::to_string(kMaxDepth * 3 + 2) +
                              ": error: elements are nested more than 100 levels deep");
    int depth = 0;
    for (const XNode* n = &*p.root; !n->children.empty(); n = &n->children[0]) ++depth;
    EXPECT_EQ(depth, kMaxDepth - 1);
}

TEST(Reader, HostileHundredThousandLevelsDoNotOverflowTheStack) {
    const int levels = 100000;
    std::string xml;
    xml.reserve(levels * 9);
    for (int i = 0; i < levels; ++i) xml += "<em>";
    xml += "x";
    for (int i = 0; i < levels; ++i) xml += "</em>";
    auto p = parse(xml);
    ASSERT_TRUE(p.root);
    ASSERT_EQ(p.lines.size(), 1u);
    EXPECT_NE(p.lines[0].find("nested more than 100 levels"), std::string::npos);
}

TEST(Reader, HostileDeepBookLoadsWithOneError) {
    test::TempDir tmp;
    std::string deep;
    for (int i = 0; i < 100000; ++i) deep += "<em>";
    for (int i = 0; i < 100000; ++i) deep += "</em>";
    tmp.write("book.xml", test::book_with("<guide id=\"g\" topics=\"t\"><title>G</title><truth><p>x" + deep +
                                          "</p></truth></guide>"));
    test::Loaded l = test::load_folder(tmp.str());
    EXPECT_FALSE(l.book);
    ASSERT_EQ(l.lines.size(), 1u);
    EXPECT_NE(l.lines[0].find("error: elements are nested more than 100 levels deep"), std::string::npos);
}

TEST(Reader, EntityExpansionAndExternalEntitiesAreNeverRead) {
    auto p = parse("<!DOCTYPE a [<!ENTITY x SYSTEM \"file:///etc/passwd\"><!ENTITY l \"lol\">]><a>&x;&l;</a>");
    ASSERT_TRUE(p.root);
    ASSERT_EQ(p.lines.size(), 3u);
    EXPECT_NE(p.lines[0].find("DOCTYPE is not allowed"), std::string::npos);
    EXPECT_NE(p.lines[1].find("undefined entity '&x;'"), std::string::npos);
    EXPECT_EQ(p.root->direct_text(), "&x;&l;");
}

}  // namespace
}  // namespace bb::manuscript
