#include "manuscript/images.h"

#include <fmt/format.h>

#include <filesystem>

#include "manuscript/includes.h"
#include "manuscript/values.h"

namespace bb::manuscript {

namespace {
void walk(const XNode& n, const std::string& dir, base::Sink& sink) {
    for (const auto& c : n.children) {
        if (c.is_text) continue;
        if (c.name == "figure")
            if (const XAttr* src = c.attr("src"); src && check_image_path(src->value).empty()) {
                std::string path = display_path(dir, "images/" + src->value);
                std::error_code ec;
                if (!std::filesystem::is_regular_file(path, ec))
                    sink.error(src->name_span, fmt::format("image '{}' does not exist", path));
                else if (!stays_inside(dir.empty() ? "." : dir, path))
                    sink.error(src->name_span,
                               fmt::format("image '{}' leads outside the manuscript folder through a symbolic link",
                                           src->value));
            }
        walk(c, dir, sink);
    }
}
}  // namespace

void check_images(const XNode& root, const std::string& dir, base::Sink& sink) { walk(root, dir, sink); }

}  // namespace bb::manuscript
