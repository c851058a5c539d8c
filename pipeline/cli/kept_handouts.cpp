#include "cli/kept_handouts.h"

#include <functional>
#include <string_view>

#include "model/fingerprint.h"

namespace bb::cli {

namespace {

/// Each value with its length, so "ab"+"c" and "a"+"bc" differ.
void add(std::string& bytes, std::string_view s) {
    bytes += std::to_string(s.size());
    bytes += ':';
    bytes += s;
}

}  // namespace

uint64_t folios_fingerprint(const std::map<std::string, std::string>& folios) {
    std::string bytes;
    for (const auto& [anchor, folio] : folios) {
        add(bytes, anchor);
        add(bytes, folio);
    }
    return std::hash<std::string>{}(bytes);
}

uint64_t handout_key(const model::Guide& guide, uint64_t context, const handout::BookPlace& place, uint64_t folios) {
    std::string bytes;
    for (uint64_t n : {model::fingerprint(guide), context, folios, uint64_t{place.found}, uint64_t{place.first_page},
                       uint64_t{place.last_page}})
        add(bytes, std::to_string(n));
    add(bytes, place.first_label);
    add(bytes, place.last_label);
    return std::hash<std::string>{}(bytes);
}

bool still_written(const std::string& path, const KeptHandout& kept) {
    if (!kept.known) return false;
    std::error_code ec;
    const uintmax_t size = std::filesystem::file_size(path, ec);
    if (ec || size != kept.size) return false;
    const auto written = std::filesystem::last_write_time(path, ec);
    return !ec && written == kept.written;
}

KeptHandout remember_handout(const std::string& path, uint64_t key, size_t pages,
                             std::vector<base::Diagnostic> diagnostics) {
    KeptHandout k;
    k.key = key;
    k.pages = pages;
    k.diagnostics = std::move(diagnostics);
    std::error_code ec;
    k.size = std::filesystem::file_size(path, ec);
    if (!ec) k.written = std::filesystem::last_write_time(path, ec);
    k.known = !ec;
    return k;
}

}  // namespace bb::cli
