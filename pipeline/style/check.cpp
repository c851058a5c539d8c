#include "style/check.h"

#include <algorithm>
#include <map>

#include "base/suggest.h"
#include "style/params.h"
#include "style/values.h"

namespace bb::style {

namespace {

std::vector<std::string> split(const std::string& path) {
    std::vector<std::string> out;
    size_t start = 0;
    for (size_t dot; (dot = path.find('.', start)) != std::string::npos; start = dot + 1)
        out.push_back(path.substr(start, dot - start));
    out.push_back(path.substr(start));
    return out;
}

/// One child name allowed under a table prefix: a leaf parameter or a group.
struct Child {
    std::string segment;           ///< key or "*"
    const Param* leaf = nullptr;   ///< set when the child is a parameter
};

/// A font family some key needs that fonts does not define.
struct FontNeed {
    std::string family;
    std::string path;     ///< the key that names it ("text.font", "fonts.fallback")
    bool unset = false;   ///< the key is not set: the family is its default
};

/// "a", "a and b", "a, b and c".
std::string join_and(const std::vector<std::string>& items) {
    std::string out;
    for (size_t i = 0; i < items.size(); ++i)
        out += (i == 0 ? "" : i + 1 == items.size() ? " and " : ", ") + items[i];
    return out;
}

/// A key found in the file that names a parameter.
struct Given {
    const Param* param = nullptr;
    std::string path;  ///< concrete, e.g. "colors.accent"
    std::string key;   ///< what `*` matched, or ""
    const Tree* node = nullptr;
};

class Walker {
public:
    Walker(const CheckContext& ctx, std::vector<base::Diagnostic>& errors) : ctx_(ctx), errors_(errors) {
        for (const auto& p : parameters()) table_.push_back({&p, split(p.path)});
    }

    Sheet run(const Tree& root) {
        walk(root, {}, "", "");
        Sheet sheet;
        collect_colors(sheet);
        collect_families(root);
        em_ = resolve_text_size(sheet);
        for (const auto& row : table_) {
            const Param& p = *row.param;
            if (p.path == "colors.*" || p.path == "text.size") continue;  // done above
            bool wildcard = p.path.find('*') != std::string::npos;
            if (wildcard) {
                for (const auto& g : given_)
                    if (g.param == &p)
                        if (auto v = convert(p, g.path, g.node, nullptr)) p.apply(sheet, *v, g.key);
                continue;
            }
            const Given* g = find_given(p);
            if (g) {
                if (auto v = convert(p, g->path, g->node, nullptr)) p.apply(sheet, *v, "");
            } else if (p.fallback) {
                if (auto v = convert(p, p.path, nullptr, &*p.fallback)) p.apply(sheet, *v, "");
            }
        }
        report_font_needs(root);
        return sheet;
    }

private:
    struct Row {
        const Param* param;
        std::vector<std::string> segments;
    };

    // ---- pass 1: keys against the table ---------------------------------

    std::vector<Child> children(const std::vector<std::string>& prefix) const {
        std::vector<Child> out;
        for (const auto& row : table_) {
            const auto& s = row.segments;
            if (s.size() <= prefix.size() || !std::equal(prefix.begin(), prefix.end(), s.begin())) continue;
            const std::string& seg = s[prefix.size()];
            Child* existing = nullptr;
            for (auto& c : out)
                if (c.segment == seg) existing = &c;
            if (!existing) {
                out.push_back({seg, nullptr});
                existing = &out.back();
            }
            if (s.size() == prefix.size() + 1) existing->leaf = row.param;
        }
        return out;
    }

    static std::vector<std::string> names_of(const std::vector<Child>& kids) {
        std::vector<std::string> out;
        for (const auto& c : kids)
            if (c.segment != "*") out.push_back(c.segment);
        return out;
    }

    /// "a, b, c" with a wildcard shown last as "or any name".
    static std::string listing(const std::vector<Child>& kids) {
        std::string out;
        bool any = false;
        for (const auto& c : kids) {
            if (c.segment == "*") {
                any = true;
                continue;
            }
            out += (out.empty() ? "" : ", ") + c.segment;
        }
        if (any) out += out.empty() ? "any name" : ", or any name";
        return out;
    }

