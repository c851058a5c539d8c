#include "manuscript/xml_reader.h"

#include <fmt/format.h>

#include <pugixml.hpp>

#include "manuscript/xml_text.h"

namespace bb::manuscript {

namespace {

bool is_name_end(char c) { return is_xml_space(c) || c == '/' || c == '>' || c == '='; }

std::string name_at(std::string_view buf, size_t p) {
    size_t e = p;
    while (e < buf.size() && !is_name_end(buf[e]) && buf[e] != '<') ++e;
    return std::string(buf.substr(p, e - p));
}

/// Scans the markup before `limit` and returns the stack of open element
/// names (outermost first). Used only after pugixml reported a mismatch, to
/// name the element that is still open.
std::vector<std::string> open_elements(std::string_view buf, size_t limit) {
    std::vector<std::string> stack;
    size_t i = 0;
    auto skip_to = [&](std::string_view end) {
        size_t e = buf.find(end, i);
        i = e == std::string_view::npos ? limit : e + end.size();
    };
    while (i < limit) {
        if (buf[i] != '<') { ++i; continue; }
        std::string_view rest = buf.substr(i);
        if (rest.substr(0, 4) == "<!--") skip_to("-->");
        else if (rest.substr(0, 9) == "<![CDATA[") skip_to("]]>");
        else if (rest.substr(0, 2) == "<?") skip_to("?>");
        else if (rest.substr(0, 2) == "<!") skip_to(">");
        else if (rest.substr(0, 2) == "</") {
            if (!stack.empty()) stack.pop_back();
            skip_to(">");
        } else {
            stack.push_back(name_at(buf, i + 1));
            // Skip the start tag, honouring quoted attribute values.
            size_t j = i + 1;
            char quote = 0;
            for (; j < buf.size(); ++j) {
                char c = buf[j];
                if (quote) { if (c == quote) quote = 0; continue; }
                if (c == '"' || c == '\'') quote = c;
                else if (c == '>') break;
            }
            if (j < buf.size() && j > 0 && buf[j - 1] == '/') stack.pop_back();
            i = j + 1;
        }
    }
    return stack;
}

std::string parse_error_message(const pugi::xml_parse_result& r, std::string_view buf, bool at_eof) {
    if (at_eof) {
        auto open = open_elements(buf, buf.size());
        if (!open.empty()) return fmt::format("unexpected end of file; <{}> is not closed", open.back());
        return "unexpected end of file";
    }
    switch (r.status) {
        case pugi::status_unrecognized_tag:
            return "malformed tag (a '<' in text must be written &lt;)";
        case pugi::status_bad_pi: return "malformed processing instruction or XML declaration";
        case pugi::status_bad_comment: return "malformed comment";
        case pugi::status_bad_cdata: return "malformed CDATA section";
        case pugi::status_bad_doctype: return "malformed DOCTYPE (and DOCTYPE is not allowed)";
        case pugi::status_bad_pcdata: return "malformed text";
        case pugi::status_bad_start_element: return "malformed start tag";
        case pugi::status_bad_attribute: return "malformed attribute (values must be quoted)";
        case pugi::status_bad_end_element: return "malformed end tag";
        case pugi::status_end_element_mismatch: {
            size_t off = static_cast<size_t>(r.offset);
            std::string closing = name_at(buf, off);
            auto open = open_elements(buf, off >= 2 ? off - 2 : 0);
            if (open.empty()) return fmt::format("end tag </{}> has no matching start tag", closing);
            return fmt::format("end tag </{}> does not match <{}>", closing, open.back());
        }
        case pugi::status_no_document_element: return "no root element";
        default: return fmt::format("XML error: {}", r.description());
    }
}

struct Reader {
    uint32_t file;
    std::string_view buf;
    base::Sink& sink;
    bool depth_reported = false;

    base::Span span(size_t off) const { return {file, static_cast<uint32_t>(off)}; }

