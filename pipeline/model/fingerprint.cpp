#include "model/fingerprint.h"

#include <functional>
#include <string>
#include <string_view>

namespace bb::model {

namespace {

/// Writes each value with its length, so "ab"+"c" and "a"+"bc" differ, and
/// hashes the whole once.
class Fingerprint {
public:
    void add(std::string_view s) {
        add(static_cast<uint64_t>(s.size()));
        bytes_.append(s);
    }
    void add(uint64_t n) { bytes_.append(reinterpret_cast<const char*>(&n), sizeof n); }
    void add(bool b) { add(static_cast<uint64_t>(b)); }
    void add(const Span& s) { add((static_cast<uint64_t>(s.file) << 32) | s.offset); }
    void add(const std::vector<std::string>& v) {
        add(static_cast<uint64_t>(v.size()));
        for (const auto& s : v) add(s);
    }
    void add(const Inlines& v) {
        add(static_cast<uint64_t>(v.size()));
        for (const Inline& i : v) {
            add(static_cast<uint64_t>(i.kind));
            add(i.text);
            add(i.target);
            add(i.span);
            add(i.children);
        }
    }
    void add(const Blocks& v) {
        add(static_cast<uint64_t>(v.size()));
        for (const Block& b : v) {
            add(static_cast<uint64_t>(b.kind));
            add(b.content);
            add(b.numbered);
            add(static_cast<uint64_t>(b.items.size()));
            for (const ListItem& item : b.items) {
                add(item.blocks);
                add(item.span);
            }
            add(b.blocks);
            add(b.attribution);
            add(b.src);
            add(b.alt);
            add(b.caption);
            add(b.span);
        }
    }
    void add(const Section& s) {
        add(s.id);
        add(s.anchor);
        add(s.title);
        add(s.blocks);
        add(static_cast<uint64_t>(s.subsections.size()));
        for (const Section& sub : s.subsections) add(sub);
        add(s.span);
    }
    void add(const std::optional<Callout>& c) {
        add(c.has_value());
        if (!c) return;
        add(c->title);
        add(c->blocks);
        add(c->span);
    }
    void add(const std::vector<Qa>& questions) {
        add(static_cast<uint64_t>(questions.size()));
        for (const Qa& q : questions) {
            add(q.question);
            add(q.answer);
            add(q.span);
        }
    }
    void add(const Entry& e) {
        add(e.id);
        add(static_cast<uint64_t>(e.kind));
        add(static_cast<uint64_t>(e.format));
        add(e.topics);
        add(e.name);
        add(e.location);
        add(e.url);
        add(e.email);
        add(e.description);
        add(e.span);
    }
    /// What other chapters print of a guide.
    void add_header(const Guide& g) {
        add(g.id);
        add(g.topics);
        add(g.title);
        add(g.summary.has_value());
        if (g.summary) add(*g.summary);
        add(g.practitioners.has_value());
        if (g.practitioners) {
            add(g.practitioners->entries);
            add(g.practitioners->from_topics);
        }
        add(g.related.has_value());
        if (g.related) add(g.related->guides);
        add(g.span);
    }

    uint64_t result() const { return std::hash<std::string_view>{}(bytes_) ^ (bytes_.size() * 0x9E3779B97F4A7C15ull); }

private:
    std::string bytes_;
};

}  // namespace

uint64_t fingerprint(const Guide& g) {
    Fingerprint f;
    f.add_header(g);
    f.add(g.myth);
    f.add(g.example);
    f.add(g.truth);
    f.add(static_cast<uint64_t>(g.sections.size()));
    for (const Section& s : g.sections) f.add(s);
    f.add(g.faq.has_value());
    if (g.faq) {
        f.add(g.faq->anchor);
        f.add(g.faq->title);
        f.add(g.faq->questions);
        f.add(g.faq->span);
    }
    f.add(g.books.has_value());
    if (g.books) {
        f.add(g.books->anchor);
        f.add(g.books->title);
        f.add(static_cast<uint64_t>(g.books->books.size()));
        for (const BookRef& b : g.books->books) {
            for (const std::string* s : {&b.title, &b.author, &b.year, &b.isbn, &b.url}) f.add(*s);
            f.add(b.span);
        }
        f.add(g.books->span);
    }
    f.add(g.practitioners.has_value());
    if (g.practitioners) {
        f.add(g.practitioners->anchor);
        f.add(g.practitioners->title);
        f.add(g.practitioners->span);
    }
    f.add(g.related.has_value());
    if (g.related) {
        f.add(g.related->anchor);
        f.add(g.related->title);
        f.add(g.related->span);
    }
    return f.result();
}

uint64_t context_fingerprint(const Book& book) {
    Fingerprint f;
    f.add(book.lang);
    const Meta& m = book.meta;
    for (const std::string* s : {&m.title, &m.subtitle, &m.publisher, &m.identifier, &m.date, &m.rights,
                                 &m.description})
        f.add(*s);
    f.add(static_cast<uint64_t>(m.creators.size()));
    for (const Creator& c : m.creators) {
        f.add(c.name);
        f.add(c.role);
    }
    f.add(m.subjects);
    f.add(m.span);
    f.add(static_cast<uint64_t>(book.topics.size()));
    for (const Topic& t : book.topics) {
        f.add(t.id);
        f.add(t.name);
        f.add(t.span);
    }
    f.add(book.preface.has_value());
    if (book.preface) {
        f.add(book.preface->id);
        f.add(book.preface->title);
        f.add(book.preface->blocks);
        f.add(book.preface->span);
    }
    f.add(static_cast<uint64_t>(book.parts.size()));
    for (const Part& p : book.parts) {
        f.add(p.id);
        f.add(p.title);
        f.add(p.intro);
        f.add(static_cast<uint64_t>(p.guides.size()));
        for (size_t g : p.guides) f.add(static_cast<uint64_t>(g));
        f.add(p.span);
    }
    f.add(static_cast<uint64_t>(book.guides.size()));
    for (const Guide& g : book.guides) f.add_header(g);
    f.add(book.faq.has_value());
    if (book.faq) {
        f.add(book.faq->id);
        f.add(book.faq->title);
        f.add(book.faq->questions);
        f.add(book.faq->span);
    }
    const Directory& d = book.directory;
    f.add(d.id);
    f.add(d.title);
    f.add(d.intro);
    f.add(static_cast<uint64_t>(d.entries.size()));
    for (const Entry& e : d.entries) f.add(e);
    f.add(d.span);
    f.add(static_cast<uint64_t>(book.anchors.size()));
    for (const auto& [id, a] : book.anchors) {
        f.add(id);
        f.add(static_cast<uint64_t>(a.kind));
        f.add(a.title);
        f.add(a.chapter);
    }
    return f.result();
}

}  // namespace bb::model
