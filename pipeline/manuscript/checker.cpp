#include "manuscript/checker.h"

#include <fmt/format.h>

#include <algorithm>

#include "base/suggest.h"
#include "manuscript/values.h"

namespace bb::manuscript {

namespace {

constexpr int kMaxSectionDepth = 2;

std::vector<std::string> slot_names(const ElementRule& r) {
    std::vector<std::string> out;
    for (const auto& s : r.slots)
        for (const auto& e : s.elements)
            if (std::find(out.begin(), out.end(), e.element) == out.end()) out.emplace_back(e.element);
    return out;
}

// True when inline content has something to show: non-blank text, or a ref or
// link (which get their target's title or URL when empty).
bool has_content(const XNode& n) {
    if (n.truncated) return true;  // already reported as too deep
    for (const auto& c : n.children) {
        if (c.is_text) {
            if (!is_blank(c.text)) return true;
        } else if (c.failed_include || c.name == "ref" || c.name == "link" || has_content(c)) {
            return true;
        }
    }
    return false;
}

const XNode* first_text(const XNode& n) {
    for (const auto& c : n.children)
        if (c.is_text && !is_blank(c.text)) return &c;
    return nullptr;
}

// The reader already points text spans at their first visible character.
base::Span first_non_blank(const XNode& text) { return text.span; }

struct Checker {
    base::Sink& sink;
    int section_depth = 0;

    void attributes(const XNode& n, const ElementRule& r) {
        for (const auto& a : n.attrs) {
            auto it = std::find_if(r.attrs.begin(), r.attrs.end(), [&](const AttrRule& ar) { return ar.name == a.name; });
            if (it == r.attrs.end()) {
                std::vector<std::string> allowed;
                for (const auto& ar : r.attrs) allowed.emplace_back(ar.name);
                std::string msg = fmt::format("unknown attribute '{}' on <{}>", a.name, n.name);
                std::string hint = base::did_you_mean(a.name, allowed);
                if (!hint.empty()) msg += hint;
                else if (allowed.empty()) msg += fmt::format("; <{}> takes no attributes", n.name);
                else msg += "; expected " + base::join_alternatives(allowed, "'", "'");
                sink.error(a.name_span, msg);
                continue;
            }
            std::string problem = check_value(it->kind, a.value, *it, n.name);
            if (!problem.empty()) sink.error(a.name_span, problem);
        }
        for (const auto& ar : r.attrs)
            if (ar.required && !n.attr(ar.name))
                sink.error(n.span, fmt::format("<{}> is missing attribute '{}'", n.name, ar.name));
    }

    void not_allowed(const XNode& child, const XNode& parent, const std::vector<std::string>& allowed,
                     std::string_view extra = {}) {
        std::string expected = allowed.empty() ? std::string(" (it holds no elements)")
                                               : "; expected " + base::join_alternatives(allowed, "<", ">");
        const auto& known = all_element_names();
        bool is_known = std::find(known.begin(), known.end(), child.name) != known.end();
        if (child.include_span.known() && is_known) {  // a known root in the wrong place: the include is wrong
            sink.error(child.include_span, fmt::format("included <{}> is not allowed in <{}>{}", child.name,
                                                       parent.name, expected));
            return;
        }
        if (!is_known) {  // an unknown root of an included file is reported in that file
            std::string msg = fmt::format("unknown element <{}> in <{}>", child.name, parent.name);
            std::string hint = base::did_you_mean(child.name, allowed, "<", ">");
            if (hint.empty()) {
                std::vector<std::string> every(known.begin(), known.end());
                hint = base::did_you_mean(child.name, every, "<", ">");
                if (!hint.empty()) hint += fmt::format(" (not allowed in <{}> either)", parent.name);
            }
            sink.error(child.span, msg + (hint.empty() ? expected : hint));
            return;
        }
        sink.error(child.span,
                   fmt::format("<{}> is not allowed in <{}>{}", child.name, parent.name, extra.empty() ? expected : std::string(extra)));
    }

    // Finds the slot of a child element; returns -1 when none.
    static int slot_of(const ElementRule& r, std::string_view name, std::string_view* rule_key) {
        for (size_t i = 0; i < r.slots.size(); ++i)
            for (const auto& e : r.slots[i].elements)
                if (e.element == name) {
                    *rule_key = e.rule;
                    return static_cast<int>(i);
                }
        return -1;
    }

    void stray_text(const XNode& text, const XNode& parent, const ElementRule& r) {
        bool takes_blocks = false;
        for (const auto& s : r.slots)
            for (const auto& e : s.elements) takes_blocks |= e.element == "p";
        sink.error(first_non_blank(text), fmt::format("text is not allowed directly in <{}>{}", parent.name,
                                                      takes_blocks ? "; wrap it in <p>" : ""));
    }