    void walk(const Tree& map, const std::vector<std::string>& pattern, const std::string& path,
              const std::string& key) {
        std::vector<Child> kids = children(pattern);
        std::vector<std::string> top_names = names_of(kids);
        if (pattern.empty()) top_names.insert(top_names.begin(), "extends");
        for (const auto& e : map.map) {
            const Child* match = nullptr;
            for (const auto& c : kids)
                if (c.segment == e.key) match = &c;
            std::string matched_key = key;
            if (!match)
                for (const auto& c : kids)
                    if (c.segment == "*") match = &c, matched_key = e.key;
            std::string child_path = path.empty() ? e.key : path + "." + e.key;
            if (!match) {
                std::string where = path.empty() ? "unknown top-level key '" + e.key + "'"
                                                 : "unknown key '" + e.key + "' in '" + path + "'";
                std::string allowed = pattern.empty() ? "extends, " + listing(kids) : listing(kids);
                error(e.key_span, where + base::did_you_mean(e.key, top_names) + " (allowed: " + allowed + ")");
                continue;
            }
            std::vector<std::string> child_pattern = pattern;
            child_pattern.push_back(match->segment);
            if (match->leaf) {
                given_.push_back({match->leaf, child_path, matched_key, &e.value});
                continue;
            }
            if (e.value.kind != Tree::Kind::Null && !e.value.is_map()) {
                error(e.value.span, "expected a map for '" + child_path + "' (keys: " +
                                        listing(children(child_pattern)) + "), got " + describe(e.value.kind));
                continue;
            }
            // `group:` with nothing after it sets nothing (but still lacks
            // what is required).
            if (e.value.is_map()) walk(e.value, child_pattern, child_path, matched_key);
            // With a parent unread the key may be there: do not guess.
            for (const auto& c : children(child_pattern))
                if (c.leaf && c.leaf->required && !ctx_.incomplete && !e.value.find(c.segment))
                    error(e.key_span, "'" + child_path + "' needs a '" + c.segment + "' key" + chain_files());
        }
    }

    const Given* find_given(const Param& p) const {
        for (const auto& g : given_)
            if (g.param == &p) return &g;
        return nullptr;
    }

    // ---- pass 2: values ---------------------------------------------------

    void collect_colors(Sheet& sheet) {
        for (const auto& g : given_) {
            if (g.param->path != "colors.*") continue;
            if (auto v = convert(*g.param, g.path, g.node, nullptr)) {
                g.param->apply(sheet, *v, g.key);
                colors_[g.key] = v->color;
            }
        }
    }

    void collect_families(const Tree& root) {
        const TreeEntry* fonts = root.find("fonts");
        if (!fonts || !fonts->value.is_map()) return;
        // A family written wrongly (`serif: x.ttf`) is reported where it is
        // written; it still counts as defined, so the keys naming it do not
        // repeat that error as "unknown family".
        for (const auto& e : fonts->value.map)
            if (e.key != "fallback") families_.push_back(e.key);
    }

    double resolve_text_size(Sheet& sheet) {
        for (const auto& row : table_) {
            const Param& p = *row.param;
            if (p.path != "text.size") continue;
            const Given* g = find_given(p);
            auto v = g ? convert(p, g->path, g->node, nullptr) : convert(p, p.path, nullptr, &*p.fallback);
            if (v) p.apply(sheet, *v, "");
            return sheet.text.size;
        }
        return sheet.text.size;
    }

    /// The scalar text of a node (or default); nullopt after reporting when
    /// the node is not a scalar. Null counts as "" for text types.
    std::optional<std::string> scalar(const Param& p, const std::string& path, const Tree* node,
                                      const std::string* fallback) {
        if (!node) return *fallback;
        if (node->kind == Tree::Kind::Scalar) return node->text;
        if (node->kind == Tree::Kind::Null && (p.type == Type::String || p.type == Type::Template))
            return std::string();
        std::string hint;
        if (node->kind == Tree::Kind::Null && (p.type == Type::Color || p.type == Type::HexColor))
            hint = "; put hex colours in quotes (\"#8a3324\"): unquoted, # starts a YAML comment";
        error(node->span, "expected " + type_name(p) + " for '" + path + "', got " + describe(node->kind) + hint);
        return std::nullopt;
    }

