#include "manuscript/values.h"

#include <fmt/format.h>

#include <cctype>

#include "manuscript/xml_tree.h"

namespace bb::manuscript {

namespace {
bool all_of(std::string_view s, int (*pred)(int)) {
    if (s.empty()) return false;
    for (char c : s)
        if (!pred(static_cast<unsigned char>(c))) return false;
    return true;
}
bool is_alpha(std::string_view s) { return all_of(s, std::isalpha); }
bool is_digit(std::string_view s) { return all_of(s, std::isdigit); }
bool is_alnum(std::string_view s) { return all_of(s, std::isalnum); }

std::vector<std::string_view> split(std::string_view s, char sep) {
    std::vector<std::string_view> out;
    size_t start = 0;
    for (size_t i = 0; i <= s.size(); ++i)
        if (i == s.size() || s[i] == sep) {
            out.push_back(s.substr(start, i - start));
            start = i + 1;
        }
    return out;
}

bool starts_with_nocase(std::string_view s, std::string_view prefix) {
    if (s.size() < prefix.size()) return false;
    for (size_t i = 0; i < prefix.size(); ++i)
        if (std::tolower(static_cast<unsigned char>(s[i])) != prefix[i]) return false;
    return true;
}

bool email_shape(std::string_view v) {
    size_t at = v.find('@');
    if (at == std::string_view::npos || at == 0 || v.find('@', at + 1) != std::string_view::npos) return false;
    for (char c : v)
        if (is_xml_space(c) || c == '<' || c == '>' || c == ',' || c == ';' || c == '"') return false;
    std::string_view domain = v.substr(at + 1);
    auto labels = split(domain, '.');
    if (labels.size() < 2) return false;
    for (auto l : labels) {
        if (l.empty() || l.front() == '-' || l.back() == '-') return false;
        for (char c : l)
            if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-' && static_cast<unsigned char>(c) < 0x80)
                return false;
    }
    return is_alpha(labels.back()) && labels.back().size() >= 2;
}
}  // namespace

std::vector<std::string> split_words(std::string_view v) {
    std::vector<std::string> out;
    size_t i = 0;
    while (i < v.size()) {
        while (i < v.size() && is_xml_space(v[i])) ++i;
        size_t s = i;
        while (i < v.size() && !is_xml_space(v[i])) ++i;
        if (i > s) out.emplace_back(v.substr(s, i - s));
    }
    return out;
}

std::string check_id(std::string_view v) {
    if (v.empty()) return "empty id";
    bool ok = (std::islower(static_cast<unsigned char>(v[0])) || std::isdigit(static_cast<unsigned char>(v[0])));
    for (char c : v)
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) ok = false;
    if (!ok) return fmt::format("invalid id '{}'; ids are lower-case letters, digits and '-', starting with a letter or digit", v);
    if (v.find("--") != std::string_view::npos)
        return fmt::format("invalid id '{}'; '--' is reserved for generated anchors", v);
    return "";
}

std::string check_lang(std::string_view v) {
    auto bad = [&] { return fmt::format("invalid language tag '{}'; expected a BCP 47 tag like 'en' or 'pt-BR'", v); };
    auto parts = split(v, '-');
    size_t i = 0;
    if (parts[0] == "x" || parts[0] == "X") {  // private use only
        if (parts.size() < 2) return bad();
        for (size_t k = 1; k < parts.size(); ++k)
            if (!is_alnum(parts[k]) || parts[k].size() > 8) return bad();
        return "";
    }
    // Registered primary language subtags have 2 or 3 letters; the 5-8 letter
    // form of the grammar is reserved, and accepting it would let "english" pass.
    if (!is_alpha(parts[0]) || parts[0].size() < 2 || parts[0].size() > 3) return bad();
    ++i;
    int extlangs = 0;
    while (i < parts.size() && parts[0].size() <= 3 && extlangs < 3 && parts[i].size() == 3 && is_alpha(parts[i]))
        ++i, ++extlangs;
    if (i < parts.size() && parts[i].size() == 4 && is_alpha(parts[i])) ++i;  // script
    if (i < parts.size() && ((parts[i].size() == 2 && is_alpha(parts[i])) ||
                             (parts[i].size() == 3 && is_digit(parts[i]))))
        ++i;  // region
    while (i < parts.size() && is_alnum(parts[i]) &&
           ((parts[i].size() >= 5 && parts[i].size() <= 8) ||
            (parts[i].size() == 4 && std::isdigit(static_cast<unsigned char>(parts[i][0])))))
        ++i;  // variants
    while (i < parts.size() && parts[i].size() == 1 && std::isalnum(static_cast<unsigned char>(parts[i][0]))) {
        bool priv = parts[i] == "x" || parts[i] == "X";
        ++i;
        size_t n = 0;
        while (i < parts.size() && is_alnum(parts[i]) && parts[i].size() <= 8 && (priv || parts[i].size() >= 2))
            ++i, ++n;
        if (n == 0) return bad();
        if (priv) break;
    }
    return i == parts.size() ? "" : bad();
}

std::string check_date(std::string_view v) {
    auto bad = [&] { return fmt::format("invalid date '{}'; expected YYYY-MM-DD", v); };
    if (v.size() != 10 || v[4] != '-' || v[7] != '-') return bad();
    if (!is_digit(v.substr(0, 4)) || !is_digit(v.substr(5, 2)) || !is_digit(v.substr(8, 2))) return bad();
    int y = std::stoi(std::string(v.substr(0, 4)));
    int m = std::stoi(std::string(v.substr(5, 2)));
    int d = std::stoi(std::string(v.substr(8, 2)));
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m < 1 || m > 12) return fmt::format("invalid date '{}'; there is no month {}", v, m);
    bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    int max = days[m - 1] + (m == 2 && leap ? 1 : 0);
    if (d < 1 || d > max) return fmt::format("invalid date '{}'; month {} has {} days", v, m, max);
    return "";
}

