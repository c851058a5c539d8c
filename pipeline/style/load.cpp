#include "style/load.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "base/utf8.h"
#include "style/check.h"
#include "style/yaml_tree.h"

namespace bb::style {

namespace {

namespace fs = std::filesystem;

/// A file on the `extends` chain being loaded (to detect loops).
struct ChainLink {
    fs::path canonical;
    std::string display;
};

/// Reads style files and follows `extends`, registering each file in the
/// SourceMap and remembering its folder for font lookup.
class Loader {
public:
    Loader(base::SourceMap& sources, std::vector<base::Diagnostic>& errors)
        : sources_(sources), errors_(errors) {}

    /// The tree of `display` with its `extends` chain merged underneath, or
    /// nullopt when the file cannot be read (already reported at `from`, or
    /// without position for the top file).
    std::optional<Tree> load_file(const std::string& display, const fs::path& absolute,
                                  std::vector<ChainLink>& chain, base::Span from) {
        std::error_code ec;
        fs::path canonical = fs::weakly_canonical(absolute, ec);
        if (ec) canonical = absolute.lexically_normal();
        for (size_t i = 0; i < chain.size(); ++i) {
            if (chain[i].canonical != canonical) continue;
            std::string loop;
            for (size_t j = i; j < chain.size(); ++j) loop += chain[j].display + " -> ";
            error(from, "extends loop: " + loop + display);
            return std::nullopt;
        }
        std::string content;
        if (!read(display, absolute, from, content)) return std::nullopt;

        uint32_t index = sources_.add(display, content);
        dirs_[index] = {fs::path(display).parent_path().string(), absolute.parent_path()};
        if (files_.empty()) document_ = {index, 0};
        files_.push_back(display);
        if (size_t bad = base::find_invalid_utf8(content); bad != std::string::npos) {
            error({index, static_cast<uint32_t>(bad)}, "the style file is not valid UTF-8");
            unreadable_ = true;
            return empty_map(index);
        }
        Tree tree = parse_yaml(sources_, index, errors_, unreadable_);
        if (!tree.is_map()) {
            error(tree.span, "a style file is a map of settings (page:, text:, ...), not " +
                                 describe(tree.kind));
            unreadable_ = true;
            return empty_map(index);
        }
        auto it = std::find_if(tree.map.begin(), tree.map.end(),
                               [](const TreeEntry& e) { return e.key == "extends"; });
        if (it == tree.map.end()) return tree;
        TreeEntry extends = *it;
        tree.map.erase(it);
        if (extends.value.kind != Tree::Kind::Scalar || extends.value.text.empty()) {
            error(extends.value.span, "'extends' takes the path of another style file, got " +
                                          describe(extends.value.kind));
            incomplete_ = true;  // a parent was meant: its settings are unknown
            return tree;
        }
        fs::path rel{extends.value.text};
        // Only style files: a path to anything else (say /etc/passwd) would
        // be parsed as YAML and its first line quoted in the error.
        if (rel.extension() != ".yaml" && rel.extension() != ".yml") {
            error(extends.value.span, "'extends' names a style file (.yaml or .yml), not '" +
                                          extends.value.text + "'");
            incomplete_ = true;  // as for a missing parent: its settings are unknown
            return tree;
        }
        std::string parent_display =
            rel.is_absolute() ? rel.string()
                              : (fs::path(display).parent_path() / rel).lexically_normal().string();
        fs::path parent_abs = rel.is_absolute() ? rel : absolute.parent_path() / rel;
        chain.push_back({canonical, display});
        std::optional<Tree> base = load_file(parent_display, parent_abs, chain, extends.value.span);
        chain.pop_back();
        if (!base) return tree;  // reported; the child is still checked
        merge_into(*base, tree);
        return base;
    }

    /// A file of the chain could not be parsed: its settings are unknown, so
    /// checking the rest would only report missing keys that are not missing.
    bool unreadable() const { return unreadable_; }
    /// A parent named by extends could not be read at all (missing, a
    /// directory, not a style file): the files read are still checked, but
    /// not for what the parent might have defined (CheckContext::incomplete).
    bool incomplete() const { return incomplete_; }
    /// The start of the first file read (the named style file).
    base::Span document() const { return document_; }
    /// Display names of the files read, in reading order.
    const std::vector<std::string>& files() const { return files_; }

    StyleDir dir_of(uint32_t file) const {
        auto it = dirs_.find(file);
        return it == dirs_.end() ? StyleDir{} : it->second;
    }

private:
    bool read(const std::string& display, const fs::path& absolute, base::Span from, std::string& out) {
        std::error_code ec;
        auto st = fs::status(absolute, ec);
        std::string what = from.known() ? "style file '" + display + "' named by extends"
                                        : "style file '" + display + "'";
        if (!fs::exists(st)) {
            fail_read(display, from, what + " does not exist");
            return false;
        }
        if (fs::is_directory(st)) {
            fail_read(display, from, what + " is a directory");
            return false;
        }
        std::ifstream in(absolute, std::ios::binary);
        std::ostringstream buf;
        buf << in.rdbuf();
        if (!in) {
            fail_read(display, from, "cannot read " + what);
            return false;
        }
        out = buf.str();
        return true;
    }

    void fail_read(const std::string& display, base::Span from, std::string message) {
        if (from.known()) incomplete_ = true;  // a parent: its settings are unknown
        base::Diagnostic d;
        d.span = from;
        if (!from.known()) d.file = display;
        d.message = std::move(message);
        errors_.push_back(std::move(d));
    }

    static Tree empty_map(uint32_t file) {
        Tree t;
        t.kind = Tree::Kind::Map;
        t.span = {file, 0};
        return t;
    }

    void error(base::Span span, std::string message) {
        base::Diagnostic d;
        d.span = span;
        d.message = std::move(message);
        errors_.push_back(std::move(d));
    }

    base::SourceMap& sources_;
    std::vector<base::Diagnostic>& errors_;
    std::map<uint32_t, StyleDir> dirs_;
    std::vector<std::string> files_;
    base::Span document_;
    bool unreadable_ = false;
    bool incomplete_ = false;
};

}  // namespace

std::optional<Sheet> load(const std::string& path, base::SourceMap& sources, base::Sink& sink) {
    std::vector<base::Diagnostic> errors;
    Loader loader(sources, errors);
    std::vector<ChainLink> chain;
    std::error_code ec;
    fs::path absolute = fs::absolute(path, ec);
    if (ec) absolute = path;
    std::optional<Tree> tree = loader.load_file(path, absolute, chain, {});
    std::optional<Sheet> sheet;
    if (tree && !loader.unreadable()) {
        CheckContext ctx;
        ctx.sources = &sources;
        ctx.dir_of = [&loader](uint32_t file) { return loader.dir_of(file); };
        ctx.top_file = path;
        ctx.document = loader.document();
        ctx.chain = loader.files();
        ctx.incomplete = loader.incomplete();
        sheet = build_sheet(*tree, ctx, errors);
        sheet->path = path;
    }
    // Report in reading order: by file (as registered), then by position;
    // errors with no position last. Stable, so the same file gives the same list.
    std::stable_sort(errors.begin(), errors.end(), [](const base::Diagnostic& a, const base::Diagnostic& b) {
        auto key = [](const base::Diagnostic& d) {
            return std::pair<uint64_t, uint32_t>(d.span.known() ? d.span.file : UINT64_MAX, d.span.offset);
        };
        return key(a) < key(b);
    });
    for (auto& d : errors) sink.add(std::move(d));
    if (!errors.empty()) return std::nullopt;
    return sheet;
}

}  // namespace bb::style
