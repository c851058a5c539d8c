#!/usr/bin/env python3
"""Reads a built PDF and EPUB of the same book back and checks the apparatus
(issue 5) from the outside, with qpdf, pdftotext and the EPUB's XHTML only:

PDF
  - page labels are present: roman from page 1, arabic from the body;
  - every outline item lands on a page whose text holds its title;
  - every internal link whose text ends in a page number (contents lines,
    "Browse by topic" lines, printed references "…, p. 12") names the label
    of the page the link goes to;
  - every contents line is such a link (so its number is checked).
EPUB
  - one page-break marker per PDF page, in reading order, with the PDF's
    labels as aria-label, epub:type pagebreak and role doc-pagebreak;
  - the nav's page-list lists them all, each href reaching its marker;
  - for every page that has text, the words after the marker are the words
    the PDF page begins with (after its running head); a page without text
    of its own (a blank verso) has its marker right before the next one or at
    the end of a file; front-matter pages not in the EPUB's flow (title,
    contents) have theirs in the title page;
  - the package names the print edition (dc:source) and declares
    printPageNumbers.

Usage: check_apparatus.py BOOK.pdf BOOK.epub
Prints one line per failure and a summary; exits 1 on any failure.
"""
import html
import json
import re
import subprocess
import sys
import zipfile
import xml.etree.ElementTree as ET

XHTML = "{http://www.w3.org/1999/xhtml}"
EPUB_NS = "{http://www.idpf.org/2007/ops}"
ROMAN = re.compile(r"^[ivxlcdm]+$")
failures = []


def fail(msg):
    failures.append(msg)
    print("FAIL:", msg)


