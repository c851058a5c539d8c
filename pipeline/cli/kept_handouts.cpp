#include "cli/kept_handouts.h"

#include <functional>
#include <string_view>

#include "model/fingerprint.h"

namespace bb::cli {

uint64_t handout_key(const model::Guide& guide, uint64_t context, const handout::BookPlace& place,
                     const std::map<std::string, std::string>& folios) {
    std::string bytes;
    auto add = [&](std::string_view s) {
        bytes += std::to_string(s.size());
        bytes += ':';
        bytes += s;
    };
    add(std::to_string(model::fingerprint(guide)));
    add(std::to_string(context));
    add(place.found ? "found" : "not found");
    add(std::to_string(place.first_page) + "-" + std::to_string(place.last_page));
    add(place.first_label);
    add(place.last_label);
    for (const auto& [anchor, folio] : folios) {
        add(anchor);
        add(folio);
    }
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
