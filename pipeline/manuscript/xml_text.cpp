#include "manuscript/xml_text.h"

#include <fmt/format.h>

#include <array>
#include <cstdint>
#include <cstring>

#include "base/utf8.h"

namespace bb::manuscript {

bool is_xml_char(char32_t cp) {
    if (cp == 0x9 || cp == 0xA || cp == 0xD) return true;
    if (cp < 0x20) return false;
    if (cp >= 0xD800 && cp <= 0xDFFF) return false;
    if (cp == 0xFFFE || cp == 0xFFFF) return false;
    return cp <= 0x10FFFF;
}

bool check_characters(std::string_view bytes, uint32_t file, base::Sink& sink) {
    size_t bad = base::find_invalid_utf8(bytes);
    if (bad != std::string_view::npos) {
        sink.error({file, static_cast<uint32_t>(bad)},
                   fmt::format("invalid UTF-8 byte 0x{:02X}; manuscript files must be UTF-8",
                               static_cast<unsigned char>(bytes[bad])));
        return false;
    }
    for (size_t i = 0; i < bytes.size();) {
        // Most of a manuscript is printable ASCII: eight bytes at a time
        // while none is below 0x20 or above 0x7F (a line end stops it).
        if (i + 8 <= bytes.size()) {
            uint64_t w;
            std::memcpy(&w, bytes.data() + i, 8);
            constexpr uint64_t kHigh = 0x8080808080808080ull, kSpaces = 0x2020202020202020ull;
            if (((w | ((w - kSpaces) & ~w)) & kHigh) == 0) {
                i += 8;
                continue;
            }
        }
        const unsigned char b = static_cast<unsigned char>(bytes[i]);
        if (b >= 0x20 && b < 0x80) {
            ++i;
            continue;
        }
        size_t at = i;
        char32_t cp = base::next_code_point(bytes, i);
        if (!is_xml_char(cp))
            sink.error({file, static_cast<uint32_t>(at)},
                       fmt::format("control character U+{:04X} is not allowed in XML", static_cast<uint32_t>(cp)));
    }
    return true;
}

namespace {
bool is_name_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
           c == '-' || c == '.' || c == ':' || c == '#';
}

// Value of a numeric reference body ("#233" or "#x2014"), or -1 when malformed.
long long numeric_value(std::string_view body) {
    bool hex = body.size() > 1 && (body[1] == 'x');
    size_t start = hex ? 2 : 1;
    if (start >= body.size()) return -1;
    long long v = 0;
    for (size_t i = start; i < body.size(); ++i) {
        char c = body[i];
        int d;
        if (c >= '0' && c <= '9') d = c - '0';
        else if (hex && c >= 'a' && c <= 'f') d = c - 'a' + 10;
        else if (hex && c >= 'A' && c <= 'F') d = c - 'A' + 10;
        else return -1;
        v = v * (hex ? 16 : 10) + d;
        if (v > 0x10FFFF) return 0x110000;  // out of range; stop growing
    }
    return v;
}
}  // namespace

namespace {
constexpr std::array<bool, 256> special_bytes(std::string_view bytes) {
    std::array<bool, 256> t{};
    for (char c : bytes) t[static_cast<unsigned char>(c)] = true;
    return t;
}
constexpr std::array<bool, 256> kSpecialInText = special_bytes("&\r]");
constexpr std::array<bool, 256> kSpecialInAttribute = special_bytes("&\r<\n\t");
}  // namespace

std::string decode_references(std::string_view raw, base::Span at, bool attribute, base::Sink& sink) {
    std::string out;
    out.reserve(raw.size());
    auto span_of = [&](size_t i) { return base::Span{at.file, at.offset + static_cast<uint32_t>(i)}; };
    // The bytes that need a look: '&', CR, and per context '<', tab, LF or ']'.
    const std::array<bool, 256>& table = attribute ? kSpecialInAttribute : kSpecialInText;
    auto special = [&table](char ch) { return table[static_cast<unsigned char>(ch)]; };
    for (size_t i = 0; i < raw.size(); ++i) {
        if (!special(raw[i])) {  // copy the plain stretch at once
            size_t j = i + 1;
            while (j < raw.size() && !special(raw[j])) ++j;
            out.append(raw.data() + i, j - i);
            i = j - 1;
            continue;
        }
        char c = raw[i];
        if (c == '\r') {  // CRLF and lone CR are line ends (XML 1.0 §2.11)
            if (i + 1 < raw.size() && raw[i + 1] == '\n') ++i;
            out += attribute ? ' ' : '\n';
            continue;
        }
        if (attribute && (c == '\n' || c == '\t')) {
            out += ' ';
            continue;
        }
        if (attribute && c == '<') {
            sink.error(span_of(i), "'<' is not allowed in an attribute value; write &lt;");
            out += c;
            continue;
        }
        if (!attribute && c == ']' && raw.substr(i, 3) == "]]>") {
            sink.error(span_of(i), "']]>' is not allowed in text; write ]]&gt;");
            out += "]]>";
            i += 2;
            continue;
        }
        if (c != '&') {
            out += c;
            continue;
        }
        // A reference runs to ';' over name characters; anything else is a bare '&'.
        size_t j = i + 1;
        while (j < raw.size() && is_name_char(raw[j]) && j - i < 40) ++j;
        if (j >= raw.size() || raw[j] != ';' || j == i + 1) {
            sink.error(span_of(i), "bare '&'; write &amp; for an ampersand");
            out += c;
            continue;
        }
        std::string_view body = raw.substr(i + 1, j - i - 1);
        std::string_view whole = raw.substr(i, j - i + 1);
        if (body == "amp") out += '&';
        else if (body == "lt") out += '<';
        else if (body == "gt") out += '>';
        else if (body == "quot") out += '"';
        else if (body == "apos") out += '\'';
        else if (body[0] == '#') {
            long long v = numeric_value(body);
            if (v < 0) {
                sink.error(span_of(i), fmt::format("malformed character reference '{}'", whole));
                out += whole;
            } else if (!is_xml_char(static_cast<char32_t>(v))) {
                sink.error(span_of(i), fmt::format("character reference '{}' is not a valid XML character", whole));
                out += whole;
            } else {
                base::append_utf8(out, static_cast<char32_t>(v));
            }
        } else {
            sink.error(span_of(i),
                       fmt::format("undefined entity '{}'; only &amp; &lt; &gt; &quot; &apos; and numeric "
                                   "references like &#160; are allowed",
                                   whole));
            out += whole;
        }
        i = j;
    }
    return out;
}

}  // namespace bb::manuscript
