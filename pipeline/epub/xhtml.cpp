#include "epub/xhtml.h"

#include <stdexcept>

#include "base/utf8.h"

namespace bb::epub {

namespace {
bool allowed_in_xml(char32_t c) {
    return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD) ||
           (c >= 0x10000 && c <= 0x10FFFF);
}
}  // namespace

namespace {
/// ASCII bytes that are copied as they are: all but controls (tab and LF are
/// fine in text), & < > and CR; in attributes also " tab and LF.
struct PlainAscii {
    bool text[128], attribute[128];
    constexpr PlainAscii() : text(), attribute() {
        for (int b = 0; b < 128; ++b) {
            bool plain = (b >= 0x20 || b == '\t' || b == '\n') && b != '&' && b != '<' && b != '>';
            text[b] = plain;
            attribute[b] = plain && b != '"' && b != '\t' && b != '\n';
        }
    }
};
constexpr PlainAscii kPlain;
}  // namespace

void append_escaped(std::string& out, std::string_view s, bool attribute) {
    out.reserve(out.size() + s.size());
    const bool* plain = attribute ? kPlain.attribute : kPlain.text;
    size_t i = 0;
    while (i < s.size()) {
        // Copy the longest stretch of plain ASCII at once.
        size_t j = i;
        while (j < s.size() && static_cast<unsigned char>(s[j]) < 0x80 && plain[static_cast<unsigned char>(s[j])]) ++j;
        if (j > i) {
            out.append(s.data() + i, j - i);
            i = j;
            if (i == s.size()) break;
        }
        unsigned char b = static_cast<unsigned char>(s[i]);
        if (b < 0x80) {  // an ASCII byte that needs escaping
            ++i;
            switch (b) {
                case '&': out += "&amp;"; continue;
                case '<': out += "&lt;"; continue;
                case '>': out += "&gt;"; continue;
                case '"':
                    if (attribute) { out += "&quot;"; continue; }
                    break;
                case '\t':
                    if (attribute) { out += "&#9;"; continue; }
                    break;
                case '\n':
                    if (attribute) { out += "&#10;"; continue; }
                    break;
                case '\r': out += "&#13;"; continue;  // a raw CR would be normalised away by parsers
                default: break;
            }
            if (b < 0x20 && b != '\t' && b != '\n') out += "\xEF\xBF\xBD";
            else out += static_cast<char>(b);
            continue;
        }
        size_t start = i;
        char32_t c = base::next_code_point(s, i);
        if (!allowed_in_xml(c) || (c == 0xFFFD && !(i - start == 3 && s.substr(start, 3) == "\xEF\xBF\xBD")))
            base::append_utf8(out, 0xFFFD);
        else
            out.append(s.substr(start, i - start));
    }
}

std::string escape(std::string_view text, bool attribute) {
    std::string out;
    append_escaped(out, text, attribute);
    return out;
}

void Xml::start_tag(std::string_view tag, const Attrs& attrs) {
    out_ += '<';
    out_ += tag;
    for (const Attr& a : attrs) {
        if (a.name.empty()) continue;
        out_ += ' ';
        out_ += a.name;
        out_ += "=\"";
        append_escaped(out_, a.value, true);
        out_ += '"';
    }
}

Xml& Xml::open(std::string_view tag, const Attrs& attrs) {
    start_tag(tag, attrs);
    out_ += '>';
    stack_.emplace_back(tag);
    return *this;
}

Xml& Xml::close() {
    if (stack_.empty()) throw std::logic_error("Xml::close with no open element");
    out_ += "</";
    out_ += stack_.back();
    out_ += '>';
    stack_.pop_back();
    return *this;
}

Xml& Xml::empty(std::string_view tag, const Attrs& attrs) {
    start_tag(tag, attrs);
    out_ += "/>";
    return *this;
}

Xml& Xml::element(std::string_view tag, const Attrs& attrs, std::string_view text) {
    open(tag, attrs);
    append_escaped(out_, text);
    return close();
}

Xml& Xml::text(std::string_view text) {
    append_escaped(out_, text);
    return *this;
}

Xml& Xml::raw(std::string_view markup) {
    out_ += markup;
    return *this;
}

Xml& Xml::line() {
    out_ += '\n';
    return *this;
}

std::string Xml::finish() {
    if (!stack_.empty()) throw std::logic_error("Xml::finish with <" + stack_.back() + "> still open");
    return std::move(out_);
}

std::string xhtml_document(std::string_view lang, std::string_view title, std::string_view css_href,
                           std::string_view body, std::string_view body_type) {
    std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE html>\n";
    Xml x;
    x.open("html", {{"xmlns", "http://www.w3.org/1999/xhtml"},
                    {"xmlns:epub", "http://www.idpf.org/2007/ops"},
                    {"lang", lang},
                    {"xml:lang", lang}})
        .line();
    x.open("head").line();
    x.empty("meta", {{"charset", "utf-8"}}).line();
    x.element("title", {}, title).line();
    x.empty("link", {{"rel", "stylesheet"}, {"type", "text/css"}, {"href", css_href}}).line();
    x.close().line();
    x.open("body", {{body_type.empty() ? "" : "epub:type", body_type}}).line();
    x.raw(body);
    x.close().line();
    x.close().line();
    out += x.finish();
    return out;
}

}  // namespace bb::epub
