#include "epub/render.h"

#include <fmt/format.h>

namespace bb::epub {

using model::BlockKind;
using model::InlineKind;

bool safe_image_path(const std::string& src) {
    if (src.empty() || src.front() == '/' || src.find('\\') != std::string::npos) return false;
    size_t start = 0;
    while (start <= src.size()) {
        size_t end = src.find('/', start);
        if (end == std::string::npos) end = src.size();
        std::string seg = src.substr(start, end - start);
        if (seg.empty() || seg == "." || seg == "..") return false;
        for (unsigned char c : seg)
            if (c < 0x20 || c == '#' || c == '?' || c == '%' || c == ':') return false;
        start = end + 1;
    }
    return true;
}

std::string Renderer::local_id(const std::string& stem) {
    return fmt::format("{}_{}", stem, ++local_ids_[stem]);
}

void Renderer::link_to(Xml& x, const std::string& id, const std::string& text, model::Span span,
                       const Attrs& extra) {
    std::string href = plan_.href(id);
    if (href.empty()) {
        sink_.error(span, fmt::format("EPUB: link to '{}', which is not in the book", id));
        x.text(text);
        return;
    }
    Attrs attrs{{"href", href}};
    attrs.insert(attrs.end(), extra.begin(), extra.end());
    x.element("a", attrs, text);
}

void Renderer::inlines(Xml& x, const model::Inlines& content) {
    for (const auto& in : content) inline_one(x, in);
}

void Renderer::inline_one(Xml& x, const model::Inline& in) {
    switch (in.kind) {
        case InlineKind::Text:
            if (cursor_)
                cursor_->text(x, in.text, in.span);
            else
                x.text(in.text);
            return;
        case InlineKind::Emph: x.open("em"); inlines(x, in.children); x.close(); return;
        case InlineKind::Strong: x.open("strong"); inlines(x, in.children); x.close(); return;
        case InlineKind::Cite: x.open("cite"); inlines(x, in.children); x.close(); return;
        case InlineKind::Link:
        case InlineKind::Ref: {
            std::string href;
            if (in.kind == InlineKind::Link) {
                href = in.target;  // kept exactly as written (escaped only)
            } else {
                href = plan_.href(in.target);
                if (href.empty())
                    sink_.error(in.span, fmt::format("EPUB: ref to '{}', which is not in the book", in.target));
            }
            model::Inlines fallback;
            const model::Inlines* children = &in.children;
            if (children->empty()) {
                // An empty link shows its address (without "mailto:"); the
                // loader fills empty refs, a hand-made model may not.
                std::string shown = in.target;
                if (in.kind == InlineKind::Link) {
                    if (shown.rfind("mailto:", 0) == 0) shown = shown.substr(7);
                } else if (auto it = book_.anchors.find(in.target); it != book_.anchors.end()) {
                    shown = it->second.title;
                }
                fallback.push_back({InlineKind::Text, shown, "", {}, in.span});
                children = &fallback;
            }
            if (href.empty() || link_depth_ > 0) {
                inlines(x, *children);
                return;
            }
            x.open("a", {{"href", href}, {in.kind == InlineKind::Link ? "class" : "", "external"}});
            ++link_depth_;
            inlines(x, *children);
            --link_depth_;
            x.close();
            return;
        }
    }
}

void Renderer::blocks(Xml& x, const model::Blocks& blocks) {
    for (const auto& b : blocks) block(x, b);
}

void Renderer::block(Xml& x, const model::Block& b) {
    switch (b.kind) {
        case BlockKind::Paragraph:
            x.open("p");
            inlines(x, b.content);
            x.close().line();
            return;
        case BlockKind::List:
            x.open(b.numbered ? "ol" : "ul").line();
            for (const auto& item : b.items) {
                x.open("li");
                // An item written as inline content is one paragraph: render
                // it bare so list items do not get paragraph spacing.
                if (item.blocks.size() == 1 && item.blocks[0].kind == BlockKind::Paragraph) {
                    inlines(x, item.blocks[0].content);
                } else {
                    x.line();
                    blocks(x, item.blocks);
                }
                x.close().line();
            }
            x.close().line();
            return;
        case BlockKind::Quote:
            if (b.attribution.empty()) {
                x.open("blockquote").line();
                blocks(x, b.blocks);
                x.close().line();
            } else {
                // HTML's pattern for a quotation with its source: the
                // attribution is a caption outside the blockquote.
                x.open("figure", {{"class", "quote"}}).line();
                x.open("blockquote").line();
                blocks(x, b.blocks);
                x.close().line();
                x.open("figcaption", {{"class", "attribution"}});
                inlines(x, b.attribution);
                x.close().line();
                x.close().line();
            }
            return;
        case BlockKind::Figure: figure(x, b); return;
    }
}

std::string unique_image_name(const std::string& src, std::set<std::string>& taken) {
    std::string clean;
    for (char c : src) {
        bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
                  c == '-' || c == '_' || c == '/';
        clean += ok ? c : '-';
    }
    std::string stem = clean, ext;
    if (auto dot = clean.rfind('.'); dot != std::string::npos && clean.find('/', dot) == std::string::npos) {
        stem = clean.substr(0, dot);
        ext = clean.substr(dot);
    }
    std::string name = clean;
    for (int n = 2; taken.count(name); ++n) name = stem + "-" + std::to_string(n) + ext;
    taken.insert(name);
    return name;
}

const std::string& Renderer::image_name(const std::string& src) {
    auto it = facts_.images.find(src);
    if (it != facts_.images.end()) return it->second;
    facts_.image_order.push_back(src);
    return facts_.images.emplace(src, unique_image_name(src, image_names_)).first->second;
}

std::string Renderer::begin_chunk(size_t chunk) {
    local_ids_.clear();
    if (!marks_) return {};
    cursor_.emplace(*marks_, chunk);
    return cursor_->begin();
}

void Renderer::figure(Xml& x, const model::Block& b) {
    if (!safe_image_path(b.src)) {
        sink_.error(b.span, fmt::format("EPUB: figure source '{}' is not a path inside manuscript/images", b.src));
        return;
    }
    const std::string& stored = image_name(b.src);
    ++facts_.figures;
    if (b.alt.empty()) ++facts_.figures_without_alt;
    x.open("figure", {{"class", "figure"}}).line();
    x.empty("img", {{"src", "../images/" + stored}, {"alt", b.alt}}).line();
    if (!b.caption.empty()) {
        x.open("figcaption");
        inlines(x, b.caption);
        x.close().line();
    }
    x.close().line();
}

}  // namespace bb::epub