std::string check_isbn(std::string_view v) {
    std::string digits;
    for (char c : v) {
        if (c == '-' || c == ' ') continue;
        digits += c;
    }
    auto bad = [&] { return fmt::format("invalid ISBN '{}'; expected 10 or 13 digits", v); };
    if (digits.size() == 10) {
        int sum = 0;
        for (size_t i = 0; i < 10; ++i) {
            char c = digits[i];
            int d;
            if (std::isdigit(static_cast<unsigned char>(c))) d = c - '0';
            else if (i == 9 && (c == 'X' || c == 'x')) d = 10;
            else return bad();
            sum += d * static_cast<int>(10 - i);
        }
        if (sum % 11 != 0) return fmt::format("invalid ISBN '{}'; wrong check digit", v);
        return "";
    }
    if (digits.size() == 13) {
        if (!is_digit(digits)) return bad();
        int sum = 0;
        for (size_t i = 0; i < 13; ++i) sum += (digits[i] - '0') * (i % 2 == 0 ? 1 : 3);
        if (sum % 10 != 0) return fmt::format("invalid ISBN '{}'; wrong check digit", v);
        if (digits.substr(0, 3) != "978" && digits.substr(0, 3) != "979")
            return fmt::format("invalid ISBN '{}'; ISBN-13 starts with 978 or 979", v);
        return "";
    }
    return bad();
}

std::string check_identifier(std::string_view v) {
    if (starts_with_nocase(v, "urn:uuid:")) {
        std::string_view u = v.substr(9);
        auto groups = split(u, '-');
        static const size_t sizes[] = {8, 4, 4, 4, 12};
        bool ok = groups.size() == 5;
        for (size_t i = 0; ok && i < 5; ++i) ok = groups[i].size() == sizes[i] && all_of(groups[i], std::isxdigit);
        if (!ok) return fmt::format("invalid identifier '{}'; a UUID is urn:uuid: followed by 8-4-4-4-12 hex digits", v);
        return "";
    }
    std::string_view isbn = v;
    if (starts_with_nocase(isbn, "urn:isbn:")) isbn.remove_prefix(9);
    else if (starts_with_nocase(isbn, "isbn:")) isbn.remove_prefix(5);
    else if (starts_with_nocase(isbn, "isbn ")) isbn.remove_prefix(5);
    std::string digits;
    for (char c : isbn)
        if (c != '-' && c != ' ') digits += c;
    if (digits.empty() || !(std::isdigit(static_cast<unsigned char>(digits[0]))))
        return fmt::format("invalid identifier '{}'; expected urn:uuid:… or an ISBN", v);
    return check_isbn(isbn);
}

std::string check_year(std::string_view v) {
    if (v.size() == 4 && is_digit(v)) return "";
    return fmt::format("invalid year '{}'; expected four digits", v);
}

std::string check_http_url(std::string_view v) {
    auto bad = [&] { return fmt::format("invalid URL '{}'; expected an absolute http:// or https:// URL", v); };
    std::string_view rest;
    if (starts_with_nocase(v, "https://")) rest = v.substr(8);
    else if (starts_with_nocase(v, "http://")) rest = v.substr(7);
    else return bad();
    for (char c : v)
        if (is_xml_space(c) || c == '<' || c == '>' || c == '"' || c == '\\') return bad();
    size_t host_end = rest.find_first_of("/?#");
    std::string_view host = rest.substr(0, host_end);
    if (size_t at = host.rfind('@'); at != std::string_view::npos) host.remove_prefix(at + 1);
    if (size_t colon = host.rfind(':'); colon != std::string_view::npos && host.find(']') == std::string_view::npos) {
        if (!is_digit(host.substr(colon + 1))) return bad();
        host = host.substr(0, colon);
    }
    if (host.empty()) return bad();
    for (char c : host)
        if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '.' && c != '[' && c != ']' &&
            c != ':' && static_cast<unsigned char>(c) < 0x80)
            return bad();
    if (host.front() == '.' || host.back() == '.' || host.find("..") != std::string_view::npos) return bad();
    return "";
}

std::string check_link_url(std::string_view v) {
    if (starts_with_nocase(v, "mailto:")) {
        std::string_view addr = v.substr(7);
        addr = addr.substr(0, addr.find('?'));
        if (email_shape(addr)) return "";
        return fmt::format("invalid mailto URL '{}'; expected mailto:name@example.org", v);
    }
    if (check_http_url(v).empty()) return "";
    return fmt::format("invalid URL '{}'; expected an absolute http(s):// or mailto: URL", v);
}

std::string check_email(std::string_view v) {
    if (email_shape(v)) return "";
    return fmt::format("invalid e-mail address '{}'", v);
}

std::string check_image_path(std::string_view v) {
    if (v.empty()) return "empty image path";
    if (v.front() == '/' || v.find(':') != std::string_view::npos || v.find('\\') != std::string_view::npos)
        return fmt::format("image path '{}' must be relative to the images folder", v);
    for (auto part : split(v, '/'))
        if (part == ".." || part.empty()) return fmt::format("image path '{}' must stay inside the images folder", v);
    std::string lower;
    for (char c : v) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    auto ends = [&](std::string_view s) { return lower.size() >= s.size() && lower.compare(lower.size() - s.size(), s.size(), s) == 0; };
    if (!ends(".png") && !ends(".jpg") && !ends(".jpeg"))
        return fmt::format("image '{}' must be a PNG or JPEG file (.png, .jpg, .jpeg)", v);
    return "";
}

}  // namespace bb::manuscript