def roman(n):
    out = ""
    for value, digits in ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"),
                          (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")):
        while n >= value:
            out += digits
            n -= value
    return out


def words(text):
    return [w for w in re.split(r"\s+", text.replace("\u00ad", "")) if w]


def norm(text):
    return " ".join(words(text))


def alnum(text):
    """Letters and digits only."""
    return "".join(c for c in text if c.isalnum())





# ---------------------------------------------------------------- PDF side

def load_pdf(path):
    d = json.loads(subprocess.run(["qpdf", "--json=2", path], capture_output=True, text=True, check=True).stdout)
    objects = d["qpdf"][1]
    pages = d["pages"]
    page_index = {p["object"]: i for i, p in enumerate(pages)}
    # Page labels from the number tree (one level: libharu writes /Nums).
    labels = [str(i + 1) for i in range(len(pages))]
    ranges = sorted((r["index"], r["label"]) for r in d.get("pagelabels", []))
    for k, (start, lab) in enumerate(ranges):
        end = ranges[k + 1][0] if k + 1 < len(ranges) else len(pages)
        first = lab.get("/St", 1)
        for i in range(start, end):
            n = first + i - start
            labels[i] = roman(n) if lab.get("/S") == "/r" else str(n)
    return d, objects, pages, page_index, labels, ranges


def page_words(path):
    """Every page's words with their boxes (points, y down), in the order
    pdftotext reads them: one pdftotext run for the whole book."""
    out = subprocess.run(["pdftotext", "-bbox", path, "-"], capture_output=True, text=True, check=True).stdout
    pages = []
    for page in re.findall(r"<page [^>]*>(.*?)</page>", out, re.S):
        ws = []
        for x1, y1, x2, y2, w in re.findall(
                r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>', page):
            ws.append((float(x1), float(y1), float(x2), float(y2), html.unescape(w)))
        pages.append(ws)
    return pages


def text_in(words_of_page, box):
    x, y, w, h = box
    return " ".join(t for x1, y1, x2, y2, t in words_of_page
                    if x <= (x1 + x2) / 2 <= x + w and y <= (y1 + y2) / 2 <= y + h)


def value(objects, ref):
    o = objects.get("obj:" + ref, {})
    return o.get("value", o)


def check_pdf(pdf, d, objects, pages, page_index, labels, ranges, texts, boxes, outline_titles):
    if not ranges:
        fail("PDF has no /PageLabels")
    elif ranges[0][1].get("/S") != "/r" or ranges[-1][1].get("/S") != "/D":
        fail(f"page labels are not roman then arabic: {ranges}")

    def walk(items):
        for it in items:
            yield it
            yield from walk(it.get("kids", []))

    outline = list(walk(d.get("outlines", [])))
    outline_titles.extend(it["title"] for it in outline)
    if not outline:
        fail("PDF has no outline")
    for it in outline:
        p = it.get("destpageposfrom1")
        if not p:
            fail(f"outline item {it['title']!r} has no destination page")
            continue
        if alnum(it["title"]) not in alnum(texts[p - 1]):
            fail(f"outline item {it['title']!r} goes to page {labels[p - 1]}, which does not show it")
    print(f"outline: {len(outline)} items checked")

    links = numbered = 0
    for i, page in enumerate(pages):
        pobj = value(objects, page["object"])
        height = float(pobj["/MediaBox"][3])
        annots = pobj.get("/Annots", [])
        if isinstance(annots, str):
            annots = value(objects, annots)
        for a in annots:
            ann = value(objects, a) if isinstance(a, str) else a
            dest = ann.get("/Dest")
            if dest is None and isinstance(ann.get("/A"), dict):
                dest = ann["/A"].get("/D")
            if isinstance(dest, str) and dest.endswith(" R"):
                dest = value(objects, dest)
            if not isinstance(dest, list) or not dest:
                continue  # a URI link
            links += 1
            target = page_index.get(dest[0])
            if target is None:
                fail(f"page {labels[i]}: link to an object that is not a page: {dest}")
                continue
            x1, y1, x2, y2 = (float(v) for v in ann["/Rect"])
            text = norm(text_in(boxes[i], (x1 - 1, height - y2 - 1, x2 - x1 + 2, y2 - y1 + 2)))
            m = re.search(r"(?:^|\s|p\.\s?|\.\s)([0-9]+|[ivxlcdm]+)\)?[.,;]?$", text)
            if not m:
                continue
            numbered += 1
            if m.group(1) != labels[target]:
                fail(f"page {labels[i]}: link {text!r} prints {m.group(1)} but goes to page {labels[target]}")
    print(f"internal links: {links}, {numbered} of them print a page number, all checked")
    if numbered == 0:
        fail("no internal link prints a page number (contents, references)")


# ---------------------------------------------------------------- EPUB side

def check_epub(epub, labels, texts, outline_titles):
    z = zipfile.ZipFile(epub)
    opf_path = "OEBPS/content.opf"
    opf = ET.fromstring(z.read(opf_path))
    ns = {"opf": "http://www.idpf.org/2007/opf", "dc": "http://purl.org/dc/elements/1.1/"}
    if not opf.findall(".//dc:source", ns):
        fail("package has no dc:source naming the print edition")
    feats = [m.text for m in opf.findall(".//opf:meta", ns) if m.get("property") == "schema:accessibilityFeature"]
    if "printPageNumbers" not in feats:
        fail(f"accessibilityFeature printPageNumbers missing: {feats}")
    manifest = {i.get("id"): i.get("href") for i in opf.findall(".//opf:manifest/opf:item", ns)}
    spine = ["OEBPS/" + manifest[r.get("idref")] for r in opf.findall(".//opf:spine/opf:itemref", ns)]

    # The reading order as a stream of (kind, value): words and markers.
    stream = []
    ids = {}
    for f in spine:
        root = ET.fromstring(z.read(f))
        body = root.find(XHTML + "body")

        def visit(el):
            if el.get(EPUB_NS + "type") == "pagebreak":
                if el.get("role") != "doc-pagebreak":
                    fail(f"{f}: pagebreak {el.get('id')} without role doc-pagebreak")
                stream.append(("mark", el.get("aria-label"), f))
                ids[el.get("id")] = f
            if el.text:
                stream.extend(("word", w, f) for w in words(el.text))
            for c in el:
                visit(c)
                if c.tail:
                    stream.extend(("word", w, f) for w in words(c.tail))
        visit(body)
        stream.append(("eof", None, f))

    marks = [(k, s) for k, s in enumerate(stream) if s[0] == "mark"]
    got = [s[1] for _, s in marks]
    if got != labels:
        fail(f"EPUB markers {got[:12]}... differ from the PDF's page labels {labels[:12]}... "
             f"({len(got)} vs {len(labels)})")
        return
    print(f"EPUB: {len(got)} page-break markers, labels equal to the PDF's")

    nav = ET.fromstring(z.read("OEBPS/text/nav.xhtml"))
    pl = [n for n in nav.iter(XHTML + "nav") if n.get(EPUB_NS + "type") == "page-list"]
    if not pl:
        fail("nav has no page-list")
    else:
        entries = [(a.text, a.get("href")) for a in pl[0].iter(XHTML + "a")]
        if [e[0] for e in entries] != labels:
            fail("page-list labels differ from the PDF's page labels")
        for text, href in entries:
            file, _, frag = href.partition("#")
            if ids.get(frag) != "OEBPS/text/" + file:
                fail(f"page-list entry {text} -> {href} does not reach its marker")
        print(f"nav page-list: {len(entries)} entries, each reaching its marker")

    # What may stand on a page before its first text: nothing, a running
    # head (the book's title, a part's, a guide's or a section's), then a
    # part page's "Part 2" or a list item's number (print's own labels).
    title = opf.find(".//dc:title", ns).text or ""
    heads = {alnum(title).lower()} | {alnum(t).lower() for t in outline_titles}

    def is_head(prefix):
        for cut in range(len(prefix), -1, -1):
            head, label = prefix[:cut], prefix[cut:]
            if (head == "" or head in heads) and (label == "" or re.fullmatch(r"[^\W\d_]{0,12}\d{1,3}", label)):
                return True
        return False

    placed = 0
    for n, (k, s) in enumerate(marks):
        label, file = s[1], s[2]
        body = texts[n]
        following = []
        for t in stream[k + 1:]:
            if t[0] != "word":
                break
            following.append(t[1])
            if len(following) == 8:
                break
        page_words = words(body)
        if not following:
            # No text before the next marker or the end of the file: right
            # only for a page with no text of its own, or front matter the
            # EPUB shows in the title page.
            if len(page_words) <= 2 or ROMAN.match(label) and "titlepage" in file:
                continue
            fail(f"page {label}: its marker in {file} is followed by no text, but the page shows "
                 f"{' '.join(page_words[:8])!r}")
            continue
        if ROMAN.match(label) and "titlepage" in file:
            continue  # title, imprint and contents: not in the EPUB's flow
        # The text after the marker must begin the page's body, after its
        # running head. Compared as letters and digits only: pdftotext joins
        # a word broken at a hyphen and keeps a break without one apart, and
        # the two editions punctuate a list line differently ("• Name
        # (Place), p. 12" on paper, "Name — Place" in the EPUB). A page may
        # begin with the second half of a word hyphenated across the leaf:
        # its marker stands before the whole word.
        # Case aside too ("group · online" on paper, "Group · Online" in the
        # EPUB), and a dozen characters after the first word: a list line's
        # page number or leaders are print's own.
        page = alnum(body).lower()
        first, rest = alnum(following[0]).lower(), alnum(" ".join(following[1:])).lower()[:12]
        ok = False
        if rest:
            at = page.find(rest)
            while at != -1 and not ok:
                before = page[:at]
                for k in range(len(first)):  # the whole first word, or its end
                    if before.endswith(first[k:]) and is_head(before[:len(before) - len(first) + k]):
                        ok = True
                        break
                at = page.find(rest, at + 1)
        else:
            at = page.find(first)
            ok = at != -1 and is_head(page[:at])
        if not ok:
            fail(f"page {label}: marker in {file} is followed by {' '.join(following)!r}, "
                 f"but the page begins {' '.join(page_words[:14])!r}")
        else:
            placed += 1
    print(f"EPUB markers where the PDF page's text begins: {placed} pages checked by their words")


def main():
    pdf, epub = sys.argv[1], sys.argv[2]
    d, objects, pages, page_index, labels, ranges = load_pdf(pdf)
    boxes = page_words(pdf)
    if len(boxes) != len(pages):
        fail(f"pdftotext read {len(boxes)} pages of {len(pages)}")
        boxes += [[]] * (len(pages) - len(boxes))
    texts = [" ".join(w[4] for w in ws) for ws in boxes]
    outline_titles = []
    check_pdf(pdf, d, objects, pages, page_index, labels, ranges, texts, boxes, outline_titles)
    check_epub(epub, labels, texts, outline_titles)
    print(f"{len(failures)} failure(s)")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
