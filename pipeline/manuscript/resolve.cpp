#include "manuscript/resolve.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>

#include "base/suggest.h"
#include "manuscript/walk.h"

namespace bb::manuscript {

using namespace model;

const char* kind_name(AnchorKind kind) {
    switch (kind) {
        case AnchorKind::Preface: return "the preface";
        case AnchorKind::Part: return "a part";
        case AnchorKind::Guide: return "a guide";
        case AnchorKind::Section: return "a section";
        case AnchorKind::FaqChapter: return "the FAQ chapter";
        case AnchorKind::Directory: return "the directory";
        case AnchorKind::Entry: return "a directory entry";
        case AnchorKind::Topic: return "a topic";
    }
    return "an element";
}

namespace {

std::string where(const base::SourceMap& sources, base::Span s) {
    base::LineCol lc = sources.line_col(s);
    return fmt::format("{}:{}:{}", sources.file(s.file).path, lc.line, lc.column);
}

void fill_refs(Inlines& content, const std::map<std::string, const IdDef*>& ids) {
    for (Inline& in : content) {
        if (in.kind == InlineKind::Ref && in.children.empty()) {
            auto it = ids.find(in.target);
            if (it != ids.end() && !it->second->title.empty())
                in.children.push_back({InlineKind::Text, it->second->title, {}, {}, in.span});
        }
        fill_refs(in.children, ids);
    }
}

}  // namespace

void resolve_references(Built& built, const base::SourceMap& sources, base::Sink& sink) {
    std::map<std::string, const IdDef*> ids;
    for (const IdDef& d : built.ids) {
        if (d.id.empty()) continue;
        auto [it, fresh] = ids.emplace(d.id, &d);
        if (!fresh)
            sink.error(d.span, fmt::format("duplicate id '{}'; it is already {} at {}", d.id,
                                           kind_name(it->second->kind), where(sources, it->second->span)));
    }
    auto candidates = [&](std::optional<AnchorKind> kind) {
        std::vector<std::string> out;
        for (const IdDef& d : built.ids)
            if (!kind || d.kind == *kind) out.push_back(d.id);
        return out;
    };
    for (const RefUse& r : built.refs) {
        if (r.id.empty()) continue;
        auto it = ids.find(r.id);
        std::optional<AnchorKind> want;
        const char* noun = "id";
        const char* what = "";
        switch (r.kind) {
            case RefUse::Ref: break;
            case RefUse::EntryRef: want = AnchorKind::Entry, noun = "directory entry", what = "a directory entry"; break;
            case RefUse::GuideRef: want = AnchorKind::Guide, noun = "guide", what = "a guide"; break;
            case RefUse::Topic: want = AnchorKind::Topic, noun = "topic", what = "a topic"; break;
        }
        if (it == ids.end()) {
            sink.error(r.span, fmt::format("unknown {} '{}'{}", noun, r.id, base::did_you_mean(r.id, candidates(want))));
        } else if (want && it->second->kind != *want) {
            sink.error(r.span, fmt::format("'{}' is {}, not {}{}", r.id, kind_name(it->second->kind), what,
                                           base::did_you_mean(r.id, candidates(want))));
        }
    }
    for_each_inlines(built.book, [&](Inlines& in) { fill_refs(in, ids); });
}

namespace {

std::string fold(const std::string& s) {
    std::string out = s;
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

void add_anchor(Book& book, const std::string& id, AnchorKind kind, const Inlines& title, const std::string& chapter) {
    if (!id.empty()) book.anchors.emplace(id, Anchor{kind, plain_text(title), chapter});
}

void section_anchors(Book& book, const std::vector<Section>& sections, const std::string& chapter) {
    for (const Section& s : sections) {
        add_anchor(book, s.anchor, AnchorKind::Section, s.title, chapter);
        section_anchors(book, s.subsections, chapter);
    }
}

// A guide with an empty <practitioners/> lists every directory entry that
// shares one of its topics, by name. The directory is sorted once and each
// guide takes its entries from it in that order: a book of 1,000 such
// guides and 2,000 entries sorted ~250,000 names one guide at a time,
// folding both names at every comparison (1.4 s).
void list_practitioners_by_topic(Book& book) {
    const std::vector<Entry>& entries = book.directory.entries;
    std::unordered_map<std::string_view, size_t> topic_index;
    for (const Topic& t : book.topics) topic_index.emplace(t.id, topic_index.size());
    auto index_of = [&](const std::string& id) {
        return topic_index.emplace(id, topic_index.size()).first->second;
    };
    struct Sorted {
        std::string folded, plain;
        const Entry* entry;
        std::vector<size_t> topics;
    };
    std::vector<Sorted> sorted;
    sorted.reserve(entries.size());
    for (const Entry& e : entries) {
        std::string plain = plain_text(e.name);
        std::string folded = fold(plain);
        std::vector<size_t> topics;
        for (const std::string& t : e.topics) topics.push_back(index_of(t));
        sorted.push_back({std::move(folded), std::move(plain), &e, std::move(topics)});
    }
    std::sort(sorted.begin(), sorted.end(), [](const Sorted& a, const Sorted& b) {
        if (a.folded != b.folded) return a.folded < b.folded;
        if (a.plain != b.plain) return a.plain < b.plain;
        return a.entry->id < b.entry->id;
    });
    std::vector<char> wanted;
    for (Guide& g : book.guides) {
        if (!g.practitioners || !g.practitioners->entries.empty()) continue;
        wanted.assign(topic_index.size(), 0);
        for (const std::string& t : g.topics)
            if (auto it = topic_index.find(t); it != topic_index.end()) wanted[it->second] = 1;
        for (const Sorted& s : sorted)
            if (std::any_of(s.topics.begin(), s.topics.end(), [&](size_t t) { return wanted[t] != 0; }))
                g.practitioners->entries.push_back(s.entry->id);
        g.practitioners->from_topics = true;
    }
}

}  // namespace

void finish_book(Built& built, base::Sink& sink, bool warn) {
    Book& book = built.book;
    list_practitioners_by_topic(book);
    // anchors
    for (const Topic& t : book.topics)
        book.anchors.emplace(t.id, Anchor{AnchorKind::Topic, t.name, ""});
    if (book.preface) add_anchor(book, book.preface->id, AnchorKind::Preface, book.preface->title, book.preface->id);
    for (const Part& p : book.parts) add_anchor(book, p.id, AnchorKind::Part, p.title, p.id);
    for (const Guide& g : book.guides) {
        add_anchor(book, g.id, AnchorKind::Guide, g.title, g.id);
        section_anchors(book, g.sections, g.id);
        if (g.faq) add_anchor(book, g.faq->anchor, AnchorKind::Section, g.faq->title, g.id);
        if (g.books) add_anchor(book, g.books->anchor, AnchorKind::Section, g.books->title, g.id);
        if (g.practitioners)
            add_anchor(book, g.practitioners->anchor, AnchorKind::Section, g.practitioners->title, g.id);
        if (g.related) add_anchor(book, g.related->anchor, AnchorKind::Section, g.related->title, g.id);
    }
    if (book.faq) add_anchor(book, book.faq->id, AnchorKind::FaqChapter, book.faq->title, book.faq->id);
    const Directory& d = book.directory;
    add_anchor(book, d.id, AnchorKind::Directory, d.title, d.id);
    for (const Entry& e : d.entries) add_anchor(book, e.id, AnchorKind::Entry, e.name, d.id);

    if (!warn) return;
    std::set<std::string> entry_topics, used;
    for (const Entry& e : d.entries)
        for (const auto& t : e.topics) entry_topics.insert(t), used.insert(t);
    for (size_t i = 0; i < book.guides.size(); ++i) {
        const Guide& g = book.guides[i];
        for (const auto& t : g.topics) used.insert(t);
        bool shared = std::any_of(g.topics.begin(), g.topics.end(), [&](const std::string& t) { return entry_topics.count(t) > 0; });
        if (!shared && !g.topics.empty())
            sink.warning(built.guide_topics_spans[i], fmt::format("guide '{}' has no topics in the directory", g.id));
        if (g.books && g.books->books.empty())
            sink.warning(g.books->span, "empty <books>; the section is left out of both outputs");
    }
    for (const Topic& t : book.topics)
        if (!t.id.empty() && !used.count(t.id))
            sink.warning(t.span, fmt::format("topic '{}' is not used by any guide or directory entry", t.id));
}

}  // namespace bb::manuscript
