#include "style/params.h"

#include "base/suggest.h"

namespace bb::style {

namespace {

const std::vector<std::string> kRunningFields = {"book", "part", "guide", "section", "page"};
const LengthRules kAbsolute{.allow_em = false, .allow_negative = false, .positive = false};
const LengthRules kAbsolutePositive{.allow_em = false, .allow_negative = false, .positive = true};
const LengthRules kRelative{.allow_em = true, .allow_negative = false, .positive = false};
const LengthRules kRelativePositive{.allow_em = true, .allow_negative = false, .positive = true};

/// Collects rows; small helpers keep each row on one line of the table.
class Table {
public:
    std::vector<Param> rows;

    void add(std::string path, Type type, std::optional<std::string> fallback, std::string doc,
             Apply apply) {
        Param p;
        p.path = std::move(path);
        p.type = type;
        p.fallback = std::move(fallback);
        p.doc = std::move(doc);
        p.apply = std::move(apply);
        if (type == Type::Length) p.length = kAbsolute;
        if (type == Type::LengthEm) p.length = kRelative;
        rows.push_back(std::move(p));
    }
    Param& last() { return rows.back(); }

    /// A length stored through `apply`.
    Param& len(std::string path, Type type, std::string fallback, std::string doc, Apply apply,
               bool positive = false) {
        add(std::move(path), type, std::move(fallback), std::move(doc), std::move(apply));
        if (positive) last().length = type == Type::Length ? kAbsolutePositive : kRelativePositive;
        return last();
    }
    Param& choice(std::string path, std::vector<std::string> values, std::string fallback,
                  std::string doc, Apply apply) {
        add(std::move(path), Type::Enum, std::move(fallback), std::move(doc), std::move(apply));
        last().choices = std::move(values);
        return last();
    }
    Param& integer(std::string path, int min, int max, std::string fallback, std::string doc,
                   Apply apply) {
        add(std::move(path), Type::Int, std::move(fallback), std::move(doc), std::move(apply));
        last().min = min;
        last().max = max;
        return last();
    }
    Param& templ(std::string path, std::vector<std::string> fields, std::string fallback,
                 std::string doc, Apply apply) {
        add(std::move(path), Type::Template, std::move(fallback), std::move(doc), std::move(apply));
        last().choices = std::move(fields);
        return last();
    }
};

Align to_align(const std::string& s) { return s == "left" ? Align::Left : Align::Justify; }
Start to_start(const std::string& s) {
    return s == "recto" ? Start::Recto : s == "page" ? Start::Page : Start::Flow;
}

/// The eight keys of one heading level.
struct HeadingDefaults {
    const char* name;
    const char* doc;
    const char* size;
    const char* leading;
    const char* before;
    const char* after;
    const char* start;
};

void add_heading(Table& t, const HeadingDefaults& d, HeadingStyle Sheet::*member) {
    std::string p = std::string("headings.") + d.name + ".";
    std::string what = d.doc;
    t.add(p + "font", Type::FontRef, "sans", "font family of " + what,
          [member](Sheet& s, const Value& v, const std::string&) { (s.*member).font = v.text; });
    t.len(p + "size", Type::LengthEm, d.size, "type size of " + what,
          [member](Sheet& s, const Value& v, const std::string&) { (s.*member).size = v.length; }, true);
    t.len(p + "leading", Type::LengthEm, d.leading, "baseline-to-baseline distance of " + what,
          [member](Sheet& s, const Value& v, const std::string&) { (s.*member).leading = v.length; },
          true);
    t.len(p + "space-before", Type::LengthEm, d.before, "space above " + what,
          [member](Sheet& s, const Value& v, const std::string&) {
              (s.*member).space_before = v.length;
          });
    t.len(p + "space-after", Type::LengthEm, d.after, "space below " + what,
          [member](Sheet& s, const Value& v, const std::string&) { (s.*member).space_after = v.length; });
    t.add(p + "color", Type::Color, "#1a1a1a", "colour of " + what,
          [member](Sheet& s, const Value& v, const std::string&) { (s.*member).color = v.color; });
    t.add(p + "bold", Type::Bool, "true", "set " + what + " in the bold face",
          [member](Sheet& s, const Value& v, const std::string&) { (s.*member).bold = v.flag; });
    t.choice(p + "start", {"recto", "page", "flow"}, d.start,
             "where " + what + " begin: on the next right-hand page, the next page, or in the flow",
             [member](Sheet& s, const Value& v, const std::string&) {
                 (s.*member).start = to_start(v.text);
             });
}

void add_callout(Table& t, const char* name, const char* label, CalloutStyle Sheet::*member) {
    std::string p = std::string("callouts.") + name + ".";
    std::string what = std::string("the ") + name + " callout";
    t.add(p + "label", Type::String, label, "label printed above " + what,
          [member](Sheet& s, const Value& v, const std::string&) { (s.*member).label = v.text; });
    t.add(p + "background", Type::Color, "#f4ede7", "background tint of " + what,
          [member](Sheet& s, const Value& v, const std::string&) { (s.*member).background = v.color; });
    t.add(p + "rule", Type::Color, "#8a3324", "colour of the rule at the left of " + what,
          [member](Sheet& s, const Value& v, const std::string&) { (s.*member).rule = v.color; });
    t.len(p + "padding", Type::LengthEm, "6pt", "space between the box edge and the text of " + what,
          [member](Sheet& s, const Value& v, const std::string&) { (s.*member).padding = v.length; });
}

void add_running_line(Table& t, const char* name, const char* defaults[4], RunningLine RunningStyle::*line) {
    static const char* slots[4] = {"verso", "recto", "inner", "outer"};
    static const char* docs[4] = {"centred on left-hand pages", "centred on right-hand pages",
                                  "at the inner edge of every page", "at the outer edge of every page"};
    for (int i = 0; i < 4; ++i) {
        std::string path = std::string("running.") + name + "." + slots[i];
        t.templ(path, kRunningFields, defaults[i], std::string(name) + " text " + docs[i],
                [line, i](Sheet& s, const Value& v, const std::string&) {
                    RunningLine& l = s.running.*line;
                    std::string* slot[4] = {&l.verso, &l.recto, &l.inner, &l.outer};
                    *slot[i] = v.text;
                });
    }
}

std::vector<Param> build() {
    Table t;
    using V = const Value&;
    using K = const std::string&;

    // page
    t.add("page.size", Type::PageSize, "A5", "trimmed page size: A4, A5, A6, Letter, HalfLetter or [width, height]",
          [](Sheet& s, V v, K) { s.page.width = v.size.first, s.page.height = v.size.second; });
    t.len("page.margins.top", Type::Length, "18mm", "margin above the text block",
          [](Sheet& s, V v, K) { s.page.top = v.length; });
    t.len("page.margins.bottom", Type::Length, "20mm", "margin below the text block",
          [](Sheet& s, V v, K) { s.page.bottom = v.length; });
    t.len("page.margins.inner", Type::Length, "20mm", "margin at the spine (left when one-sided)",
          [](Sheet& s, V v, K) { s.page.inner = v.length; });
    t.len("page.margins.outer", Type::Length, "14mm", "margin at the fore-edge (right when one-sided)",
          [](Sheet& s, V v, K) { s.page.outer = v.length; });
    t.add("page.two-sided", Type::Bool, "true", "facing pages: inner margin alternates, recto starts apply",
          [](Sheet& s, V v, K) { s.page.two_sided = v.flag; });

    // fonts
    t.add("fonts.*.regular", Type::FontFile, std::nullopt, "regular face of the family (required)",
          [](Sheet& s, V v, K k) {
              FontFamily& f = s.fonts[k];
              f.name = k;
              f.regular = v.text;
          });
    t.last().required = true;
    t.add("fonts.*.italic", Type::FontFile, std::nullopt, "italic face (else regular is used)",
          [](Sheet& s, V v, K k) {
              FontFamily& f = s.fonts[k];
              f.name = k, f.italic = v.text, f.italic_given = true;
          });
    t.add("fonts.*.bold", Type::FontFile, std::nullopt, "bold face (else regular is used)",
          [](Sheet& s, V v, K k) {
              FontFamily& f = s.fonts[k];
              f.name = k, f.bold = v.text, f.bold_given = true;
          });
    t.add("fonts.*.bold-italic", Type::FontFile, std::nullopt, "bold italic face (else bold, then regular)",
          [](Sheet& s, V v, K k) {
              FontFamily& f = s.fonts[k];
              f.name = k, f.bold_italic = v.text, f.bold_italic_given = true;
          });
    t.add("fonts.fallback", Type::FontList, "", "families tried, in order, for glyphs the main font lacks",
          [](Sheet& s, V v, K) { s.fallback = v.names; });

    // text
    t.add("text.font", Type::FontRef, "serif", "family of the body text",
          [](Sheet& s, V v, K) { s.text.font = v.text; });
    t.len("text.size", Type::Length, "10pt", "body type size; every em in the file is this size",
          [](Sheet& s, V v, K) { s.text.size = v.length; }, true);
    t.len("text.leading", Type::LengthEm, "13.5pt", "baseline-to-baseline distance of body text",
          [](Sheet& s, V v, K) { s.text.leading = v.length; }, true);
    t.choice("text.align", {"justify", "left"}, "justify", "justified or ragged-right body text",
             [](Sheet& s, V v, K) { s.text.align = to_align(v.text); });
    t.add("text.hyphenate", Type::Bool, "true", "hyphenate body text (language from book@lang)",
          [](Sheet& s, V v, K) { s.text.hyphenate = v.flag; });
    t.len("text.indent", Type::LengthEm, "1em", "first-line indent of a paragraph that follows another",
          [](Sheet& s, V v, K) { s.text.indent = v.length; });
    t.len("text.paragraph-space", Type::LengthEm, "0pt", "extra space between paragraphs",
          [](Sheet& s, V v, K) { s.text.paragraph_space = v.length; });
    t.add("text.color", Type::Color, "#1a1a1a", "colour of body text",
          [](Sheet& s, V v, K) { s.text.color = v.color; });

    // typography
    t.add("typography.smart-quotes", Type::Bool, "true", "turn straight quotes into typographic ones",
          [](Sheet& s, V v, K) { s.smart_quotes = v.flag; });
    t.add("typography.smart-dashes", Type::Bool, "true", "turn -- and --- into en and em dashes",
          [](Sheet& s, V v, K) { s.smart_dashes = v.flag; });

    // hyphenation (ours: not in spec/styles.md)
    t.integer("hyphenation.min-word", 1, 100, "5", "shortest word that may be hyphenated, in characters",
              [](Sheet& s, V v, K) { s.hyphenation.min_word = v.number; });
    t.integer("hyphenation.min-before", 1, 100, "2", "fewest characters before a hyphen",
              [](Sheet& s, V v, K) { s.hyphenation.min_before = v.number; });
    t.integer("hyphenation.min-after", 1, 100, "3", "fewest characters after a hyphen",
              [](Sheet& s, V v, K) { s.hyphenation.min_after = v.number; });

    // headings
    add_heading(t, {"part", "part titles", "24pt", "28pt", "0pt", "24pt", "recto"}, &Sheet::part);
    add_heading(t, {"guide", "guide titles", "20pt", "24pt", "0pt", "12pt", "recto"}, &Sheet::guide);
    add_heading(t, {"section", "section headings", "13pt", "16pt", "14pt", "4pt", "flow"}, &Sheet::section);
    add_heading(t, {"subsection", "subsection headings", "10.5pt", "13.5pt", "10pt", "2pt", "flow"},
                &Sheet::subsection);

    // callouts
    add_callout(t, "myth", "The myth", &Sheet::myth);
    add_callout(t, "example", "The example", &Sheet::example);
    add_callout(t, "truth", "The truth", &Sheet::truth);

    // faq
    t.add("faq.question.font", Type::FontRef, "sans", "family of FAQ questions",
          [](Sheet& s, V v, K) { s.faq.question_font = v.text; });
    t.choice("faq.question.weight", {"bold", "regular"}, "bold", "weight of FAQ questions",
             [](Sheet& s, V v, K) { s.faq.question_bold = v.text == "bold"; });
    t.len("faq.space-between", Type::LengthEm, "6pt", "space between one question-and-answer and the next",
          [](Sheet& s, V v, K) { s.faq.space_between = v.length; });

    // lists
    t.len("lists.indent", Type::LengthEm, "1.2em", "indent of list items (the bullet hangs in it)",
          [](Sheet& s, V v, K) { s.lists.indent = v.length; });
    t.add("lists.bullet", Type::String, "•", "the bullet character of bulleted lists",
          [](Sheet& s, V v, K) { s.lists.bullet = v.text; });
    t.len("lists.item-space", Type::LengthEm, "2pt", "extra space between list items",
          [](Sheet& s, V v, K) { s.lists.item_space = v.length; });

    // quote
    t.len("quote.indent", Type::LengthEm, "2em", "left and right indent of quotations",
          [](Sheet& s, V v, K) { s.quote.indent = v.length; });
    t.choice("quote.style", {"italic", "normal"}, "italic", "slant of quotations",
             [](Sheet& s, V v, K) {
                 s.quote.style = v.text == "italic" ? FontStyle::Italic : FontStyle::Normal;
             });

    // directory
    t.len("directory.entry-space", Type::LengthEm, "8pt", "space between directory entries",
          [](Sheet& s, V v, K) { s.directory.entry_space = v.length; });
    t.add("directory.show-topics", Type::Bool, "true", "list each entry's topics",
          [](Sheet& s, V v, K) { s.directory.show_topics = v.flag; });
    t.add("directory.show-url", Type::Bool, "true", "print each entry's web address",
          [](Sheet& s, V v, K) { s.directory.show_url = v.flag; });

    // running heads
    static const char* header_defaults[4] = {"{book}", "{guide}", "", ""};
    static const char* footer_defaults[4] = {"", "", "", "{page}"};
    add_running_line(t, "header", header_defaults, &RunningStyle::header);
    add_running_line(t, "footer", footer_defaults, &RunningStyle::footer);
    t.add("running.suppress-on-first-page", Type::Bool, "true",
          "no running head or foot on the opening page of a part or guide",
          [](Sheet& s, V v, K) { s.running.suppress_on_first_page = v.flag; });

    // references
    t.templ("references.print", {"title", "page"}, "{title}, p. {page}",
            "how a cross-reference prints on paper", [](Sheet& s, V v, K) { s.reference_print = v.text; });

    // toc
    t.integer("toc.depth", 1, 3, "2", "levels in the contents: 1 parts, 2 + guides, 3 + sections",
              [](Sheet& s, V v, K) { s.toc.depth = v.number; });
    t.add("toc.leaders", Type::String, ".", "leader between a contents entry and its page (\"\" = none)",
          [](Sheet& s, V v, K) { s.toc.leaders = v.text; });

    // pagination
    t.integer("pagination.widows", 1, 20, "2", "fewest lines of a paragraph at the top of a page",
              [](Sheet& s, V v, K) { s.pagination.widows = v.number; });
    t.integer("pagination.orphans", 1, 20, "2", "fewest lines of a paragraph at the foot of a page",
              [](Sheet& s, V v, K) { s.pagination.orphans = v.number; });
    t.integer("pagination.keep-with-next", 1, 20, "2", "lines of text kept on the page of a heading",
              [](Sheet& s, V v, K) { s.pagination.keep_with_next = v.number; });

    // free maps
    t.add("colors.*", Type::HexColor, std::nullopt, "a named colour, usable wherever a colour is",
          [](Sheet& s, V v, K k) { s.colors[k] = v.color; });
    t.add("labels.*", Type::String, std::nullopt, "a word the book prints (see \"Labels\")",
          [](Sheet& s, V v, K k) { s.labels[k] = v.text; });
    return std::move(t.rows);
}

}  // namespace

const std::vector<Param>& parameters() {
    static const std::vector<Param> table = build();
    return table;
}

std::string type_name(const Param& p) {
    switch (p.type) {
        case Type::Length: return p.length.positive ? "length > 0 (pt mm cm in)" : "length (pt mm cm in)";
        case Type::LengthEm: return p.length.positive ? "length > 0 (pt mm cm in em)" : "length (pt mm cm in em)";
        case Type::Color: return "colour (#rrggbb or name)";
        case Type::HexColor: return "colour (#rrggbb)";
        case Type::Bool: return "true | false";
        case Type::Int:
            return p.max == INT_MAX ? "integer >= " + std::to_string(p.min)
                                    : "integer " + std::to_string(p.min) + "–" + std::to_string(p.max);
        case Type::Enum: {
            std::string out;
            for (const auto& c : p.choices) out += (out.empty() ? "" : " | ") + c;
            return out;
        }
        case Type::String: return "text";
        case Type::Template: {
            std::string out = "template:";
            for (const auto& c : p.choices) out += " {" + c + "}";
            return out;
        }
        case Type::FontRef: return "font family";
        case Type::FontList: return "list of font families";
        case Type::FontFile: return "TrueType file";
        case Type::PageSize: return "page size";
    }
    return "?";
}

std::string reference_markdown() {
    std::string out = "| Key | Type | Default | Meaning |\n|---|---|---|---|\n";
    auto cell = [](const std::string& s) {
        std::string r;
        for (char c : s) r += c == '|' ? std::string("\\|") : std::string(1, c);
        return r;
    };
    for (const auto& p : parameters()) {
        std::string def = !p.fallback ? "—" : p.fallback->empty() ? "`\"\"`" : "`" + *p.fallback + "`";
        if (p.required) def = "required";
        out += "| `" + p.path + "` | " + cell(type_name(p)) + " | " + cell(def) + " | " + cell(p.doc) +
               " |\n";
    }
    return out;
}

}  // namespace bb::style
