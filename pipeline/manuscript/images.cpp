#include "manuscript/images.h"

#include <fmt/format.h>

#include <cctype>
#include <filesystem>

#include "base/atomic_file.h"
#include "manuscript/image_check.h"
#include "manuscript/includes.h"
#include "manuscript/values.h"

namespace bb::manuscript {

namespace {
// The bytes must be the complete image the extension promises (image_check.h).
void check_content(const XAttr& src, const std::string& path, base::Sink& sink) {
    std::string bytes;
    if (!base::read_file(path, bytes)) {
        sink.error(src.name_span, fmt::format("image '{}' cannot be read", path));
        return;
    }
    std::string lower;
    for (char c : src.value) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    bool png = lower.size() >= 4 && lower.compare(lower.size() - 4, 4, ".png") == 0;
    if (std::string problem = check_image_bytes(bytes, png); !problem.empty())
        sink.error(src.name_span, fmt::format("image '{}': {}", path, problem));
}

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
                else
                    check_content(*src, path, sink);
            }
        walk(c, dir, sink);
    }
}
}  // namespace

void check_images(const XNode& root, const std::string& dir, base::Sink& sink) { walk(root, dir, sink); }

}  // namespace bb::manuscript