    std::optional<Value> convert(const Param& p, const std::string& path, const Tree* node,
                                 const std::string* fallback) {
        base::Span at = node ? node->span : base::Span{};
        Value v;
        if (p.type == Type::FontList) return convert_font_list(p, path, node, fallback);
        if (p.type == Type::PageSize && node && node->kind == Tree::Kind::List)
            return convert_page_list(path, *node);
        auto text = scalar(p, path, node, fallback);
        if (!text) return std::nullopt;
        auto fail = [&](const std::string& message) -> std::optional<Value> {
            error(at, message);
            return std::nullopt;
        };
        switch (p.type) {
            case Type::Length:
            case Type::LengthEm: {
                auto r = parse_length(*text, p.length, em_, path);
                if (!r.value) return fail(r.error);
                v.length = *r.value;
                break;
            }
            case Type::Color: {
                auto r = parse_color(*text, colors_, path);
                // A name the unread parent may define is not an error of its own.
                if (!r.value && ctx_.incomplete && !text->empty() && (*text)[0] != '#') return std::nullopt;
                if (!r.value) return fail(r.error);
                v.color = *r.value;
                break;
            }
            case Type::HexColor: {
                auto r = parse_hex_color(*text, path);
                if (!r.value) return fail(r.error);
                v.color = *r.value;
                break;
            }
            case Type::Bool: {
                auto r = parse_bool(*text, path);
                if (!r.value) return fail(r.error);
                v.flag = *r.value;
                break;
            }
            case Type::Int: {
                auto r = parse_int(*text, p.min, p.max, path);
                if (!r.value) return fail(r.error);
                v.number = *r.value;
                break;
            }
            case Type::Enum: {
                bool ok = false;
                for (const auto& c : p.choices) ok = ok || c == *text;
                if (!ok)
                    return fail("bad value '" + *text + "' for '" + path + "'" +
                                base::did_you_mean(*text, p.choices) +
                                " (expected " + base::join_alternatives(p.choices) + ")");
                v.text = *text;
                break;
            }
            case Type::String: v.text = *text; break;
            case Type::Template:
                if (!check_template(p, path, *text, node)) return std::nullopt;
                v.text = *text;
                break;
            case Type::FontRef: {
                if (!check_family(path, *text, node ? node->span : base::Span{}, node == nullptr))
                    return std::nullopt;
                v.text = *text;
                break;
            }
            case Type::FontFile: {
                StyleDir dir = ctx_.dir_of ? ctx_.dir_of(at.file) : StyleDir{};
                auto r = find_font(*text, dir);
                if (!r.value) return fail(r.error);
                v.text = *r.value;
                break;
            }
            case Type::PageSize: {
                auto size = named_page_size(*text);
                if (!size)
                    return fail("unknown page size '" + *text + "'" +
                                base::did_you_mean(*text, page_size_names()) + " (expected " +
                                base::join_alternatives(page_size_names()) + ", or [width, height])");
                v.size = *size;
                break;
            }
            case Type::FontList: break;  // handled above
        }
        return v;
    }

    std::optional<Value> convert_page_list(const std::string& path, const Tree& node) {
        if (node.list.size() != 2) {
            error(node.span, "a page size list needs two lengths, [width, height], got " +
                                 std::to_string(node.list.size()));
            return std::nullopt;
        }
        LengthRules rules{.allow_em = false, .allow_negative = false, .positive = true};
        double wh[2] = {0, 0};
        bool ok = true;
        for (size_t i = 0; i < 2; ++i) {
            const Tree& item = node.list[i];
            if (item.kind != Tree::Kind::Scalar) {
                error(item.span, "expected a length in '" + path + "', got " + describe(item.kind));
                ok = false;
                continue;
            }
            auto r = parse_length(item.text, rules, em_, path);
            if (!r.value) {
                error(item.span, r.error);
                ok = false;
            } else {
                wh[i] = *r.value;
            }
        }
        if (!ok) return std::nullopt;
        Value v;
        v.size = {wh[0], wh[1]};
        return v;
    }

