#include "manuscript/schema.h"

#include <algorithm>
#include <set>
#include <string>

namespace bb::manuscript {

namespace {

using K = ContentKind;
using V = ValueKind;

Slot one(std::string_view element, std::string_view rule = {}) {
    return {{{element, rule.empty() ? element : rule}}, Card::One};
}
Slot opt(std::string_view element, std::string_view rule = {}) {
    return {{{element, rule.empty() ? element : rule}}, Card::Optional};
}
Slot any(std::string_view element, std::string_view rule = {}) {
    return {{{element, rule.empty() ? element : rule}}, Card::Any};
}
Slot some(std::string_view element, std::string_view rule = {}) {
    return {{{element, rule.empty() ? element : rule}}, Card::Some};
}
Slot blocks(Card card) { return {{{"p", "p"}, {"list", "list"}, {"quote", "quote"}, {"figure", "figure"}}, card}; }
Slot inlines() {
    return {{{"em", "em"}, {"strong", "strong"}, {"cite", "cite"}, {"link", "link"}, {"ref", "ref"}}, Card::Any};
}
// Inside a link or a ref: no nested links or refs.
Slot plain_inlines() { return {{{"em", "em"}, {"strong", "strong"}, {"cite", "cite"}}, Card::Any}; }

AttrRule req(std::string_view name, V kind, std::vector<std::string_view> values = {}) {
    return {name, true, kind, std::move(values)};
}
AttrRule optional(std::string_view name, V kind, std::vector<std::string_view> values = {}) {
    return {name, false, kind, std::move(values)};
}

ElementRule text(std::string_view key, std::string_view element, V kind = V::Text,
                 std::vector<AttrRule> attrs = {}) {
    ElementRule r{key, element, K::Text, std::move(attrs), {}, true, true};
    r.text_kind = kind;
    return r;
}
ElementRule inline_rule(std::string_view key, bool non_empty, std::vector<AttrRule> attrs = {},
                        Slot slot = inlines()) {
    return {key, key, K::Inline, std::move(attrs), {std::move(slot)}, false, non_empty};
}
ElementRule elements(std::string_view key, std::string_view element, std::vector<AttrRule> attrs,
                     std::vector<Slot> slots, bool ordered = true) {
    return {key, element, K::Elements, std::move(attrs), std::move(slots), ordered, false};
}

std::vector<ElementRule> make_rules() {
    std::vector<ElementRule> r;
    // book level
    r.push_back(elements("book", "book", {req("format", V::Enum, {"1"}), optional("lang", V::Lang)},
                         {one("meta"), one("topics"), opt("front"),
                          {{{"part", "part"}, {"guide", "guide"}}, Card::Any},
                          opt("faq", "faq-chapter"), one("directory")}));
    r.push_back(elements("meta", "meta", {},
                         {one("title", "meta-title"), opt("subtitle"), some("creator"), opt("publisher"),
                          one("identifier"), one("date"), opt("rights"), opt("description", "meta-description"),
                          any("subject")},
                         /*ordered=*/false));
    r.push_back(text("meta-title", "title"));
    r.push_back(text("subtitle", "subtitle"));
    r.push_back(text("creator", "creator", V::Text, {optional("role", V::Enum, {"aut", "edt", "ill"})}));
    r.push_back(text("publisher", "publisher"));
    r.push_back(text("identifier", "identifier", V::Identifier));
    r.push_back(text("date", "date", V::Date));
    r.push_back(text("rights", "rights"));
    r.push_back(text("meta-description", "description"));
    r.push_back(text("subject", "subject"));
    r.push_back(elements("topics", "topics", {}, {some("topic")}));
    r.push_back(text("topic", "topic", V::Text, {req("id", V::Id)}));
    r.push_back(elements("front", "front", {}, {opt("preface")}));
    r.push_back(elements("preface", "preface", {req("id", V::Id)}, {one("title"), blocks(Card::Some)}));
    r.push_back(elements("part", "part", {req("id", V::Id)}, {one("title"), opt("intro"), any("guide")}));
    r.push_back(elements("intro", "intro", {}, {blocks(Card::Some)}));
    r.push_back(elements("faq-chapter", "faq", {req("id", V::Id)}, {one("title"), some("qa")}));
    r.push_back(elements("directory", "directory", {req("id", V::Id)},
                         {one("title"), opt("intro"), any("entry")}));
    // guide
    r.push_back(elements("guide", "guide", {req("id", V::Id), req("topics", V::IdList)},
                         {one("title"), opt("summary"), opt("myth"), opt("example"), opt("truth"), any("section"),
                          opt("faq", "guide-faq"), opt("books"), opt("practitioners"), opt("related")}));
    r.push_back(inline_rule("title", true));
    r.push_back(inline_rule("summary", true));
    r.push_back(elements("myth", "myth", {}, {one("title"), blocks(Card::Any)}));
    r.push_back(elements("example", "example", {}, {blocks(Card::Some)}));
    r.push_back(elements("truth", "truth", {}, {blocks(Card::Some)}));
    r.push_back(elements("section", "section", {optional("id", V::Id)},
                         {one("title"), blocks(Card::Any), any("section")}));
    r.push_back(elements("guide-faq", "faq", {}, {opt("title"), some("qa")}));
    r.push_back(elements("qa", "qa", {}, {one("q"), one("a")}));
    r.push_back(inline_rule("q", true));
    r.push_back(elements("a", "a", {}, {blocks(Card::Some)}));
    r.push_back(elements("books", "books", {}, {opt("title"), any("book-ref")}));
    r.push_back({"book-ref", "book-ref", K::Empty,
                 {req("title", V::NonEmpty), req("author", V::NonEmpty), optional("year", V::Year),
                  optional("isbn", V::Isbn), optional("url", V::HttpUrl)},
                 {}, true, false});
    r.push_back(elements("practitioners", "practitioners", {}, {opt("title"), any("entry-ref")}));
    r.push_back({"entry-ref", "entry-ref", K::Empty, {req("to", V::IdRef)}, {}, true, false});
    r.push_back(elements("related", "related", {}, {opt("title"), some("guide-ref")}));
    r.push_back({"guide-ref", "guide-ref", K::Empty, {req("to", V::IdRef)}, {}, true, false});
    // directory entries
    r.push_back(elements("entry", "entry",
                         {req("id", V::Id), req("kind", V::Enum, {"coach", "program", "retreat", "group"}),
                          req("topics", V::IdList), req("format", V::Enum, {"in-person", "online", "hybrid"})},
                         {one("name"), opt("location"), opt("url", "entry-url"), opt("email"),
                          one("description", "entry-description")},
                         /*ordered=*/false));
    r.push_back(inline_rule("name", true));
    r.push_back(inline_rule("location", true));
    r.push_back(text("entry-url", "url", V::HttpUrl));
    r.push_back(text("email", "email", V::Email));
    r.push_back(elements("entry-description", "description", {}, {blocks(Card::Some)}));
    // blocks
    r.push_back(inline_rule("p", true));
    r.push_back(elements("list", "list", {optional("style", V::Enum, {"bullet", "number"})}, {some("item")}));
    r.push_back({"item", "item", K::Item, {}, {blocks(Card::Any), inlines()}, false, true});
    r.push_back(elements("quote", "quote", {}, {blocks(Card::Some), opt("attribution")}));
    r.push_back(inline_rule("attribution", true));
    r.push_back(elements("figure", "figure", {req("src", V::ImagePath), req("alt", V::Text)}, {opt("caption")}));
    r.push_back(inline_rule("caption", true));
    // inline
    r.push_back(inline_rule("em", false));
    r.push_back(inline_rule("strong", false));
    r.push_back(inline_rule("cite", false));
    r.push_back(inline_rule("link", false, {req("href", V::LinkUrl)}, plain_inlines()));
    r.push_back(inline_rule("ref", false, {req("to", V::IdRef)}, plain_inlines()));
    // includes
    r.push_back({"include", "include", K::Empty, {req("href", V::Href)}, {}, true, false});
    return r;
}

}  // namespace

const std::vector<ElementRule>& all_rules() {
    static const std::vector<ElementRule> rules = make_rules();
    return rules;
}

const ElementRule* find_rule(std::string_view key) {
    for (const auto& r : all_rules())
        if (r.key == key) return &r;
    return nullptr;
}

const std::vector<std::string_view>& all_element_names() {
    static const std::vector<std::string_view> names = [] {
        std::set<std::string_view> s;
        for (const auto& r : all_rules()) s.insert(r.element);
        return std::vector<std::string_view>(s.begin(), s.end());
    }();
    return names;
}

bool is_block_element(std::string_view name) {
    return name == "p" || name == "list" || name == "quote" || name == "figure";
}

}  // namespace bb::manuscript
