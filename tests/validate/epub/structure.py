#!/usr/bin/env python3
"""Structural checks on one unzipped EPUB against its manuscript.

usage: structure.py BOOK.epub MANUSCRIPT_DIR

- every file parses as XML; the manifest lists every file and only those;
  every spine idref is in the manifest;
- every href/src (XHTML, NCX, OPF) resolves to a file of the container, and
  every fragment to an id in that file;
- the nav lists every guide and every section (each manuscript guide and
  section has a nav link to its element, and the counts match);
- every epub:type that has a DPUB-ARIA role carries that role;
- the text of every manuscript paragraph is present, in order.
Prints one line per failure and exits 1 when there is any.
"""
import posixpath
import re
import sys
import zipfile
import xml.etree.ElementTree as ET
from urllib.parse import unquote, urlsplit

XHTML = "{http://www.w3.org/1999/xhtml}"
OPF = "{http://www.idpf.org/2007/opf}"
NCX = "{http://www.daisy.org/z3986/2005/ncx/}"
EPUB_TYPE = "{http://www.idpf.org/2007/ops}type"
# epub:type -> DPUB-ARIA role (EPUB Type to ARIA Role Authoring Guide); types
# with no role there (titlepage, frontmatter, bodymatter, ...) are not listed.
ROLES = {
    "abstract": "doc-abstract", "acknowledgments": "doc-acknowledgments", "afterword": "doc-afterword",
    "appendix": "doc-appendix", "backlink": "doc-backlink", "bibliography": "doc-bibliography",
    "biblioref": "doc-biblioref", "chapter": "doc-chapter", "colophon": "doc-colophon",
    "conclusion": "doc-conclusion", "cover": "doc-cover", "credit": "doc-credit", "credits": "doc-credits",
    "dedication": "doc-dedication", "endnotes": "doc-endnotes", "epigraph": "doc-epigraph",
    "epilogue": "doc-epilogue", "errata": "doc-errata", "example": "doc-example", "footnote": "doc-footnote",
    "foreword": "doc-foreword", "glossary": "doc-glossary", "glossref": "doc-glossref", "index": "doc-index",
    "introduction": "doc-introduction", "noteref": "doc-noteref", "notice": "doc-notice",
    "pagebreak": "doc-pagebreak", "page-list": "doc-pagelist", "part": "doc-part", "preface": "doc-preface",
    "prologue": "doc-prologue", "pullquote": "doc-pullquote", "qna": "doc-qna", "subtitle": "doc-subtitle",
    "tip": "doc-tip", "toc": "doc-toc",
}

failures = []


def fail(msg):
    failures.append(msg)
    print("FAIL: " + msg)


def words(text):
    return re.findall(r"\w+", text.lower())


# ------------------------------------------------------------------ manuscript

def load_manuscript(path, seen=()):
    """The manuscript tree with every <include> replaced by its root."""
    root = ET.parse(path).getroot()
    base = posixpath.dirname(path)

    def expand(elem):
        for i, child in enumerate(list(elem)):
            if child.tag == "include":
                sub = load_manuscript(posixpath.normpath(posixpath.join(base, child.get("href"))), seen + (path,))
                sub.tail = child.tail
                elem[i] = sub
            else:
                expand(child)
    expand(root)
    return root


def paragraph_pieces(p):
    """A paragraph's text split where an empty <ref>/<link> takes generated text."""
    pieces, cur = [], [p.text or ""]

    def walk(e):
        for c in e:
            if c.tag in ("ref", "link") and not "".join(c.itertext()).strip():
                pieces.append("".join(cur))
                cur.clear()
            else:
                cur.append(c.text or "")
                walk(c)
            cur.append(c.tail or "")
    walk(p)
    pieces.append("".join(cur))
    return [w for w in (words(x) for x in pieces) if w]


# ------------------------------------------------------------------ EPUB

