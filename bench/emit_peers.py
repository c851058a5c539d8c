#!/usr/bin/env python3
"""Writes a generated manuscript as the peers' input, so they time equal work.

usage: emit_peers.py MANUSCRIPT_DIR OUTDIR

Reads MANUSCRIPT_DIR/book.xml (following includes) and writes to OUTDIR:

  book.md    pandoc Markdown (YAML metadata, one level-1 heading per part and
             guide, so pandoc splits the EPUB into one file per guide as
             bookbuild does; callouts as fenced divs)
  book.html  HTML for WeasyPrint, with book.css beside it: A5 pages with the
             style's margins, Charis SIL 10/13.5pt justified with
             `hyphens: auto`, Open Sans headings, guides on a right-hand page,
             running heads, folios, a contents with leaders and page numbers
  book.typ   Typst markup with the same page, font, leading, justification,
             hyphenation, contents, running heads and folios (fonts come from
             the font paths the driver passes, bench/typst.mjs)

The text is the same in all three: straight quotes and `--`/`---` are turned
into typographic quotes and dashes here (as bookbuild's typography pass does)
so no peer does that work and none is spared it. `ref`s become links with the
target's title; practitioners and related guides become lists of names.
Deterministic: the same manuscript gives the same bytes.
"""
import html
import os
import re
import sys
import xml.etree.ElementTree as ET

LABELS = {"myth": "The myth", "example": "The example", "truth": "The truth"}
KIND = {"coach": "Coach", "program": "Program", "retreat": "Retreat", "group": "Group"}
FORMAT = {"in-person": "In person", "online": "Online", "hybrid": "In person and online"}
DEFAULT_TITLES = {"faq": "Common Questions", "books": "Books on This Topic",
                  "practitioners": "Coaches and Programs in the Directory", "related": "Related Guides"}


# ---------------------------------------------------------------- loading

def load(path):
    """The element tree of `path` with every <include> replaced by its root."""
    root = ET.parse(path).getroot()
    base = os.path.dirname(path)

    def expand(el):
        for i, child in enumerate(list(el)):
            if child.tag == "include":
                el[i] = load(os.path.join(base, child.get("href")))
            else:
                expand(child)
    expand(root)
    return root


class Smart:
    """Typographic quotes and dashes, carrying the previous character across
    the pieces of one paragraph (English quotes)."""

    def __init__(self):
        self.prev = " "

    def __call__(self, s):
        s = s.replace("---", "\u2014").replace("--", "\u2013")
        out = []
        for ch in s:
            opening = self.prev.isspace() or self.prev in "([{\u2014\u2013"
            if ch == '"':
                ch = "\u201c" if opening else "\u201d"
            elif ch == "'":
                ch = "\u2018" if opening else "\u2019"
            out.append(ch)
            self.prev = ch
        return "".join(out)


def collapse(s):
    return re.sub(r"\s+", " ", s)


# Inline content: a list of (kind, text, target) with kind in
# text | em | strong | cite | link | ref.
def inlines(el, ids, smart=None):
    smart = smart or Smart()
    out = []

    def text(kind, s, target=None):
        s = collapse(s)
        if s:
            out.append((kind, smart(s), target))

    if el.text:
        text("text", el.text)
    for c in el:
        if c.tag in ("em", "strong", "cite"):
            text(c.tag, "".join(c.itertext()))
        elif c.tag == "link":
            text("link", "".join(c.itertext()) or c.get("href"), c.get("href"))
        elif c.tag == "ref":
            t = collapse("".join(c.itertext())).strip() or ids.get(c.get("to"), c.get("to"))
            text("ref", t, c.get("to"))
        else:
            text("text", "".join(c.itertext()))
        if c.tail:
            text("text", c.tail)
    # Trim the ends of the paragraph.
    if out:
        k, t, g = out[0]
        out[0] = (k, t.lstrip(), g)
        k, t, g = out[-1]
        out[-1] = (k, t.rstrip(), g)
    return [x for x in out if x[1]]


def plain(el):
    return Smart()(collapse("".join(el.itertext())).strip())


