#include "manuscript/includes.h"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <vector>

#include "base/atomic_file.h"
#include "base/threads.h"
#include "model/book.h"
#include "manuscript/load.h"
#include "manuscript/parse_ahead.h"
#include "manuscript/xml_reader.h"

namespace bb::manuscript {

namespace fs = std::filesystem;

std::string display_path(const std::string& dir, const std::string& rel) {
    if (dir.empty() || dir == ".") return rel;
    std::string d = dir;
    while (d.size() > 1 && d.back() == '/') d.pop_back();
    return d == "/" ? d + rel : d + "/" + rel;
}

std::string resolve_href(std::string_view from, std::string_view href, std::string& out) {
    if (href.empty()) return "empty include href";
    if (href.front() == '/' || href.find('\\') != std::string_view::npos ||
        (href.size() > 1 && href[1] == ':') || href.find("://") != std::string_view::npos)
        return fmt::format("include '{}' must be a path relative to the including file", href);
    std::vector<std::string> parts;
    size_t slash = from.rfind('/');
    std::string_view base = slash == std::string_view::npos ? std::string_view() : from.substr(0, slash);
    auto push = [&](std::string_view path) -> bool {
        size_t start = 0;
        for (size_t i = 0; i <= path.size(); ++i) {
            if (i < path.size() && path[i] != '/') continue;
            std::string_view p = path.substr(start, i - start);
            start = i + 1;
            if (p.empty() || p == ".") continue;
            if (p == "..") {
                if (parts.empty()) return false;
                parts.pop_back();
            } else {
                parts.emplace_back(p);
            }
        }
        return true;
    };
    push(base);
    if (!push(href)) return fmt::format("include '{}' leads outside the manuscript folder", href);
    if (parts.empty()) return fmt::format("include '{}' names the manuscript folder, not a file", href);
    out.clear();
    for (size_t i = 0; i < parts.size(); ++i) out += (i ? "/" : "") + parts[i];
    return "";
}

Confinement::Confinement(const std::string& root) {
    std::error_code ec;
    fs::path r = fs::canonical(root, ec);
    if (!ec) root_ = r.string();
}

std::string Confinement::canonical(const std::string& target) {
    std::error_code ec;
    const fs::path path(target);
    const fs::path name = path.filename();
    const fs::file_status link = fs::symlink_status(path, ec);
    if (ec || !fs::exists(link)) return "";
    if (fs::is_symlink(link) || name.empty() || name == "." || name == "..") {
        fs::path t = fs::canonical(path, ec);
        return ec ? "" : t.string();
    }
    const std::string folder = path.parent_path().string();
    auto it = folders_.find(folder);
    if (it == folders_.end()) {
        fs::path f = fs::canonical(folder.empty() ? "." : folder, ec);
        it = folders_.emplace(folder, ec ? "" : f.string()).first;
    }
    return it->second.empty() ? "" : (fs::path(it->second) / name).string();
}

std::string Confinement::canonical_inside(const std::string& target) {
    if (root_.empty()) return "";
    const std::string canon = canonical(target);
    if (canon.empty()) return "";
    const fs::path t(canon), r(root_);
    auto ri = r.begin(), ti = t.begin();
    for (; ri != r.end(); ++ri, ++ti)
        if (ti == t.end() || *ri != *ti) return "";
    return ti != t.end() ? t.string() : "";
}

bool stays_inside(const std::string& root, const std::string& target) {
    return !Confinement(root).canonical_inside(target).empty();
}

namespace {

struct Includer {
    std::string dir;
    base::SourceMap& sources;
    base::Sink& sink;
    std::vector<std::pair<std::string, std::string>> chain;  // (canonical, display) of files being read
    std::map<std::string, base::Span> included;              // canonical → include that first read it
    ParseAhead& ahead;                                       // parses the files about to be included
    base::Progress* progress;                                // counts the files read (may be null)
    Confinement inside{dir.empty() ? "." : dir};

    std::string where(base::Span s) const {
        base::LineCol lc = sources.line_col(s);
        return fmt::format("{}:{}:{}", sources.file(s.file).path, lc.line, lc.column);
    }

    // Reads one file (rel to the manuscript folder) and resolves its includes.
    std::optional<XNode> read(const std::string& rel, int depth) {
        base::progress_advance(progress);
        if (std::optional<ParsedFile> parsed = ahead.take(dir.empty() ? rel : dir + "/" + rel, depth)) {
            if (!parsed->read_ok) {
                sink.error_in(display_path(dir, rel), "cannot read the file");
                return std::nullopt;
            }
            uint32_t file = sources.add(display_path(dir, rel), std::move(parsed->bytes));
            assign_file(*parsed, file);
            for (base::Diagnostic& d : parsed->diagnostics) sink.add(std::move(d));
            if (parsed->root) resolve(*parsed->root, rel, depth);
            return std::move(parsed->root);
        }
        std::string bytes;
        if (!base::read_file(dir.empty() ? rel : dir + "/" + rel, bytes)) {
            sink.error_in(display_path(dir, rel), "cannot read the file");
            return std::nullopt;
        }
        uint32_t file = sources.add(display_path(dir, rel), std::move(bytes));
        std::optional<XNode> root = read_xml(file, sources, depth, sink);
        if (root) resolve(*root, rel, depth);
        return root;
    }