    std::optional<Value> convert_font_list(const Param& p, const std::string& path, const Tree* node,
                                           const std::string* fallback) {
        Value v;
        if (!node) {
            if (fallback && !fallback->empty()) v.names.push_back(*fallback);
            return v;
        }
        if (node->kind == Tree::Kind::Null) return v;
        if (node->kind != Tree::Kind::List) {
            error(node->span, "expected " + type_name(p) + " for '" + path + "' (like [serif, sans]), got " +
                                  describe(node->kind));
            return std::nullopt;
        }
        bool ok = true;
        for (const auto& item : node->list) {
            if (item.kind != Tree::Kind::Scalar) {
                error(item.span, "expected a font family name in '" + path + "', got " + describe(item.kind));
                ok = false;
            } else if (check_family(path, item.text, item.span, false)) {
                v.names.push_back(item.text);
            } else {
                ok = false;
            }
        }
        if (!ok) return std::nullopt;
        return v;
    }

    /// True when `name` is a family under fonts. A missing default family,
    /// or any family when fonts defines none, is one cause behind many keys:
    /// it is collected and reported once by report_font_needs.
    bool check_family(const std::string& path, const std::string& name, base::Span at, bool is_default) {
        for (const auto& f : families_)
            if (f == name) return true;
        if (families_.empty() || is_default) {
            needs_.push_back({name, path, is_default});
            return false;
        }
        if (ctx_.incomplete) return false;  // the unread parent may define it
        error(at, "unknown font family '" + name + "' for '" + path + "'" + base::did_you_mean(name, families_) +
                      " (fonts defines " + base::join_alternatives(families_) + ")");
        return false;
    }

    /// The entry of `path` ("text", "headings.part") in the merged tree, or
    /// nullptr when no file wrote it.
    static const TreeEntry* entry_at(const Tree& root, const std::vector<std::string>& segments) {
        const Tree* map = &root;
        const TreeEntry* found = nullptr;
        for (const auto& s : segments) {
            if (!map->is_map()) return nullptr;
            found = map->find(s);
            if (!found) return nullptr;
            map = &found->value;
        }
        return found;
    }

    /// The deepest mapping written on the way to `path` (the `headings.part:`
    /// or else `headings:` key for headings.part.font), not the top level.
    static const TreeEntry* nearest_mapping(const Tree& root, const std::string& path) {
        std::vector<std::string> segments = split(path);
        const TreeEntry* best = nullptr;
        for (size_t n = 1; n < segments.size(); ++n) {
            std::vector<std::string> prefix(segments.begin(), segments.begin() + static_cast<long>(n));
            const TreeEntry* e = entry_at(root, prefix);
            if (!e) break;
            best = e;
        }
        return best;
    }

    /// ", in p.yaml," when `shown` is written in another file than `at`.
    std::string other_file(base::Span shown, base::Span at) const {
        if (!ctx_.sources || !shown.known() || !at.known() || shown.file == at.file) return "";
        return ", in " + ctx_.sources->file(shown.file).path + ",";
    }

    /// " (set in none of a.yaml or p.yaml)" when files were merged, so the
    /// reader knows a parent could have given what is missing.
    std::string chain_files() const {
        if (ctx_.chain.size() < 2) return "";
        return " (set in none of " + base::join_alternatives(ctx_.chain) + ")";
    }

    /// " or the file it extends (p.yaml)" when the named file extends
    /// others, so the message says which files were looked at.
    std::string chain_note() const {
        if (ctx_.chain.size() < 2) return "";
        std::vector<std::string> parents(ctx_.chain.begin() + 1, ctx_.chain.end());
        return " or the file" + std::string(parents.size() > 1 ? "s" : "") + " it extends (" + join_and(parents) + ")";
    }