# ---------------------------------------------------------------- model
# Blocks: ("h", level, text, id, tag) ("p", inlines) ("summary", inlines) ("list", ordered, [inlines])
# ("quote", [inlines], attribution) ("callout", kind, title|None, [blocks])
# ("q", inlines) ("entry", name, id, meta line, url, email, topics, [inlines])
# ("toc", [(level, text, id)])

class Book:
    def __init__(self, root):
        self.root = root
        meta = root.find("meta")
        self.title = plain(meta.find("title"))
        self.creator = plain(meta.find("creator"))
        self.lang = root.get("lang", "en")
        self.topics = {t.get("id"): plain(t) for t in root.find("topics")}
        self.ids = {}
        for el in root.iter():
            i = el.get("id")
            if i is None:
                continue
            t = el.find("title") if el.tag != "entry" else el.find("name")
            self.ids[i] = plain(t) if t is not None else i
        self.blocks = []
        self.toc = []
        for el in root:
            if el.tag == "part":
                self.part(el)
            elif el.tag == "guide":
                self.guide(el)
            elif el.tag == "directory":
                self.directory(el)

    def head(self, level, el):
        title = plain(el.find("title"))
        if level == 1:
            self.toc.append((el.tag, title, el.get("id")))
        self.blocks.append(("h", level, title, el.get("id"), el.tag))

    def body(self, el, out):
        for b in el:
            if b.tag == "p":
                out.append(("p", inlines(b, self.ids)))
            elif b.tag == "list":
                out.append(("list", b.get("style") == "number", [inlines(i, self.ids) for i in b]))
            elif b.tag == "quote":
                att = b.find("attribution")
                out.append(("quote", [inlines(p, self.ids) for p in b if p.tag == "p"],
                            plain(att) if att is not None else None))

    def part(self, el):
        self.head(1, el)
        if el.find("intro") is not None:
            self.body(el.find("intro"), self.blocks)
        for g in el:
            if g.tag == "guide":
                self.guide(g)

    def guide(self, g):
        self.head(1, g)
        b = self.blocks
        s = g.find("summary")
        if s is not None:
            b.append(("summary", inlines(s, self.ids)))
        for kind in ("myth", "example", "truth"):
            c = g.find(kind)
            if c is not None:
                inner = []
                self.body(c, inner)
                t = c.find("title")
                b.append(("callout", kind, plain(t) if t is not None else None, inner))
        for sec in g.findall("section"):
            self.section(sec, 2)
        faq = g.find("faq")
        if faq is not None:
            b.append(("h", 2, self.title_of(faq), None, "faq"))
            for qa in faq.findall("qa"):
                b.append(("q", inlines(qa.find("q"), self.ids)))
                self.body(qa.find("a"), b)
        books = g.find("books")
        if books is not None and len(books):
            b.append(("h", 2, self.title_of(books), None, "books"))
            items = []
            for r in books:
                t = [("cite", Smart()(r.get("title")), None), ("text", ", " + Smart()(r.get("author")), None)]
                if r.get("year"):
                    t.append(("text", " (%s)" % r.get("year"), None))
                items.append(t)
            b.append(("list", False, items))
        for tag in ("practitioners", "related"):
            el = g.find(tag)
            if el is not None and len(el):
                b.append(("h", 2, self.title_of(el), None, tag))
                b.append(("list", False, [[("ref", self.ids[r.get("to")], r.get("to"))] for r in el]))

    def title_of(self, el):
        t = el.find("title")
        return plain(t) if t is not None else DEFAULT_TITLES[el.tag]

    def section(self, sec, level):
        self.head(level, sec)
        self.body(sec, self.blocks)
        for sub in sec.findall("section"):
            self.section(sub, level + 1)

    def directory(self, d):
        self.head(1, d)
        if d.find("intro") is not None:
            self.body(d.find("intro"), self.blocks)
        for e in d.findall("entry"):
            loc = e.find("location")
            meta = [KIND[e.get("kind")], FORMAT[e.get("format")]] + ([plain(loc)] if loc is not None else [])
            url, email = e.find("url"), e.find("email")
            desc = [inlines(p, self.ids) for p in e.find("description") if p.tag == "p"]
            topics = ", ".join(self.topics[t] for t in e.get("topics").split())
            self.blocks.append(("entry", plain(e.find("name")), e.get("id"), " · ".join(meta),
                                url.text.strip() if url is not None else None,
                                email.text.strip() if email is not None else None, topics, desc))


