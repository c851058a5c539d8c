// The directory appendix: every entry with its kind, format, place, contact
// and topics, then "Browse by topic": each topic with links to its guides and
// its entries (the book's index by what a reader is dealing with).
#include <fmt/format.h>

#include "epub/content.h"

namespace bb::epub {

namespace {

std::string kind_label(const style::Sheet& s, model::EntryKind k) {
    switch (k) {
        case model::EntryKind::Coach: return s.label("kind-coach", "Coach");
        case model::EntryKind::Program: return s.label("kind-program", "Program");
        case model::EntryKind::Retreat: return s.label("kind-retreat", "Retreat");
        case model::EntryKind::Group: return s.label("kind-group", "Group");
    }
    return "";
}

std::string format_label(const style::Sheet& s, model::EntryFormat f) {
    switch (f) {
        case model::EntryFormat::InPerson: return s.label("format-in-person", "In person");
        case model::EntryFormat::Online: return s.label("format-online", "Online");
        case model::EntryFormat::Hybrid: return s.label("format-hybrid", "In person and online");
    }
    return "";
}

/// The address as people write it: without the scheme and a trailing slash.
std::string display_url(const std::string& url) {
    std::string u = url;
    for (const char* scheme : {"https://", "http://"})
        if (u.rfind(scheme, 0) == 0) u = u.substr(std::string(scheme).size());
    if (u.size() > 1 && u.back() == '/') u.pop_back();
    return u;
}

void entry(Renderer& r, Xml& x, const model::Entry& e) {
    const style::Sheet& s = r.sheet();
    x.open("section", {{"id", e.id}, {"class", "entry"}}).line();
    x.open("h2", {{"class", "entry-name"}});
    r.inlines(x, e.name);
    x.close().line();
    x.open("p", {{"class", "entry-meta"}});
    const std::string format = format_label(s, e.format);
    x.text(kind_label(s, e.kind) + " · " + format);
    // "Online" as a location says the same as the format: print it once.
    if (!e.location.empty() && model::plain_text(e.location) != format) {
        x.text(" · ");
        r.inlines(x, e.location);
    }
    x.close().line();
    r.blocks(x, e.description);
    bool url = s.directory.show_url && !e.url.empty();
    if (url || !e.email.empty()) {
        x.open("p", {{"class", "entry-contact"}});
        if (url) x.element("a", {{"href", e.url}, {"class", "external"}}, display_url(e.url));
        if (url && !e.email.empty()) x.text(" · ");
        if (!e.email.empty()) x.element("a", {{"href", "mailto:" + e.email}, {"class", "external"}}, e.email);
        x.close().line();
    }
    if (s.directory.show_topics && !e.topics.empty()) {
        x.open("p", {{"class", "entry-topics"}});
        x.element("span", {{"class", "entry-topics-label"}}, s.label("topics", "Topics") + ": ");
        for (size_t i = 0; i < e.topics.size(); ++i) {
            if (i) x.text(", ");
            const model::Topic* t = r.book().find_topic(e.topics[i]);
            r.link_to(x, e.topics[i], t ? t->name : e.topics[i], e.span);
        }
        x.close().line();
    }
    x.close().line();
}

void link_list(Renderer& r, Xml& x, const std::string& label, const std::vector<std::pair<std::string, std::string>>& links,
               const model::Topic& topic) {
    const model::Span span = topic.span;
    if (links.empty()) return;
    x.element("p", {{"class", "topic-list-label"}}, label).line();
    x.open("ul", {{"class", "topic-links"}}).line();
    for (const auto& [id, text] : links) {
        x.open("li");
        r.place(x, model::print_key("topic", span, id));
        r.link_to(x, id, text, span);
        x.close().line();
    }
    x.close().line();
}

void by_topic(Renderer& r, Xml& x) {
    const model::Book& book = r.book();
    if (!r.plan().has(kByTopicId)) return;
    x.open("section", {{"id", kByTopicId}, {"class", "by-topic"}}).line();
    r.place(x, model::print_key("by-topic", book.directory.span));
    x.element("h2", {}, r.sheet().label("directory-by-topic", "Browse by topic")).line();
    for (const auto& t : book.topics) {
        if (!r.plan().has(t.id)) continue;  // a topic nothing uses is left out
        std::vector<std::pair<std::string, std::string>> guides, entries;
        for (const auto& g : book.guides)
            for (const auto& id : g.topics)
                if (id == t.id) guides.emplace_back(g.id, model::plain_text(g.title));
        for (const auto& e : book.directory.entries)
            for (const auto& id : e.topics)
                if (id == t.id) entries.emplace_back(e.id, model::plain_text(e.name));
        x.open("section", {{"id", t.id}, {"class", "topic"}}).line();
        r.place(x, model::print_key("topic", t.span));
        x.element("h3", {}, t.name).line();
        link_list(r, x, r.sheet().label("guides", "Guides"), guides, t);
        link_list(r, x, r.sheet().label("in-the-directory", "In the directory"), entries, t);
        x.close().line();
    }
    x.close().line();
}

}  // namespace

std::string directory_body(Renderer& r, const Chunk& c) {
    const model::Directory& d = r.book().directory;
    Xml x;
    std::string hid = r.local_id("title");
    x.open("section", {{"id", c.id}, {"class", "directory"}, {"epub:type", "appendix"}, {"role", "doc-appendix"},
                       {"aria-labelledby", hid}})
        .line();
    x.open("h1", {{"id", hid}});
    r.inlines(x, d.title);
    x.close().line();
    r.blocks(x, d.intro);
    for (const auto& e : d.entries) entry(r, x, e);
    by_topic(r, x);
    x.close().line();
    return x.finish();
}

}  // namespace bb::epub
