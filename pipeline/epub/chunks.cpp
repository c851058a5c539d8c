#include "epub/chunks.h"

namespace bb::epub {

using model::plain_text;

std::string ncname(const std::string& prefix, const std::string& name) {
    std::string out = prefix;
    for (char c : name) {
        bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
                  c == '_' || c == '-';
        out += ok ? c : '-';
    }
    return out;
}

bool topic_in_use(const model::Book& book, const std::string& topic) {
    auto has = [&](const std::vector<std::string>& topics) {
        for (const auto& t : topics)
            if (t == topic) return true;
        return false;
    };
    for (const auto& g : book.guides)
        if (has(g.topics)) return true;
    for (const auto& e : book.directory.entries)
        if (has(e.topics)) return true;
    return false;
}

size_t Plan::add_chunk(Chunk chunk) {
    // File names come from ids ([a-z0-9-], safe in URLs and zip names); the
    // fixed names of the title page and the contents could clash with an
    // author id, so a clash gets a numeric suffix.
    std::string base = chunk.file;
    for (int n = 2; used_files_.count(chunk.file); ++n) chunk.file = base + "-" + std::to_string(n);
    used_files_[chunk.file] = 1;
    chunk.manifest_id = ncname("x-", chunk.file);
    chunk.file += ".xhtml";
    chunks_.push_back(std::move(chunk));
    size_t index = chunks_.size() - 1;
    if (!chunks_[index].id.empty()) {
        chapters_[chunks_[index].id] = index;
        add_id(chunks_[index].id, index);
    }
    return index;
}

void Plan::add_id(const std::string& id, size_t chunk) {
    if (!id.empty()) where_.emplace(id, chunk);
}

void Plan::add_sections(const std::vector<model::Section>& sections, size_t chunk) {
    for (const auto& s : sections) {
        add_id(s.anchor, chunk);
        add_sections(s.subsections, chunk);
    }
}

Plan Plan::make(const model::Book& book) {
    Plan plan;
    plan.add_chunk({ChunkKind::TitlePage, "", "titlepage", "", book.meta.title, 0});
    plan.add_chunk({ChunkKind::Nav, "", "nav", "", "", 0});
    if (book.preface) {
        const auto& p = *book.preface;
        std::string id = p.id.empty() ? "preface" : p.id;
        plan.add_chunk({ChunkKind::Preface, id, id, "", plain_text(p.title), 0});
    }
    auto add_guide = [&](size_t gi) {
        const model::Guide& g = book.guides[gi];
        size_t c = plan.add_chunk({ChunkKind::Guide, g.id, g.id, "", plain_text(g.title), gi});
        plan.add_sections(g.sections, c);
        // Empty sections are left out of the content, so they get no address.
        if (g.faq && !g.faq->questions.empty()) plan.add_id(g.faq->anchor, c);
        if (g.books && !g.books->books.empty()) plan.add_id(g.books->anchor, c);
        if (g.practitioners && !g.practitioners->entries.empty()) plan.add_id(g.practitioners->anchor, c);
        if (g.related && !g.related->guides.empty()) plan.add_id(g.related->anchor, c);
    };
    if (book.parts.empty()) {
        for (size_t gi = 0; gi < book.guides.size(); ++gi) add_guide(gi);
    } else {
        std::vector<bool> placed(book.guides.size(), false);
        for (size_t pi = 0; pi < book.parts.size(); ++pi) {
            const model::Part& p = book.parts[pi];
            plan.add_chunk({ChunkKind::Part, p.id, p.id, "", plain_text(p.title), pi});
            for (size_t gi : p.guides)
                if (gi < book.guides.size() && !placed[gi]) {
                    add_guide(gi);
                    placed[gi] = true;
                }
        }
        // The format puts every guide in a part when there are parts; should
        // a model break that, its guides still go in (after the parts), never
        // silently out.
        for (size_t gi = 0; gi < book.guides.size(); ++gi)
            if (!placed[gi]) add_guide(gi);
    }
    if (book.faq) {
        const auto& f = *book.faq;
        std::string id = f.id.empty() ? "faq" : f.id;
        plan.add_chunk({ChunkKind::FaqChapter, id, id, "", plain_text(f.title), 0});
    }
    const auto& d = book.directory;
    std::string id = d.id.empty() ? "directory" : d.id;
    size_t c = plan.add_chunk({ChunkKind::Directory, id, id, "", plain_text(d.title), 0});
    for (const auto& e : d.entries) plan.add_id(e.id, c);
    // "Browse by topic" lists only topics that have guides or entries (empty
    // sections are left out), so only those get an address.
    bool any_topic = false;
    for (const auto& t : book.topics)
        if (topic_in_use(book, t.id)) {
            plan.add_id(t.id, c);
            any_topic = true;
        }
    if (any_topic) plan.add_id(kByTopicId, c);
    return plan;
}

const Chunk* Plan::bodymatter() const {
    for (const auto& c : chunks_)
        if (c.kind == ChunkKind::Part || c.kind == ChunkKind::Guide) return &c;
    return nullptr;
}

const Chunk* Plan::find(ChunkKind kind) const {
    for (const auto& c : chunks_)
        if (c.kind == kind) return &c;
    return nullptr;
}

const Chunk* Plan::chunk_of(const std::string& id) const {
    auto it = chapters_.find(id);
    return it == chapters_.end() ? nullptr : &chunks_[it->second];
}

std::string Plan::href(const std::string& id) const {
    auto it = where_.find(id);
    if (it == where_.end()) return "";
    const Chunk& c = chunks_[it->second];
    if (c.id == id) return c.file;
    return c.file + "#" + id;
}

}  // namespace bb::epub
