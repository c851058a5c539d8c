#include "manuscript/images.h"

#include <fmt/format.h>

#include <cctype>
#include <filesystem>
#include <unordered_map>

#include "base/atomic_file.h"
#include "manuscript/image_check.h"
#include "manuscript/includes.h"
#include "manuscript/values.h"

namespace bb::manuscript {

namespace {
// What is wrong with one image file, or "" when nothing is. A book may show
// the same picture in many guides: each file is read and checked once (a
// 10 MB PNG in 25 guides was 25 full inflates, 1.7 s), and every figure
// naming it still gets its own diagnostic.
std::string file_problem(const XAttr& src, const std::string& dir, const std::string& path) {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec)) return fmt::format("image '{}' does not exist", path);
    if (!stays_inside(dir.empty() ? "." : dir, path))
        return fmt::format("image '{}' leads outside the manuscript folder through a symbolic link", src.value);
    // The bytes must be the complete image the extension promises (image_check.h).
    std::string bytes;
    if (!base::read_file(path, bytes)) return fmt::format("image '{}' cannot be read", path);
    std::string lower;
    for (char c : src.value) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    bool png = lower.size() >= 4 && lower.compare(lower.size() - 4, 4, ".png") == 0;
    if (std::string problem = check_image_bytes(bytes, png); !problem.empty())
        return fmt::format("image '{}': {}", path, problem);
    return "";
}

class ImageChecker {
public:
    ImageChecker(const std::string& dir, base::Sink& sink) : dir_(dir), sink_(sink) {}

    void walk(const XNode& n) {
        for (const auto& c : n.children) {
            if (c.is_text) continue;
            if (c.name == "figure")
                if (const XAttr* src = c.attr("src"); src && check_image_path(src->value).empty()) figure(*src);
            walk(c);
        }
    }

private:
    void figure(const XAttr& src) {
        std::string path = display_path(dir_, "images/" + src.value);
        auto [it, first] = problems_.try_emplace(path);
        if (first) it->second = file_problem(src, dir_, path);
        if (!it->second.empty()) sink_.error(src.name_span, it->second);
    }

    const std::string& dir_;
    base::Sink& sink_;
    std::unordered_map<std::string, std::string> problems_;  ///< path -> problem ("" when fine)
};
}  // namespace

void check_images(const XNode& root, const std::string& dir, base::Sink& sink) { ImageChecker(dir, sink).walk(root); }

}  // namespace bb::manuscript