    // Attributes are read from the start tag in the buffer (pugixml keeps no
    // positions for them); pugixml has already checked the tag is well-formed.
    void read_attributes(size_t name_off, XNode& node) {
        size_t p = name_off;
        auto at_end = [&] { return p >= buf.size(); };
        while (!at_end() && !is_name_end(buf[p])) ++p;
        for (;;) {
            while (!at_end() && is_xml_space(buf[p])) ++p;
            if (at_end() || buf[p] == '/' || buf[p] == '>') return;
            size_t name_start = p;
            while (!at_end() && !is_name_end(buf[p])) ++p;
            std::string name(buf.substr(name_start, p - name_start));
            while (!at_end() && is_xml_space(buf[p])) ++p;
            if (at_end() || buf[p] != '=') return;
            ++p;
            while (!at_end() && is_xml_space(buf[p])) ++p;
            if (at_end()) return;
            char quote = buf[p++];
            size_t value_start = p;
            while (!at_end() && buf[p] != quote) ++p;
            std::string_view raw = buf.substr(value_start, p - value_start);
            ++p;
            if (node.attr(name)) {
                sink.error(span(name_start), fmt::format("duplicate attribute '{}' on <{}>", name, node.name));
                continue;
            }
            XAttr a;
            a.name = std::move(name);
            a.name_span = span(name_start);
            a.value_span = span(value_start);
            a.value = decode_references(raw, a.value_span, true, sink);
            node.attrs.push_back(std::move(a));
        }
    }

    XNode text_node(const pugi::xml_node& n) {
        XNode t;
        t.is_text = true;
        size_t off = static_cast<size_t>(n.offset_debug());
        t.span = span(off);
        if (n.type() == pugi::node_cdata) {
            std::string_view v = n.value();
            for (size_t i = 0; i < v.size(); ++i) {
                if (v[i] == '\r') {
                    if (i + 1 < v.size() && v[i + 1] == '\n') ++i;
                    t.text += '\n';
                } else {
                    t.text += v[i];
                }
            }
        } else {
            size_t end = buf.find('<', off);
            if (end == std::string_view::npos) end = buf.size();
            t.text = decode_references(buf.substr(off, end - off), t.span, false, sink);
        }
        // Point at the first visible character (white space is copied verbatim
        // from the source, so skipping it there gives the exact offset).
        size_t lead = off;
        while (lead < buf.size() && is_xml_space(buf[lead])) ++lead;
        if (lead < buf.size() && buf[lead] != '<') t.span = span(lead);
        return t;
    }

    // Recursion is bounded by kMaxDepth; deeper elements are dropped.
    XNode element(const pugi::xml_node& n, int depth) {
        XNode e;
        e.name = n.name();
        size_t off = static_cast<size_t>(n.offset_debug());
        e.span = span(off);
        read_attributes(off, e);
        // Room for every child at once: growing the vector moved and
        // destroyed nodes (`bookbuild check` of 100 guides: 196 -> 192 M
        // instructions).
        size_t children = 0;
        for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling()) ++children;
        e.children.reserve(children);
        for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling()) {
            switch (c.type()) {
                case pugi::node_pcdata:
                case pugi::node_cdata: e.children.push_back(text_node(c)); break;
                case pugi::node_element:
                    if (depth + 1 >= kMaxDepth) {
                        if (!depth_reported)
                            sink.error(span(static_cast<size_t>(c.offset_debug())),
                                       fmt::format("elements are nested more than {} levels deep", kMaxDepth));
                        depth_reported = true;
                        e.truncated = true;
                        break;
                    }
                    e.children.push_back(element(c, depth + 1));
                    break;
                default: break;  // comments and processing instructions are not content
            }
        }
        return e;
    }

    // Text outside the root element is dropped silently by pugixml.
    void check_prologue(size_t root_lt) {
        size_t i = buf.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
        while (i < root_lt) {
            if (is_xml_space(buf[i])) { ++i; continue; }
            std::string_view rest = buf.substr(i, root_lt - i);
            size_t e = std::string_view::npos;
            if (rest.substr(0, 4) == "<!--") e = buf.find("-->", i), e = e == std::string_view::npos ? e : e + 3;
            else if (rest.substr(0, 2) == "<?") e = buf.find("?>", i), e = e == std::string_view::npos ? e : e + 2;
            else if (rest.substr(0, 2) == "<!") return;  // a DOCTYPE: reported on its own
            else {
                sink.error(span(i), "text before the root element");
                return;
            }
            if (e == std::string_view::npos) return;
            i = e;
        }
    }