# ---------------------------------------------------------------- Markdown

MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|~^$@])")


def md_esc(s):
    return MD_SPECIAL.sub(r"\\\1", s)


def md_inl(xs):
    out = []
    for k, t, g in xs:
        e = md_esc(t)
        if k == "text":
            out.append(e)
        elif k in ("em", "cite"):
            out.append("*" + e + "*")
        elif k == "strong":
            out.append("**" + e + "**")
        elif k == "link":
            out.append("[%s](%s)" % (e, g))
        elif k == "ref":
            out.append("[%s](#%s)" % (e, g))
    return "".join(out)


def md_blocks(blocks, out):
    for b in blocks:
        k = b[0]
        if k == "h":
            _, level, title, i, _ = b
            out.append("%s %s%s\n\n" % ("#" * level, md_esc(title), " {#%s}" % i if i else ""))
        elif k == "p":
            out.append(md_inl(b[1]) + "\n\n")
        elif k == "summary":
            out.append("::: summary\n" + md_inl(b[1]) + "\n:::\n\n")
        elif k == "list":
            for n, item in enumerate(b[2], 1):
                out.append(("%d. " % n if b[1] else "- ") + md_inl(item) + "\n")
            out.append("\n")
        elif k == "quote":
            for p in b[1]:
                out.append("> " + md_inl(p) + "\n>\n")
            if b[2]:
                out.append("> \u2014 " + md_esc(b[2]) + "\n")
            out.append("\n")
        elif k == "callout":
            out.append("::: {.callout .%s}\n**%s**\n\n" % (b[1], LABELS[b[1]]))
            if b[2]:
                out.append("**%s**\n\n" % md_esc(b[2]))
            md_blocks(b[3], out)
            out.append(":::\n\n")
        elif k == "q":
            out.append("**" + md_inl(b[1]) + "**\n\n")
        elif k == "entry":
            _, name, i, meta, url, email, topics, desc = b
            out.append("::: {#%s .entry}\n**%s**\\\n%s\n\n" % (i, md_esc(name), md_esc(meta)))
            for p in desc:
                out.append(md_inl(p) + "\n\n")
            if url:
                out.append("<%s>\n\n" % url)
            if email:
                out.append("<%s>\n\n" % email)
            out.append("*Topics:* %s\n:::\n\n" % md_esc(topics))


def markdown(book):
    out = ["---\ntitle: \"%s\"\nauthor: \"%s\"\nlang: %s\n---\n\n" % (book.title, book.creator, book.lang)]
    md_blocks(book.blocks, out)
    return "".join(out)


# ---------------------------------------------------------------- HTML

def h_esc(s):
    return html.escape(s, quote=True)


def h_inl(xs):
    out = []
    for k, t, g in xs:
        e = h_esc(t)
        if k == "text":
            out.append(e)
        elif k in ("em", "strong", "cite"):
            out.append("<%s>%s</%s>" % (k, e, k))
        elif k == "link":
            out.append('<a href="%s">%s</a>' % (h_esc(g), e))
        elif k == "ref":
            out.append('<a class="ref" href="#%s">%s</a>' % (h_esc(g), e))
    return "".join(out)


