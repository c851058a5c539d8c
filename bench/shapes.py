#!/usr/bin/env python3
"""Rewrites a generated manuscript (gen_corpus.py) into another shape of book,
to look for costs that grow faster than the book.

usage: shapes.py SHAPE MANUSCRIPT OUTDIR

Shapes:
  practitioners  every guide has an empty <practitioners/>, as the shipped
                 book's guide does: it lists every directory entry sharing
                 one of its topics (hundreds in a directory of 2N entries)
  figures        a figure in each guide's first section, naming one of four
                 PNGs (a 1600 x 1200 RGB "photograph", an RGBA gradient, a
                 grey and a palette diagram) written here with zlib
  one-file       the includes replaced by the files' contents: one book.xml
  intl           every seventh word of each paragraph Greek, Cyrillic,
                 Hebrew, Arabic, CJK or an emoji (fallback fonts, missing
                 glyphs)
  corpus         the corpus unchanged: the row the others are read against
  long-paragraphs
                 the paragraphs of each myth, example, truth and section
                 joined into one (a few long paragraphs instead of many)
  long-words     every twelfth word of each paragraph a 28- to 88-character
                 compound or URL (the line breaker's later passes)
  few-guides     each run of 100 guides merged into one guide with all their
                 sections, their other parts left out (few, long chapters:
                 less to share among threads)
  giant-paragraph
                 one guide's example opens with a paragraph of 20,000 words

Deterministic: the same input gives the same files. Time the result as the
corpus (bookbuild pdf -m OUTDIR -o ...).
"""
import glob
import os
import random
import re
import shutil
import struct
import sys
import zlib


def png(width, height, colour, depth, row, palette=b""):
    """A PNG whose row y is row(y) (bytes, unfiltered)."""
    def chunk(kind, body):
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
    raw = b"".join(b"\x00" + row(y) for y in range(height))
    out = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, depth, colour, 0, 0, 0))
    if palette:
        out += chunk(b"PLTE", palette)
    return out + chunk(b"IDAT", zlib.compress(raw, 6)) + chunk(b"IEND", b"")


