#include "typeset/inlines.h"

namespace bb::typeset {

namespace {

struct State {
    bool bold, italic;
    std::string uri, anchor;
    bool generated = false;  ///< text the printer adds (a ref's ", p. 12")
};

void replace_all(std::string& s, const std::string& what, const std::string& with) {
    for (size_t at = s.find(what); at != std::string::npos; at = s.find(what, at + with.size()))
        s.replace(at, what.size(), with);
}

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
                std::string before = at == std::string::npos ? "" : ref_print.substr(0, at);
                std::string after = at == std::string::npos ? ref_print : ref_print.substr(at + 7);
                replace_all(before, "{page}", page);
                replace_all(after, "{page}", page);
                State added = s;
                added.generated = true;
                if (!before.empty()) walk({model::Inline{model::InlineKind::Text, before, "", {}, in.span}}, added,
                                          ref_print, page_of, out);
                if (at != std::string::npos) walk(in.children, s, ref_print, page_of, out);
                if (!after.empty())
                    walk({model::Inline{model::InlineKind::Text, after, "", {}, in.span}}, added, ref_print,
                         page_of, out);
                break;
            }
        }
    }
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