    void check_epilogue() {
        size_t end = buf.size();
        for (;;) {
            while (end > 0 && is_xml_space(buf[end - 1])) --end;
            std::string_view head = buf.substr(0, end);
            if (head.size() >= 3 && head.substr(head.size() - 3) == "-->") {
                size_t s = head.rfind("<!--");
                if (s == std::string_view::npos) break;
                end = s;
            } else if (head.size() >= 2 && head.substr(head.size() - 2) == "?>") {
                size_t s = head.rfind("<?");
                if (s == std::string_view::npos) break;
                end = s;
            } else {
                break;
            }
        }
        if (end == 0 || buf[end - 1] == '>') return;
        size_t gt = buf.rfind('>', end - 1);
        size_t s = gt == std::string_view::npos ? 0 : gt + 1;
        while (s < end && is_xml_space(buf[s])) ++s;
        sink.error(span(s), "text after the root element");
    }
};

}  // namespace

std::optional<XNode> read_xml(uint32_t file, const base::SourceMap& sources, int depth, base::Sink& sink) {
    return read_xml(file, std::string_view(sources.file(file).content), depth, sink);
}

std::optional<XNode> read_xml(uint32_t file, std::string_view buf, int depth, base::Sink& sink) {
    if (buf.size() > kMaxFileBytes) {  // runaway input: refused before any pass looks at it
        sink.error({file, 0}, fmt::format("the file is {:.1f} MB; a manuscript file may be at most {} MB",
                                          static_cast<double>(buf.size()) / (1024 * 1024), kMaxFileBytes >> 20));
        return std::nullopt;
    }
    if (!check_characters(buf, file, sink)) return std::nullopt;
    // A NUL byte (already reported) ends pugixml's strings early and would
    // only add confusing echoes ("end tag </\0...>"): the file is not parsed.
    if (buf.find('\0') != std::string_view::npos) return std::nullopt;

    pugi::xml_document doc;
    // Without parse_escapes pugixml leaves every reference raw, so undefined
    // entities and bare '&' can be reported; without parse_eol text keeps its
    // exact bytes, so positions inside it stay exact (libraries.md §3).
    unsigned flags = (pugi::parse_default & ~pugi::parse_escapes & ~pugi::parse_eol) | pugi::parse_ws_pcdata |
                     pugi::parse_doctype | pugi::parse_declaration;
    pugi::xml_parse_result r = doc.load_buffer(buf.data(), buf.size(), flags, pugi::encoding_utf8);
    Reader reader{file, buf, sink};
    if (!r) {
        size_t off = static_cast<size_t>(std::max<ptrdiff_t>(0, r.offset));
        if (r.status == pugi::status_no_document_element) off = 0;
        bool at_eof = r.status != pugi::status_no_document_element && off + 1 >= buf.size();
        if (at_eof) {  // point just after the last thing written
            off = buf.size();
            while (off > 0 && is_xml_space(buf[off - 1])) --off;
        }
        sink.error(reader.span(off), parse_error_message(r, buf, at_eof));
        return std::nullopt;
    }

    pugi::xml_node first_root;
    size_t roots = 0;
    bool doctype = false;
    for (pugi::xml_node c = doc.first_child(); c; c = c.next_sibling()) {
        if (c.type() == pugi::node_doctype) {
            size_t off = static_cast<size_t>(c.offset_debug());
            size_t lt = buf.rfind("<!", off);
            sink.error(reader.span(lt == std::string_view::npos ? off : lt + 2),
                       "DOCTYPE is not allowed in a manuscript file");
            doctype = true;
        } else if (c.type() == pugi::node_declaration) {
            std::string enc = c.attribute("encoding").value();
            for (auto& ch : enc) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
            if (!enc.empty() && enc != "utf-8" && enc != "utf8")
                sink.error(reader.span(static_cast<size_t>(c.offset_debug())),
                           fmt::format("encoding '{}' is not supported; manuscript files are UTF-8",
                                       c.attribute("encoding").value()));
        } else if (c.type() == pugi::node_element) {
            if (++roots == 1) first_root = c;
            else
                sink.error(reader.span(static_cast<size_t>(c.offset_debug())),
                           fmt::format("second root element <{}>; a file holds exactly one root element (<{}>)",
                                       c.name(), first_root.name()));
        }
    }
    if (!first_root) {
        sink.error(reader.span(0), "no root element");
        return std::nullopt;
    }
    if (!doctype) reader.check_prologue(static_cast<size_t>(first_root.offset_debug()) - 1);
    if (roots == 1) reader.check_epilogue();
    return reader.element(first_root, depth);
}

}  // namespace bb::manuscript
