#include "style/yaml_tree.h"

#include <yaml-cpp/yaml.h>

#include <map>

namespace bb::style {

const TreeEntry* Tree::find(std::string_view key) const {
    for (const auto& e : map)
        if (e.key == key) return &e;
    return nullptr;
}

TreeEntry* Tree::find(std::string_view key) {
    for (auto& e : map)
        if (e.key == key) return &e;
    return nullptr;
}

std::string describe(Tree::Kind kind) {
    switch (kind) {
        case Tree::Kind::Null: return "nothing";
        case Tree::Kind::Scalar: return "a single value";
        case Tree::Kind::Map: return "a map";
        case Tree::Kind::List: return "a list";
    }
    return "?";
}

namespace {

/// More nodes than any style needs: aliases can make a small file expand
/// exponentially ("billion laughs"), so conversion stops here.
constexpr size_t kMaxNodes = 100000;

struct TooManyNodes {
    base::Span at;
};

/// Converts yaml-cpp nodes, remembering positions. yaml-cpp marks are 0-based
/// and count bytes; SourceMap::span_at turns them into offsets, and SourceMap
/// later counts code points for the column.
class Converter {
public:
    Converter(const base::SourceMap* sources, uint32_t file, std::vector<base::Diagnostic>* errors)
        : sources_(sources), file_(file), errors_(errors) {}

    Tree convert(const YAML::Node& n, base::Span fallback) {
        Tree t;
        t.span = span_of(n, fallback);
        if (++count_ > kMaxNodes) throw TooManyNodes{t.span};
        switch (n.Type()) {
            case YAML::NodeType::Scalar:
                t.kind = Tree::Kind::Scalar;
                t.text = n.Scalar();
                break;
            case YAML::NodeType::Sequence:
                t.kind = Tree::Kind::List;
                for (const auto& item : n) t.list.push_back(convert(item, t.span));
                break;
            case YAML::NodeType::Map: {
                t.kind = Tree::Kind::Map;
                std::map<std::string, base::Span> seen;
                for (auto it = n.begin(); it != n.end(); ++it) {
                    base::Span key_span = span_of(it->first, t.span);
                    if (!it->first.IsScalar()) {
                        error(key_span, "a key must be a plain name, not " +
                                            std::string(it->first.IsMap() ? "a map" : "a list"));
                        continue;
                    }
                    std::string key = it->first.Scalar();
                    auto [pos, fresh] = seen.emplace(key, key_span);
                    if (!fresh) {
                        // yaml-cpp keeps the first silently; a style file that
                        // says a thing twice is almost always a mistake.
                        std::string where;
                        if (sources_ && pos->second.known())
                            where = " (first given on line " +
                                    std::to_string(sources_->line_col(pos->second).line) + ")";
                        error(key_span, "duplicate key '" + key + "'" + where);
                        continue;
                    }
                    Tree value = convert(it->second, key_span);
                    // yaml-cpp marks an empty value at the next token (often
                    // the next line); the key is where the reader looks.
                    if (value.kind == Tree::Kind::Null) value.span = key_span;
                    t.map.push_back({key, key_span, std::move(value)});
                }
                break;
            }
            default:
                t.kind = Tree::Kind::Null;
        }
        return t;
    }

    base::Span at(int line, int column) const {
        if (!sources_ || line < 0 || column < 0) return {};
        size_t col = static_cast<size_t>(column);
        // yaml-cpp skips a UTF-8 byte-order mark without counting it (measured):
        // put the bytes back so the offset lands on the right character.
        if (line == 0 && sources_->file(file_).content.rfind("\xEF\xBB\xBF", 0) == 0) col += 3;
        return sources_->span_at(file_, static_cast<size_t>(line), col);
    }

private:
    base::Span span_of(const YAML::Node& n, base::Span fallback) const {
        // An empty value (`key:`) has no mark of its own; use the key's.
        YAML::Mark m = n.Mark();
        if (m.line < 0 || m.column < 0) return fallback;
        base::Span s = at(m.line, m.column);
        return s.known() ? s : fallback;
    }

    void error(base::Span span, std::string message) {
        if (!errors_) return;
        base::Diagnostic d;
        d.span = span;
        d.message = std::move(message);
        errors_->push_back(std::move(d));
    }

    const base::SourceMap* sources_;
    uint32_t file_;
    std::vector<base::Diagnostic>* errors_;
    size_t count_ = 0;
};

}  // namespace

Tree parse_yaml(const base::SourceMap& sources, uint32_t file, std::vector<base::Diagnostic>& errors,
                bool& syntax_error) {
    Converter conv(&sources, file, &errors);
    base::Span start{file, 0};
    try {
        YAML::Node root = YAML::Load(sources.file(file).content);
        Tree t = conv.convert(root, start);
        if (t.kind == Tree::Kind::Null) {  // an empty file is an empty style
            t.kind = Tree::Kind::Map;
            t.span = start;
        }
        return t;
    } catch (const TooManyNodes& e) {
        base::Diagnostic d;
        d.span = e.at.known() ? e.at : start;
        d.message = "the style file expands to more than " + std::to_string(kMaxNodes) +
                    " values (aliases repeated?); a style needs far fewer";
        errors.push_back(std::move(d));
        syntax_error = true;
    } catch (const YAML::Exception& e) {
        base::Diagnostic d;
        d.span = conv.at(e.mark.line, e.mark.column);
        if (!d.span.known()) d.span = start;
        d.message = "YAML syntax error: " + e.msg;
        errors.push_back(std::move(d));
        syntax_error = true;
    } catch (const std::exception& e) {
        base::Diagnostic d;
        d.span = start;
        d.message = std::string("cannot parse YAML: ") + e.what();
        errors.push_back(std::move(d));
        syntax_error = true;
    }
    Tree empty;
    empty.kind = Tree::Kind::Map;
    empty.span = start;
    return empty;
}

void merge_into(Tree& base, const Tree& over) {
    // `text:` with nothing after it sets nothing; it must not wipe the
    // parent's whole group.
    if (base.is_map() && over.kind == Tree::Kind::Null) return;
    if (!base.is_map() || !over.is_map()) {
        base = over;
        return;
    }
    for (const auto& e : over.map) {
        if (TreeEntry* mine = base.find(e.key)) {
            mine->key_span = e.key_span;
            merge_into(mine->value, e.value);
        } else {
            base.map.push_back(e);
        }
    }
    base.span = over.span;
}

}  // namespace bb::style