    // Walks the tree (depth is bounded by the reader) replacing includes.
    void resolve(XNode& node, const std::string& rel, int depth) {
        queue_includes(node, rel, depth);
        for (size_t i = 0; i < node.children.size();) {
            XNode& c = node.children[i];
            if (c.is_text) { ++i; continue; }
            if (c.name != "include") {
                resolve(c, rel, depth + 1);
                ++i;
                continue;
            }
            std::optional<XNode> root = include(c, rel, depth + 1);
            if (root) {
                node.children[i] = std::move(*root);
            } else {
                // Kept as a marker so later passes do not also report the
                // element it should have brought in as missing.
                c.failed_include = true;
                c.children.clear();
            }
            ++i;
        }
    }

    // Starts parsing the files `node`'s includes name, so they are ready
    // (or nearly) when the loop in resolve() reaches them. Only regular files
    // inside the manuscript folder are read early; include() still makes
    // every check and reports every problem, in order.
    void queue_includes(const XNode& node, const std::string& rel, int depth) {
        for (const XNode& c : node.children) {
            if (c.is_text || c.name != "include") continue;
            const XAttr* href = c.attr("href");
            std::string target;
            if (!href || !resolve_href(rel, href->value, target).empty()) continue;
            std::string path = dir.empty() ? target : dir + "/" + target;
            std::error_code ec;
            if (!fs::is_regular_file(path, ec) || inside.canonical_inside(path).empty()) continue;
            ahead.queue(path, depth + 1);
        }
    }

    std::optional<XNode> include(const XNode& inc, const std::string& from, int depth) {
        for (const auto& a : inc.attrs)
            if (a.name != "href")
                sink.error(a.name_span, fmt::format("unknown attribute '{}' on <include>; expected 'href'", a.name));
        for (const auto& c : inc.children)
            if (!c.is_text || !is_blank(c.text)) {
                sink.error(c.span, "<include> must be empty");
                break;
            }
        const XAttr* href = inc.attr("href");
        if (!href) {
            sink.error(inc.span, "<include> is missing attribute 'href'");
            return std::nullopt;
        }
        std::string rel;
        std::string problem = resolve_href(from, href->value, rel);
        if (!problem.empty()) {
            sink.error(href->name_span, problem);
            return std::nullopt;
        }
        std::string path = dir.empty() ? rel : dir + "/" + rel;
        std::error_code ec;
        if (!fs::exists(path, ec)) {
            sink.error(href->name_span, fmt::format("included file '{}' does not exist", display_path(dir, rel)));
            return std::nullopt;
        }
        std::string canon = inside.canonical_inside(path);
        if (canon.empty()) {
            sink.error(href->name_span,
                       fmt::format("include '{}' leads outside the manuscript folder through a symbolic link",
                                   href->value));
            return std::nullopt;
        }
        if (!fs::is_regular_file(path, ec)) {
            sink.error(href->name_span, fmt::format("included path '{}' is not a file", display_path(dir, rel)));
            return std::nullopt;
        }
        for (size_t k = 0; k < chain.size(); ++k)
            if (chain[k].first == canon) {
                std::string cycle;
                for (size_t j = k; j < chain.size(); ++j) cycle += chain[j].second + " -> ";
                sink.error(href->name_span, fmt::format("include cycle: {}{}", cycle, chain[k].second));
                return std::nullopt;
            }
        if (auto it = included.find(canon); it != included.end()) {
            sink.error(href->name_span, fmt::format("'{}' is already included at {}", display_path(dir, rel),
                                                    where(it->second)));
            return std::nullopt;
        }
        included[canon] = href->name_span;
        chain.emplace_back(canon, display_path(dir, rel));
        std::optional<XNode> root = read(rel, depth);
        chain.pop_back();
        if (root) {
            if (root->name == "book" || root->name == "include") {
                sink.error(href->name_span,
                           fmt::format("an included file cannot have <{}> as its root", root->name));
                return std::nullopt;
            }
            root->include_span = inc.span;
        }
        return root;
    }
};

}  // namespace

std::string peek_language(const std::string& dir) {
    std::string bytes;
    if (!base::read_file(display_path(dir, "book.xml"), bytes)) return {};
    base::Sink quiet;  // load() reads the file again and reports
    std::optional<XNode> root = read_xml(0, bytes, 0, quiet);
    if (!root) return {};
    const XAttr* lang = root->attr("lang");
    return lang ? lang->value : model::kDefaultLang;
}

std::optional<XNode> read_manuscript(const std::string& dir, base::SourceMap& sources, base::Sink& sink,
                                     const std::function<void(const std::string&)>& on_language,
                                     base::Progress* progress) {
    std::error_code ec;
    std::string book = display_path(dir, "book.xml");
    if (!fs::is_directory(dir.empty() ? "." : dir, ec)) {
        sink.error_in(dir, fmt::format("manuscript folder '{}' does not exist", dir));
        return std::nullopt;
    }
    if (!fs::is_regular_file(book, ec)) {
        sink.error_in(book, fmt::format("'{}' does not exist; the manuscript's root file is book.xml", book));
        return std::nullopt;
    }
    std::string bytes;
    if (!base::read_file(book, bytes)) {
        sink.error_in(book, "cannot read the file");
        return std::nullopt;
    }
    // One worker besides this thread per extra core (the includer itself
    // parses whatever the workers have not started).
    ParseAhead ahead(base::job_limit() - 1);
    Includer inc{dir, sources, sink, {}, {}, ahead, progress};
    std::string canon = fs::canonical(book, ec).string();
    inc.chain.emplace_back(canon, book);
    uint32_t file = sources.add(book, std::move(bytes));
    std::optional<XNode> root = read_xml(file, sources, 0, sink);
    if (root && on_language) {
        const XAttr* lang = root->attr("lang");
        on_language(lang ? lang->value : model::kDefaultLang);
    }
    if (root) inc.resolve(*root, "book.xml", 0);
    return root;
}

}  // namespace bb::manuscript