def main(epub_path, manuscript_dir):
    z = zipfile.ZipFile(epub_path)
    names = set(z.namelist())
    docs = {}
    for n in sorted(names):
        if n.endswith((".xhtml", ".opf", ".ncx", ".xml")):
            try:
                docs[n] = ET.fromstring(z.read(n))
            except ET.ParseError as e:
                fail(f"{n}: not well-formed: {e}")
    if failures:
        return
    ids = {n: {e.get("id") for e in d.iter() if e.get("id")} for n, d in docs.items()}

    container = docs["META-INF/container.xml"]
    opf_path = container.find(".//{urn:oasis:names:tc:opendocument:xmlns:container}rootfile").get("full-path")
    opf = docs[opf_path]
    opf_dir = posixpath.dirname(opf_path)
    manifest = {}
    for item in opf.iter(OPF + "item"):
        target = posixpath.normpath(posixpath.join(opf_dir, unquote(item.get("href"))))
        manifest[item.get("id")] = (target, item)
        if target not in names:
            fail(f"manifest item {item.get('id')}: {target} is not in the container")
    listed = {t for t, _ in manifest.values()}
    for n in names:
        if n not in listed and n not in ("mimetype", opf_path) and not n.startswith("META-INF/"):
            fail(f"{n} is in the container but not in the manifest")
    spine = []
    for ref in opf.iter(OPF + "itemref"):
        if ref.get("idref") not in manifest:
            fail(f"spine idref {ref.get('idref')} is not in the manifest")
        else:
            spine.append(manifest[ref.get("idref")][0])
    toc_id = opf.find(OPF + "spine").get("toc")
    if toc_id and toc_id not in manifest:
        fail(f"spine toc {toc_id} is not in the manifest")

    def resolve(src_file, ref, what):
        parts = urlsplit(ref)
        if parts.scheme or ref.startswith("//"):
            return None  # external: kept as written, not ours to resolve
        target = posixpath.normpath(posixpath.join(posixpath.dirname(src_file), unquote(parts.path))) if parts.path else src_file
        if target not in names:
            fail(f"{src_file}: {what} {ref!r}: no file {target}")
            return None
        if parts.fragment and parts.fragment not in ids.get(target, set()):
            fail(f"{src_file}: {what} {ref!r}: no id {parts.fragment!r} in {target}")
            return None
        return target, parts.fragment

    nav_path = next(t for t, item in manifest.values() if "nav" in (item.get("properties") or "").split())
    nav_targets = set()
    for n, d in docs.items():
        for e in d.iter():
            for attr in ("href", "src"):
                v = e.get(attr)
                if v is None or (n == opf_path):
                    continue
                r = resolve(n, v, attr)
                if r and n == nav_path:
                    nav_targets.add(r)
            if n.endswith(".xhtml"):
                types = (e.get(EPUB_TYPE) or "").split()
                for t in types:
                    want = ROLES.get(t)
                    if want and e.get("role") != want:
                        # landmarks links name a type of their target, they are not one
                        if not (e.tag == XHTML + "a" and n == nav_path):
                            fail(f"{n}: <{e.tag.replace(XHTML, '')} epub:type={t!r}> has role {e.get('role')!r}, wants {want!r}")
    for n, d in docs.items():
        if n.endswith(".ncx"):
            for c in d.iter(NCX + "content"):
                resolve(n, c.get("src"), "src")

    # --------------------------------------------- nav lists every guide and section
    book = load_manuscript(posixpath.join(manuscript_dir, "book.xml"))
    guides = list(book.iter("guide"))
    where = {}
    for f in spine:
        for e in docs[f].iter():
            if e.get("id"):
                where[e.get("id")] = (f, e)
    chapter_files = {f for f in spine if docs[f].find(f".//{XHTML}section[@class='guide']") is not None}
    if len(chapter_files) != len(guides):
        fail(f"{len(guides)} guides in the manuscript, {len(chapter_files)} guide files in the spine")
    for g in guides:
        gid = g.get("id")
        if gid not in where:
            fail(f"guide {gid} has no element in the EPUB")
        elif (where[gid][0], "") not in nav_targets and (where[gid][0], gid) not in nav_targets:
            fail(f"the nav does not list guide {gid}")
    epub_sections = [e for f in sorted(chapter_files) for e in docs[f].iter(XHTML + "section")
                     if e.get("class") in ("section", "subsection")]
    ms_sections = [s for g in guides for s in g.iter("section")]
    if len(epub_sections) != len(ms_sections):
        fail(f"{len(ms_sections)} sections in the manuscript, {len(epub_sections)} in the EPUB")
    for f in sorted(chapter_files):
        for e in docs[f].iter(XHTML + "section"):
            if e.get("class") in ("section", "subsection") and (f, e.get("id")) not in nav_targets:
                fail(f"the nav does not list section {e.get('id')} of {f}")
    for s in ms_sections:
        if s.get("id") and s.get("id") not in where:
            fail(f"section {s.get('id')} has no element in the EPUB")

    # --------------------------------------------- paragraphs present, in order
    stream = []
    for f in spine:
        if f == nav_path:
            continue
        stream += words(" ".join(docs[f].find(XHTML + "body").itertext()))
    pos, checked = 0, 0
    for p in book.iter("p"):
        for piece in paragraph_pieces(p):
            n = len(piece)
            found = -1
            for i in range(pos, len(stream) - n + 1):
                if stream[i:i + n] == piece:
                    found = i
                    break
            if found < 0:
                fail(f"paragraph text not found in order: {' '.join(piece)[:80]!r}")
            else:
                pos = found + n
            checked += 1
    print(f"ok: {epub_path}: {len(spine)} spine files, {len(nav_targets)} nav links, "
          f"{len(guides)} guides, {len(ms_sections)} sections, {checked} paragraph pieces in order")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
    sys.exit(1 if failures else 0)
