#include "typeset/fonts.h"

#include <fmt/format.h>

namespace bb::typeset {

std::string Face::chain_name() const {
    std::string out;
    auto add = [&](const text::Font* f) {
        if (!f) return;
        if (!out.empty()) out += ", ";
        out += f->family_name() + " " + f->style_name();
    };
    add(font);
    for (const auto* f : fallbacks) add(f);
    return out;
}

const text::Font* FontBook::load(const std::string& path) {
    std::string error;
    const text::Font* f = fonts_.get(path, &error);
    if (!f && !reported_[path]) {
        reported_[path] = true;
        failed_ = true;
        sink_.error_in(path, "cannot use this font: " + error);
    }
    return f;
}

const Face& FontBook::face(const std::string& family, bool bold, bool italic) {
    std::lock_guard<std::recursive_mutex> lock(mutex_);
    auto key = std::make_tuple(family, bold, italic);
    if (auto it = faces_.find(key); it != faces_.end()) return it->second;
    Face face;
    auto fam = sheet_.fonts.find(family);
    if (fam == sheet_.fonts.end()) {
        if (!reported_["family:" + family]) {
            reported_["family:" + family] = true;
            failed_ = true;
            sink_.error_in(sheet_.path, fmt::format("no font family '{}' under fonts:", family));
        }
        if (family != sheet_.text.font && sheet_.fonts.count(sheet_.text.font)) {
            Face body = this->face(sheet_.text.font, bold, italic);
            return faces_[key] = body;
        }
    } else {
        face.font = load(fam->second.face(bold, italic));
    }
    for (const auto& fb : sheet_.fallback) {
        auto f = sheet_.fonts.find(fb);
        if (f == sheet_.fonts.end() || fb == family) continue;
        if (const text::Font* font = load(f->second.face(bold, italic))) face.fallbacks.push_back(font);
    }
    if (!face.font && !face.fallbacks.empty()) {
        face.font = face.fallbacks.front();
        face.fallbacks.erase(face.fallbacks.begin());
    }
    return faces_[key] = face;
}

}  // namespace bb::typeset