    void missing(const XNode& n, const Slot& s) {
        if (s.elements.size() == 4 && s.elements[0].element == "p")
            sink.error(n.span, fmt::format("<{}> needs at least one block (<p>, <list>, <quote> or <figure>)", n.name));
        else
            sink.error(n.span, fmt::format("<{}> is missing <{}>", n.name, s.elements[0].element));
    }

    void elements(const XNode& n, const ElementRule& r) {
        std::vector<size_t> counts(r.slots.size(), 0);
        int current = -1;
        std::string current_name;
        bool failed_include = false;
        for (const auto& c : n.children) {
            if (c.is_text) {
                if (!is_blank(c.text)) stray_text(c, n, r);
                continue;
            }
            if (c.failed_include) {
                failed_include = true;
                continue;
            }
            std::string_view key;
            int s = slot_of(r, c.name, &key);
            if (s < 0) {
                not_allowed(c, n, slot_names(r));
                continue;
            }
            if (r.ordered && s < current) {
                // Misplaced but present: counted, so it is not also reported missing.
                ++counts[s];
                sink.error(c.include_span.known() ? c.include_span : c.span,
                           fmt::format("<{}> must come before <{}> in <{}>", c.name, current_name, n.name));
            } else {
                if (s > current) current = s;
                current_name = c.name;
                Card card = r.slots[s].card;
                if (++counts[s] > 1 && (card == Card::One || card == Card::Optional))
                    sink.error(c.include_span.known() ? c.include_span : c.span,
                               fmt::format("only one <{}> is allowed in <{}>", c.name, n.name));
            }
            element(c, key);
        }
        if (failed_include) return;  // what is missing may be in the file that failed
        for (size_t i = 0; i < r.slots.size(); ++i)
            if ((r.slots[i].card == Card::One || r.slots[i].card == Card::Some) && counts[i] == 0) missing(n, r.slots[i]);
    }

    // Inline children of `n` by rule `r`; `names` (r's own by default)
    // further limits which elements may appear.
    void inline_content(const XNode& n, const ElementRule& r, const ElementRule* names = nullptr) {
        if (!names) names = &r;
        for (const auto& c : n.children) {
            if (c.is_text || c.failed_include) continue;
            std::string_view key, unused;
            if (slot_of(r, c.name, &key) < 0 || (names != &r && slot_of(*names, c.name, &unused) < 0)) {
                const std::vector<std::string> allowed = slot_names(*names);
                if ((n.name == "link" || n.name == "ref") && (c.name == "link" || c.name == "ref"))
                    not_allowed(c, n, allowed, fmt::format("; a <{}> cannot contain a <{}>", n.name, c.name));
                else
                    not_allowed(c, n, allowed);
                continue;
            }
            element(c, key);
        }
    }

    void element(const XNode& n, std::string_view key) {
        const ElementRule* r = find_rule(key);
        if (!r) return;
        attributes(n, *r);
        switch (r->content) {
            case ContentKind::Empty:
                for (const auto& c : n.children) {
                    if ((c.is_text && is_blank(c.text)) || c.failed_include) continue;
                    sink.error(c.is_text ? first_non_blank(c) : c.span, fmt::format("<{}> must be empty", n.name));
                    break;
                }
                break;
            case ContentKind::Text: {
                for (const auto& c : n.children)
                    if (!c.is_text && !c.failed_include) {
                        const auto& known = all_element_names();
                        bool is_known = std::find(known.begin(), known.end(), c.name) != known.end();
                        sink.error(c.span, fmt::format("{}<{}> is not allowed in <{}>; it holds plain text only",
                                                       is_known ? "" : "unknown element ", c.name, n.name));
                    }
                std::string text = collapse_space(n.direct_text());
                if (text.empty()) {
                    if (r->non_empty) sink.error(n.span, fmt::format("empty <{}>", n.name));
                } else if (r->text_kind != ValueKind::Text) {
                    std::string problem = check_value(r->text_kind, text, AttrRule{}, n.name);
                    if (!problem.empty()) {
                        const XNode* t = first_text(n);
                        sink.error(t ? first_non_blank(*t) : n.span, problem);
                    }
                }
                break;
            }
            case ContentKind::Inline:
                inline_content(n, *r);
                if (r->non_empty && !has_content(n)) sink.error(n.span, fmt::format("empty <{}>", n.name));
                break;
            case ContentKind::Elements: {
                bool is_section = r->key == "section";
                if (is_section && ++section_depth > kMaxSectionDepth)
                    sink.error(n.span, fmt::format("<section> is nested more than {} levels below its guide",
                                                   kMaxSectionDepth));
                elements(n, *r);
                if (is_section) --section_depth;
                if (r->key == "book") parts_or_guides(n);
                break;
            }
            case ContentKind::Item: item(n, *r); break;
        }
    }