def write_images(folder):
    os.makedirs(folder, exist_ok=True)
    rnd = random.Random(16)
    noise = bytes(rnd.randrange(24) for _ in range(1600 * 3 + 7))

    def photo(y):  # smooth colour with grain: compresses like a photograph
        return bytes((((x // 3) * (1 + x % 3) + y * 2) // 5 + noise[(x + y * 7) % len(noise)]) & 255
                     for x in range(1600 * 3))
    images = {
        "photo.png": png(1600, 1200, 2, 8, photo),
        "gradient.png": png(1200, 800, 6, 8, lambda y: bytes(
            v for x in range(1200) for v in (x * 255 // 1199, y * 255 // 799, 128, 160))),
        "grey.png": png(800, 600, 0, 8, lambda y: bytes(((x // 40 + y // 40) % 2) * 200 + 30 for x in range(800))),
        "diagram.png": png(800, 600, 3, 2, lambda y: bytes(((x // 50 + y // 50) % 4) * 0x55 for x in range(200)),
                           palette=b"\xff\xff\xff\x00\x00\x00\x80\x20\x20\x20\x60\x20"),
    }
    for name, data in images.items():
        with open(os.path.join(folder, name), "wb") as f:
            f.write(data)
    return sorted(images)


def edit_guides(out, edit):
    for path in sorted(glob.glob(os.path.join(out, "guides", "*.xml"))):
        with open(path, encoding="utf-8") as f:
            text = f.read()
        with open(path, "w", encoding="utf-8") as f:
            f.write(edit(path, text))


def practitioners(out):
    edit_guides(out, lambda _, t: re.sub(r"<practitioners>.*?</practitioners>", "<practitioners/>", t, flags=re.S))


def figures(out):
    names = write_images(os.path.join(out, "images"))
    count = [0]

    def add(_, text):
        n = count[0]
        count[0] += 1
        fig = f'<figure src="{names[n % len(names)]}" alt="Figure {n}"><caption>Figure {n}: a picture</caption></figure>'
        return re.sub(r"(<section[^>]*>\s*<title>[^<]*</title>)", lambda m: m.group(1) + fig, text, count=1)
    edit_guides(out, add)


def one_file(out):
    book_path = os.path.join(out, "book.xml")
    with open(book_path, encoding="utf-8") as f:
        book = f.read()

    def body(m):
        with open(os.path.join(out, m.group(1)), encoding="utf-8") as f:
            return re.sub(r"^<\?xml[^>]*\?>\s*", "", f.read())
    book = re.sub(r'<include href="([^"]+)"/>', body, book)
    shutil.rmtree(os.path.join(out, "guides"))
    os.remove(os.path.join(out, "directory.xml"))
    with open(book_path, "w", encoding="utf-8") as f:
        f.write(book)


def replace_words(out, words, rnd, first, every):
    """In every plain paragraph of every guide, words first, first + every, ...
    replaced by a choice from `words`."""
    def mix(_, text):
        def para(m):
            s = m.group(1).split(" ")
            for k in range(first, len(s), every):
                s[k] = rnd.choice(words)
            return "<p>" + " ".join(s) + "</p>"
        return re.sub(r"<p>([^<]*)</p>", para, text)
    edit_guides(out, mix)


def intl(out):
    words = ["Ψυχή", "αγάπη", "душа", "любовь", "Привет", "μητέρα", "отец", "שלום", "مرحبا", "日本語", "😀",
             "Ωmega", "Đặng", "İstanbul"]
    replace_words(out, words, random.Random(7), first=0, every=7)


def corpus(out):
    pass


def long_paragraphs(out):
    edit_guides(out, lambda _, t: re.sub(r"</p>\s*<p>", " ", t))


def long_words(out):
    words = ["Rindfleischetikettierungsüberwachungsaufgabenübertragungsgesetz",
             "https://example.org/men/groups/weekly-meeting-notes/2026/november/session-twelve.html",
             "Donaudampfschifffahrtsgesellschaftskapitän", "antidisestablishmentarianism",
             "pneumonoultramicroscopicsilicovolcanoconiosis"]
    replace_words(out, words, random.Random(3), first=3, every=12)


def few_guides(out, per=100):
    paths = sorted(glob.glob(os.path.join(out, "guides", "*.xml")))
    merged_into = {}
    for k in range(0, len(paths), per):
        head = paths[k]
        with open(head, encoding="utf-8") as f:
            text = f.read()
        sections = []
        for path in paths[k + 1:k + per]:
            with open(path, encoding="utf-8") as f:
                sections += re.findall(r"^  <section.*?^  </section>", f.read(), flags=re.S | re.M)
            merged_into[os.path.basename(path)[:-4]] = os.path.basename(head)[:-4]
            os.remove(path)
        at = text.index("  <faq")
        with open(head, "w", encoding="utf-8") as f:
            f.write(text[:at] + "\n".join(sections) + "\n" + text[at:])
    # references to a merged guide go to the guide it joined
    def retarget(_, text):
        return re.sub(r'to="(guide-\d+)"', lambda m: f'to="{merged_into.get(m.group(1), m.group(1))}"', text)
    edit_guides(out, retarget)
    for name in ("directory.xml", "book.xml"):
        path = os.path.join(out, name)
        with open(path, encoding="utf-8") as f:
            text = retarget(None, f.read())
        text = re.sub(r'\s*<include href="guides/(guide-\d+)\.xml"/>',
                      lambda m: "" if m.group(1) in merged_into else m.group(0), text)
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)


def giant_paragraph(out, words=20000):
    path = sorted(glob.glob(os.path.join(out, "guides", "*.xml")))[1]
    with open(path, encoding="utf-8") as f:
        text = f.read()
    pool = " ".join(re.findall(r"<p>([^<]*)</p>", text)).split()
    body = " ".join(pool[i % len(pool)] for i in range(words))
    text = re.sub(r"(<example>\s*)<p>", lambda m: m.group(1) + "<p>" + body + "</p><p>", text, count=1)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


SHAPES = {"practitioners": practitioners, "figures": figures, "one-file": one_file, "intl": intl,
          "corpus": corpus, "long-paragraphs": long_paragraphs, "long-words": long_words,
          "few-guides": few_guides, "giant-paragraph": giant_paragraph}


def main():
    if len(sys.argv) != 4 or sys.argv[1] not in SHAPES:
        sys.exit(__doc__)
    shape, src, out = sys.argv[1:]
    if os.path.exists(out):
        shutil.rmtree(out)
    shutil.copytree(src, out)
    SHAPES[shape](out)


if __name__ == "__main__":
    main()