    /// Reports the families keys need but fonts lacks (see README, "Positions
    /// of errors"): one error when fonts defines no family at all, else one per
    /// missing default family. Explicit unknown names were reported at their
    /// values already.
    void report_font_needs(const Tree& root) {
        if (needs_.empty() || ctx_.incomplete) return;
        const TreeEntry* fonts = root.find("fonts");
        // `fonts: x` was reported as "expected a map": the rest follows from it.
        if (fonts && fonts->value.kind != Tree::Kind::Null && !fonts->value.is_map()) return;
        // Family -> keys, in the order first needed (table order).
        std::vector<std::pair<std::string, std::vector<std::string>>> by_family;
        auto add = [&](const FontNeed& n) {
            for (auto& [family, paths] : by_family)
                if (family == n.family) return paths.push_back(n.path);
            by_family.push_back({n.family, {n.path}});
        };
        if (families_.empty()) {
            for (const auto& n : needs_) add(n);
            std::vector<std::string> wanted;
            for (const auto& [family, paths] : by_family)
                wanted.push_back("'" + family + "' (for " + join_and(paths) + ")");
            std::string need = join_and(wanted) + ", each with at least a 'regular' TrueType file";
            if (fonts) {
                error(fonts->key_span, "'fonts' defines no font families; the style needs " + need);
            } else {
                // At the start of the named file: no key is nearer to the fix.
                std::string message;
                if (ctx_.chain.size() >= 2)
                    message = "no fonts are defined in this file" + chain_note() + ": add a 'fonts:' map, usually to " +
                              ctx_.chain.back() + " (the base of the chain), with ";
                else if (root.map.empty())
                    message = "the style file sets nothing, but fonts are required: add a 'fonts:' map with ";
                else
                    message = "no fonts are defined: add a 'fonts:' map with ";
                error(ctx_.document, message + need);
            }
            return;
        }
        for (const auto& n : needs_)
            if (n.unset) add(n);
        for (const auto& [family, paths] : by_family) {
            base::Span at = fonts ? fonts->key_span : ctx_.document;
            if (paths.size() == 1)
                if (const TreeEntry* m = nearest_mapping(root, paths.front())) at = m->key_span;
            std::string defined_here = "fonts" + other_file(fonts ? fonts->key_span : base::Span{}, at) +
                                       " defines " + base::join_alternatives(families_);
            std::string subject = paths.size() == 1 ? "'" + paths.front() + "' is not set and its"
                                                    : join_and(paths) + " are not set and their";
            error(at, subject + " default family '" + family + "' is not defined under fonts (" + defined_here + ")");
        }
    }

    bool check_template(const Param& p, const std::string& path, const std::string& text, const Tree* node) {
        base::Span at = node ? node->span : base::Span{};
        auto fields = template_fields(text);
        if (!fields.value) {
            error(at, fields.error + " for '" + path + "'");
            return false;
        }
        std::vector<std::string> shown;
        for (const auto& c : p.choices) shown.push_back("{" + c + "}");
        bool ok = true;
        for (const auto& f : *fields.value) {
            bool known = false;
            for (const auto& c : p.choices) known = known || c == f.name;
            if (known) continue;
            ok = false;
            std::string written = "{" + f.name + "}";
            error(field_span(at, written),
                  "unknown field '" + written + "' in '" + path + "'" +
                      base::did_you_mean(written, shown) + " (fields: " + base::join_alternatives(shown) + ")");
        }
        return ok;
    }

    /// Points at the field inside the value when it is written on the value's
    /// own line as is (no escapes in between); otherwise at the value.
    base::Span field_span(base::Span value, const std::string& written) const {
        if (!value.known() || !ctx_.sources) return value;
        const std::string& content = ctx_.sources->file(value.file).content;
        size_t eol = content.find('\n', value.offset);
        size_t hit = content.find(written, value.offset);
        if (hit == std::string::npos || (eol != std::string::npos && hit > eol)) return value;
        return {value.file, static_cast<uint32_t>(hit)};
    }

    void error(base::Span span, std::string message) {
        base::Diagnostic d;
        d.span = span;
        if (!span.known()) d.file = ctx_.top_file;
        d.message = std::move(message);
        errors_.push_back(std::move(d));
    }

    const CheckContext& ctx_;
    std::vector<base::Diagnostic>& errors_;
    std::vector<Row> table_;
    std::vector<Given> given_;
    std::map<std::string, Color> colors_;
    std::vector<std::string> families_;
    std::vector<FontNeed> needs_;
    double em_ = 10;
};

}  // namespace

Sheet build_sheet(const Tree& root, const CheckContext& context, std::vector<base::Diagnostic>& errors) {
    Walker w(context, errors);
    return w.run(root);
}

}  // namespace bb::style