    void item(const XNode& n, const ElementRule& r) {
        bool has_blocks = std::any_of(n.children.begin(), n.children.end(),
                                      [](const XNode& c) { return !c.is_text && is_block_element(c.name); });
        if (!has_blocks) {
            inline_content(n, r, find_rule("em"));
            if (!has_content(n)) sink.error(n.span, "empty <item>");
            return;
        }
        for (const auto& c : n.children) {
            if (c.failed_include) continue;
            if (c.is_text) {
                if (!is_blank(c.text))
                    sink.error(first_non_blank(c), "text next to blocks in <item>; wrap it in <p>");
                continue;
            }
            if (is_block_element(c.name)) element(c, c.name);
            else if (find_rule(c.name) && find_rule(c.name)->content == ContentKind::Inline)
                sink.error(c.span, fmt::format("<{}> next to blocks in <item>; wrap it in <p>", c.name));
            else not_allowed(c, n, slot_names(r));
        }
    }

    void parts_or_guides(const XNode& book) {
        bool parts = std::any_of(book.children.begin(), book.children.end(),
                                 [](const XNode& c) { return !c.is_text && c.name == "part"; });
        if (!parts) return;
        for (const auto& c : book.children)
            if (!c.is_text && c.name == "guide")
                sink.error(c.include_span.known() ? c.include_span : c.span,
                           "<guide> cannot stand directly in <book> when the book has parts; put it in a <part>");
    }
};

}  // namespace

std::string collapse_space(std::string_view s) {
    std::string out;
    bool space = false;
    for (char c : s) {
        if (is_xml_space(c)) {
            space = !out.empty();
            continue;
        }
        if (space) out += ' ';
        space = false;
        out += c;
    }
    return out;
}

std::string check_value(ValueKind kind, std::string_view v, const AttrRule& rule, std::string_view element) {
    switch (kind) {
        case ValueKind::Text: return "";
        case ValueKind::NonEmpty:
            return is_blank(v) ? fmt::format("attribute '{}' of <{}> is empty", rule.name, element) : "";
        case ValueKind::Id:
        case ValueKind::IdRef: return check_id(v);
        case ValueKind::IdList: {
            auto words = split_words(v);
            if (words.empty()) return fmt::format("'{}' of <{}> must list at least one id", rule.name, element);
            for (size_t i = 0; i < words.size(); ++i) {
                std::string p = check_id(words[i]);
                if (!p.empty()) return p;
                for (size_t j = 0; j < i; ++j)
                    if (words[j] == words[i]) return fmt::format("'{}' is listed twice in '{}'", words[i], rule.name);
            }
            return "";
        }
        case ValueKind::Enum: {
            for (auto allowed : rule.values)
                if (allowed == v) return "";
            if (rule.name == "format" && element == "book")
                return fmt::format("unsupported manuscript format '{}'; this bookbuild reads format \"1\"", v);
            std::vector<std::string> values(rule.values.begin(), rule.values.end());
            std::string hint = base::did_you_mean(v, values);
            return fmt::format("invalid {} '{}' on <{}>{}", rule.name, v, element,
                               hint.empty() ? "; expected " + base::join_alternatives(values, "'", "'") : hint);
        }
        case ValueKind::Lang: return check_lang(v);
        case ValueKind::Date: return check_date(v);
        case ValueKind::Identifier: return check_identifier(v);
        case ValueKind::Isbn: return check_isbn(v);
        case ValueKind::Year: return check_year(v);
        case ValueKind::HttpUrl: return check_http_url(v);
        case ValueKind::LinkUrl: return check_link_url(v);
        case ValueKind::Email: return check_email(v);
        case ValueKind::ImagePath: return check_image_path(v);
        case ValueKind::Href: return is_blank(v) ? "empty include href" : "";
    }
    return "";
}

void check_element(const XNode& node, std::string_view rule_key, base::Sink& sink) {
    Checker c{sink};
    c.element(node, rule_key);
}

void check_tree(const XNode& root, base::Sink& sink) {
    if (root.name != "book") {
        sink.error(root.span, fmt::format("the root element of book.xml must be <book>, not <{}>", root.name));
        return;
    }
    check_element(root, "book", sink);
}

}  // namespace bb::manuscript