def h_blocks(blocks, out):
    for b in blocks:
        k = b[0]
        if k == "h":
            _, level, title, i, tag = b
            out.append('<h%d class="%s"%s>%s</h%d>\n' % (level, tag, ' id="%s"' % i if i else "", h_esc(title), level))
        elif k == "p":
            out.append("<p>" + h_inl(b[1]) + "</p>\n")
        elif k == "summary":
            out.append('<p class="summary">' + h_inl(b[1]) + "</p>\n")
        elif k == "list":
            tag = "ol" if b[1] else "ul"
            out.append("<%s>%s</%s>\n" % (tag, "".join("<li>" + h_inl(i) + "</li>" for i in b[2]), tag))
        elif k == "quote":
            out.append("<blockquote>" + "".join("<p>" + h_inl(p) + "</p>" for p in b[1]))
            if b[2]:
                out.append('<p class="attribution">%s</p>' % h_esc(b[2]))
            out.append("</blockquote>\n")
        elif k == "callout":
            out.append('<aside class="callout %s"><p class="label">%s</p>' % (b[1], LABELS[b[1]]))
            if b[2]:
                out.append('<p class="callout-title">%s</p>' % h_esc(b[2]))
            h_blocks(b[3], out)
            out.append("</aside>\n")
        elif k == "q":
            out.append('<p class="question">' + h_inl(b[1]) + "</p>\n")
        elif k == "entry":
            _, name, i, meta, url, email, topics, desc = b
            out.append('<div class="entry" id="%s"><p class="name">%s</p><p class="meta">%s</p>'
                       % (i, h_esc(name), h_esc(meta)))
            out.append("".join("<p>" + h_inl(p) + "</p>" for p in desc))
            if url:
                out.append('<p class="url"><a href="%s">%s</a></p>' % (h_esc(url), h_esc(url)))
            if email:
                out.append('<p class="url"><a href="mailto:%s">%s</a></p>' % (h_esc(email), h_esc(email)))
            out.append('<p class="topics">Topics: %s</p></div>\n' % h_esc(topics))


CSS = """\
/* Print CSS for WeasyPrint, after styles/default.yaml: A5, mirrored margins,
   Charis SIL 10/13.5pt justified and hyphenated, Open Sans headings. */
@page { size: A5; margin: 18mm 14mm 20mm 20mm;
  @bottom-right { content: counter(page); font: 9pt "Charis SIL"; } }
@page :left { margin: 18mm 20mm 20mm 14mm;
  @top-left { content: string(book); font: italic 9pt "Charis SIL"; }
  @bottom-right { content: none; }
  @bottom-left { content: counter(page); font: 9pt "Charis SIL"; } }
@page :right { @top-right { content: string(guide); font: italic 9pt "Charis SIL"; } }
@page :first { @top-right { content: none; } }
html { string-set: book "%s"; }
body { font-family: "Charis SIL"; font-size: 10pt; line-height: 13.5pt; color: #1a1a1a;
  text-align: justify; hyphens: auto; orphans: 2; widows: 2; margin: 0; }
p { margin: 0; text-indent: 1em; }
h1, h2, h3, h4, .label, .question, .entry .name { font-family: "Open Sans"; font-weight: bold;
  text-align: left; hyphens: manual; overflow-wrap: anywhere; break-after: avoid; }
h1 { font-size: 20pt; line-height: 24pt; margin: 0 0 13.5pt; color: #8a3324; break-before: right;
  string-set: guide content(); }
h1.part { font-size: 24pt; line-height: 28pt; margin-top: 54pt; }
h2 { font-size: 13pt; line-height: 16pt; margin: 13.5pt 0 4pt; }
h3, h4 { font-size: 10.5pt; line-height: 13.5pt; margin: 9pt 0 2pt; }
h1 + p, h2 + p, h3 + p, h4 + p, .label + p, .callout-title + p { text-indent: 0; }
.callout { padding: 6pt; margin: 6.75pt 0; border-left: 2pt solid #8a3324; background: #f4ede7; }
.callout.example { background: #f0f0ec; border-color: #6b6b6b; }
.callout.truth { background: #eef1ea; border-color: #4f6b45; }
.label { font-size: 9pt; text-indent: 0; }
.summary { font-style: italic; }
.callout-title { font-weight: bold; text-indent: 0; }
.question { font-size: 10pt; margin-top: 6pt; text-indent: 0; }
ul, ol { margin: 0; padding-left: 1.2em; }
li { margin-bottom: 2pt; }
blockquote { margin: 6pt 2em; font-style: italic; }
.attribution::before { content: "\\2014\\00a0"; }
.entry { margin-top: 8pt; }
.entry p { text-indent: 0; }
.entry .meta, .entry .topics { font-size: 9pt; color: #6b6b6b; }
.url { hyphens: manual; overflow-wrap: anywhere; text-align: left; }
nav.toc h1 { string-set: guide "Contents"; }
nav.toc ol { list-style: none; padding: 0; }
nav.toc li.part { font-weight: bold; margin-top: 6pt; }
nav.toc li.guide { margin-left: 1em; }
nav.toc a { color: inherit; text-decoration: none; }
nav.toc a::after { content: leader(".") target-counter(attr(href), page); }
a { color: inherit; text-decoration: none; }
a.ref::after { content: ", p.\\00a0" target-counter(attr(href), page); }
"""


