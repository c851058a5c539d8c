#include "typeset/inlines.h"

namespace bb::typeset {

namespace {

struct State {
    bool bold, italic;
    std::string uri, anchor;
    bool generated = false;  ///< text the printer adds (a ref's ", p. 12")
};

/// `s` with every "{page}" replaced by `page`; `at` gets where each copy of
/// `page` is in the result.
std::string with_page(std::string s, const std::string& page, std::vector<uint32_t>& at) {
    static const std::string kPage = "{page}";
    for (size_t i = s.find(kPage); i != std::string::npos; i = s.find(kPage, i + page.size())) {
        s.replace(i, kPage.size(), page);
        at.push_back(static_cast<uint32_t>(i));
    }
    return s;
}

/// Walks the generated text `text` and records the page numbers in it,
/// at `at`, as folios of the piece the text ends up in.
void add_generated(const std::string& text, const std::vector<uint32_t>& at, uint32_t length,
                   const std::string& anchor, const State& st, const std::string& ref_print, const PageOf& page_of,
                   const base::Span& span, Pieces& out);

void walk(const model::Inlines& content, const State& st, const std::string& ref_print, const PageOf& page_of,
          Pieces& out) {
    for (const auto& in : content) {
        State s = st;
        switch (in.kind) {
            case model::InlineKind::Text: {
                Piece p;
                p.text = in.text;
                p.bold = st.bold;
                p.italic = st.italic;
                p.uri = st.uri;
                p.anchor = st.anchor;
                p.span = in.span;
                if (!st.generated && in.span.known())
                    p.origins.push_back({0, static_cast<uint32_t>(p.text.size()), in.span});
                // Adjacent pieces with the same style merge, so kerning and
                // break rules see one word where the manuscript had one.
                if (!out.empty() && out.back().bold == p.bold && out.back().italic == p.italic &&
                    out.back().uri == p.uri && out.back().anchor == p.anchor) {
                    Piece& prev = out.back();
                    for (Origin o : p.origins) {
                        o.at += static_cast<uint32_t>(prev.text.size());
                        prev.origins.push_back(o);
                    }
                    for (Folio f : p.folios) {
                        f.at += static_cast<uint32_t>(prev.text.size());
                        prev.folios.push_back(std::move(f));
                    }
                    prev.text += p.text;
                } else {
                    out.push_back(std::move(p));
                }
                break;
            }
            case model::InlineKind::Emph:
            case model::InlineKind::Cite:
                s.italic = !st.italic;
                walk(in.children, s, ref_print, page_of, out);
                break;
            case model::InlineKind::Strong:
                s.bold = true;
                walk(in.children, s, ref_print, page_of, out);
                break;
            case model::InlineKind::Link:
                s.uri = in.target;
                walk(in.children, s, ref_print, page_of, out);
                break;
            case model::InlineKind::Ref: {
                s.anchor = in.target;
                std::string page = page_of ? page_of(in.target) : "";
                if (ref_print.empty() || page.empty()) {
                    walk(in.children, s, ref_print, page_of, out);
                    break;
                }
                // "{title}, p. {page}": the title part keeps the ref's own
                // markup, the rest is plain text in the surrounding style.
                size_t at = ref_print.find("{title}");
                std::vector<uint32_t> pages_before, pages_after;
                std::string before = with_page(at == std::string::npos ? "" : ref_print.substr(0, at), page,
                                               pages_before);
                std::string after =
                    with_page(at == std::string::npos ? ref_print : ref_print.substr(at + 7), page, pages_after);
                State added = s;
                added.generated = true;
                const auto length = static_cast<uint32_t>(page.size());
                add_generated(before, pages_before, length, in.target, added, ref_print, page_of, in.span, out);
                if (at != std::string::npos) walk(in.children, s, ref_print, page_of, out);
                add_generated(after, pages_after, length, in.target, added, ref_print, page_of, in.span, out);
                break;
            }
        }
    }
}

void add_generated(const std::string& text, const std::vector<uint32_t>& at, uint32_t length,
                   const std::string& anchor, const State& st, const std::string& ref_print, const PageOf& page_of,
                   const base::Span& span, Pieces& out) {
    if (text.empty()) return;
    walk({model::Inline{model::InlineKind::Text, text, "", {}, span}}, st, ref_print, page_of, out);
    // The text is now the end of the last piece (merged or new).
    const auto start = static_cast<uint32_t>(out.back().text.size() - text.size());
    for (uint32_t a : at) out.back().folios.push_back(Folio{start + a, length, anchor});
}

}  // namespace

Pieces flatten(const model::Inlines& content, bool bold, bool italic, const std::string& reference_print,
               const PageOf& page_of) {
    Pieces out;
    walk(content, State{bold, italic, "", "", false}, reference_print, page_of, out);
    return out;
}

Pieces plain(const std::string& text, base::Span span, bool bold, bool italic) {
    Piece p;
    p.text = text;
    p.span = span;
    p.bold = bold;
    p.italic = italic;
    return {p};
}

}  // namespace bb::typeset
