#include "style/font_files.h"

#include <fstream>
#include <system_error>

namespace bb::style {

namespace fs = std::filesystem;

std::vector<FontCandidate> font_candidates(std::string_view written, const StyleDir& dir) {
    fs::path name{std::string(written)};
    if (name.is_absolute()) return {{name.string(), name}};
    std::vector<FontCandidate> out;
    fs::path shown{dir.display};
    out.push_back({(shown / name).lexically_normal().string(), (dir.absolute / name).lexically_normal()});
    out.push_back({(shown / ".." / "fonts" / name).lexically_normal().string(),
                   (dir.absolute / ".." / "fonts" / name).lexically_normal()});
    std::error_code ec;
    fs::path cwd = fs::current_path(ec);
    out.push_back({(fs::path("fonts") / name).lexically_normal().string(),
                   (cwd / "fonts" / name).lexically_normal()});
    return out;
}

FontKind sniff_font(std::string_view b) {
    if (b.size() < 4) return FontKind::Other;
    b = b.substr(0, 4);
    if (b == std::string_view("\x00\x01\x00\x00", 4) || b == "true") return FontKind::TrueType;
    if (b == "OTTO") return FontKind::OpenTypeCff;
    if (b == "ttcf") return FontKind::Collection;
    return FontKind::Other;
}

Parsed<std::string> find_font(std::string_view written, const StyleDir& dir) {
    using P = Parsed<std::string>;
    if (written.empty()) return P::fail("empty font file name");
    auto candidates = font_candidates(written, dir);
    const FontCandidate* found = nullptr;
    const FontCandidate* dangling = nullptr;
    for (const auto& c : candidates) {
        std::error_code ec;
        if (fs::exists(c.absolute, ec)) {
            found = &c;
            break;
        }
        if (!dangling && fs::is_symlink(fs::symlink_status(c.absolute, ec))) dangling = &c;
    }
    std::string q = "'" + std::string(written) + "'";
    if (!found) {
        if (dangling) {
            std::error_code ec;
            fs::path target = fs::read_symlink(dangling->absolute, ec);
            return P::fail("font file '" + dangling->display + "' is a link to '" + target.string() +
                           "', which does not exist; install the font packages (./bookbuild setup)");
        }
        std::string where;
        for (size_t i = 0; i < candidates.size(); ++i)
            where += (i ? ", " : "") + candidates[i].display;
        return P::fail("font file " + q + " not found (looked for " + where + ")");
    }
    std::error_code ec;
    auto st = fs::status(found->absolute, ec);
    if (fs::is_directory(st))
        return P::fail("font file '" + found->display + "' is a directory, not a font file");
    if (!fs::is_regular_file(st)) return P::fail("font file '" + found->display + "' is not a regular file");
    std::ifstream in(found->absolute, std::ios::binary);
    char head[4] = {0, 0, 0, 0};
    in.read(head, 4);
    if (!in && !in.eof()) return P::fail("cannot read font file '" + found->display + "'");
    switch (sniff_font(std::string_view(head, static_cast<size_t>(in.gcount())))) {
        case FontKind::TrueType: break;
        case FontKind::OpenTypeCff:
            return P::fail("font file '" + found->display +
                           "' is OpenType with CFF outlines, which libharu cannot embed; use a "
                           "TrueType (.ttf) font");
        case FontKind::Collection:
            return P::fail("font file '" + found->display +
                           "' is a TrueType collection (.ttc), which is not supported; use a single "
                           "TrueType (.ttf) font");
        case FontKind::Other:
            return P::fail("font file '" + found->display + "' is not a TrueType font");
    }
    fs::path canonical = fs::canonical(found->absolute, ec);
    if (ec) return P::fail("cannot resolve font file '" + found->display + "': " + ec.message());
    return P::ok(canonical.string());
}

}  // namespace bb::style