def html_doc(book):
    out = ['<!DOCTYPE html>\n<html lang="%s">\n<head>\n<meta charset="utf-8">\n<title>%s</title>\n'
           '<link rel="stylesheet" href="book.css">\n</head>\n<body>\n' % (book.lang, h_esc(book.title))]
    out.append('<section class="title-page"><h1 class="title">%s</h1><p>%s</p></section>\n'
               % (h_esc(book.title), h_esc(book.creator)))
    out.append('<nav class="toc"><h1>Contents</h1><ol>\n')
    for tag, title, i in book.toc:
        out.append('<li class="%s"><a href="#%s">%s</a></li>\n' % (tag, i, h_esc(title)))
    out.append("</ol></nav>\n")
    h_blocks(book.blocks, out)
    out.append("</body>\n</html>\n")
    return "".join(out)


# ---------------------------------------------------------------- Typst

TYP_SPECIAL = re.compile(r"([\\#*_`$<>@\[\]~/=+\-'\"])")


def t_esc(s):
    return TYP_SPECIAL.sub(r"\\\1", s)


def t_str(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def t_inl(xs):
    out = []
    for k, t, g in xs:
        e = t_esc(t)
        if k == "text":
            out.append(e)
        elif k in ("em", "cite"):
            out.append("#emph[%s]" % e)
        elif k == "strong":
            out.append("#strong[%s]" % e)
        elif k == "link":
            out.append("#link(%s)[%s]" % (t_str(g), e))
        elif k == "ref":
            out.append("#link(label(%s))[%s], p.~#context counter(page).at(label(%s)).first()"
                       % (t_str(g), e, t_str(g)))
    return "".join(out)


def t_blocks(blocks, out):
    for b in blocks:
        k = b[0]
        if k == "h":
            _, level, title, i, tag = b
            if tag == "part":
                out.append("#part-page(%s)[%s]\n\n" % (t_str(i or ""), t_esc(title)))
            else:
                out.append("%s %s%s\n\n" % ("=" * level, t_esc(title), " <%s>" % i if i else ""))
        elif k == "p":
            out.append(t_inl(b[1]) + "\n\n")
        elif k == "summary":
            out.append("#emph[" + t_inl(b[1]) + "]\n\n")
        elif k == "list":
            for item in b[2]:
                out.append(("+ " if b[1] else "- ") + t_inl(item) + "\n")
            out.append("\n")
        elif k == "quote":
            out.append("#quote(block: true%s)[%s]\n\n" % (
                ", attribution: [%s]" % t_esc(b[2]) if b[2] else "",
                "\n\n".join(t_inl(p) for p in b[1])))
        elif k == "callout":
            inner = []
            if b[2]:
                inner.append("#strong[%s]\n\n" % t_esc(b[2]))
            t_blocks(b[3], inner)
            out.append('#callout("%s", [%s])[\n%s]\n\n' % (b[1], LABELS[b[1]], "".join(inner)))
        elif k == "q":
            out.append("#question[%s]\n\n" % t_inl(b[1]))
        elif k == "entry":
            _, name, i, meta, url, email, topics, desc = b
            body = ["#text(font: sans, weight: \"bold\")[%s] <%s>\\\n#small[%s]\n\n" % (t_esc(name), i, t_esc(meta))]
            body += [t_inl(p) + "\n\n" for p in desc]
            if url:
                body.append("#link(%s)\n\n" % t_str(url))
            if email:
                body.append("#link(%s)[%s]\n\n" % (t_str("mailto:" + email), t_esc(email)))
            body.append("#small[Topics: %s]\n" % t_esc(topics))
            out.append("#entry[\n%s]\n\n" % "".join(body))


TYP_PREAMBLE = """\
// Typst markup written by bench/emit_peers.py, after styles/default.yaml:
// A5 with mirrored margins, Charis SIL 10/13.5pt justified and hyphenated,
// Open Sans headings, guides on a right-hand page, running heads and folios.
#let serif = "Charis SIL"
#let sans = "Open Sans"
#let ink = rgb("#1a1a1a")
#let accent = rgb("#8a3324")
#let muted = rgb("#6b6b6b")
#let booktitle = %s
#set document(title: booktitle, author: %s)
#set text(font: serif, size: 10pt, lang: "%s", hyphenate: true, fill: ink,
  top-edge: 0.8em, bottom-edge: -0.2em)
#set par(justify: true, leading: 3.5pt, spacing: 3.5pt, first-line-indent: 1em)
#set page(paper: "a5", margin: (top: 18mm, bottom: 20mm, inside: 20mm, outside: 14mm),
  header: context {
    let p = here().page()
    if calc.even(p) { text(style: "italic", size: 9pt, booktitle) } else {
      let hs = query(heading.where(level: 1).before(here()))
      let opening = query(heading.where(level: 1)).any(h => h.location().page() == p)
      if hs.len() > 0 and not opening { align(right, text(style: "italic", size: 9pt, hs.last().body)) }
    }
  },
  footer: context {
    let p = counter(page).get().first()
    align(if calc.even(here().page()) { left } else { right }, text(size: 9pt, str(p)))
  })
#show heading: set text(font: sans, weight: "bold", hyphenate: false)
#show heading: set par(justify: false)
#show heading.where(level: 1): it => {
  pagebreak(to: "odd", weak: true)
  set text(size: 20pt, fill: accent, top-edge: 0.8em, bottom-edge: -0.4em)
  block(above: 0pt, below: 13.5pt, it.body)
}
#show heading.where(level: 2): set text(size: 13pt)
#show heading.where(level: 2): set block(above: 13.5pt, below: 4pt)
#show heading.where(level: 3): set text(size: 10.5pt)
#show heading.where(level: 3): set block(above: 9pt, below: 2pt)
#show heading.where(level: 4): set text(size: 10.5pt)
#let part-page(id, title) = {
  pagebreak(to: "odd", weak: true)
  v(54pt)
  [#heading(level: 1, title) #label(id)]
}
#let tints = (myth: (rgb("#f4ede7"), accent), example: (rgb("#f0f0ec"), muted),
  truth: (rgb("#eef1ea"), rgb("#4f6b45")))
#let callout(kind, label, body) = block(width: 100%%, inset: 6pt, fill: tints.at(kind).at(0),
  stroke: (left: 2pt + tints.at(kind).at(1)), above: 6.75pt, below: 6.75pt, breakable: true)[
  #text(font: sans, weight: "bold", size: 9pt, label)
  #set par(first-line-indent: 0pt)
  #body
]
#let question(body) = block(above: 6pt, below: 3.5pt, text(font: sans, weight: "bold", body))
#let small(body) = text(size: 9pt, fill: muted, body)
#let entry(body) = block(above: 8pt, below: 0pt, { set par(first-line-indent: 0pt); body })
#set list(indent: 0pt, body-indent: 0.6em, spacing: 5.5pt)
#set enum(indent: 0pt, body-indent: 0.6em, spacing: 5.5pt)
#show quote: set text(style: "italic")
#show quote: set pad(x: 2em)

#page(header: none, footer: none)[
  #v(30%%)
  #align(center, text(font: sans, weight: "bold", size: 24pt, booktitle))
  #align(center, booktitle-creator)
]
#outline(title: [Contents], depth: 1, indent: 1em)

"""


def typst(book):
    out = [(TYP_PREAMBLE % (t_str(book.title), t_str(book.creator), book.lang))
           .replace("booktitle-creator", t_str(book.creator))]
    t_blocks(book.blocks, out)
    return "".join(out)


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    src, dst = sys.argv[1], sys.argv[2]
    book = Book(load(os.path.join(src, "book.xml")))
    os.makedirs(dst, exist_ok=True)
    for name, text in (("book.md", markdown(book)), ("book.html", html_doc(book)),
                       ("book.css", CSS % book.title.replace('"', '\\"')), ("book.typ", typst(book))):
        with open(os.path.join(dst, name), "w", encoding="utf-8") as f:
            f.write(text)


if __name__ == "__main__":
    main()
