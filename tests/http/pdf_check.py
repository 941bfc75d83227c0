#!/usr/bin/env python3
"""pdf_check.py - what tests/http/pdf.sh asks of a PDF letter.

  words HTML_FILE TEXT_FILE   every word of the stored HTML document's text
                              is in the PDF's text (pdftotext), as often
  look PGM REF.pgm.gz         the page's raster against the reference: the
                              same size, and at most 0.05 % of the pixels
                              differ by more than 64 grey levels

The snapshot is a raster (pdftoppm -r 50 -gray) compared with a tolerance,
not a hash: anti-aliasing may differ by a level or two between builds of
poppler and freetype, while a moved or missing block, letterhead, QR code,
signature or watermark changes thousands of pixels (a single line of text
at 50 dpi is some 500 to 900 dark pixels, over 0.2 %)."""
import collections
import gzip
import html.parser
import re
import sys


INLINE = {"a", "b", "strong", "em", "i", "code", "cite", "span", "small"}


class Text(html.parser.HTMLParser):
    """The text of a document; the signature paragraph (p class="sign")
    is left out: the letter draws its own signature block."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts = []
        self.sign = 0

    def handle_data(self, data):
        if self.sign == 0:
            self.parts.append(data)

    def handle_starttag(self, tag, attrs):
        if tag == "p" and ("class", "sign") in attrs:
            self.sign += 1
        elif self.sign > 0 and tag == "p":
            self.sign += 1
        if tag not in INLINE:
            self.parts.append(" ")

    def handle_endtag(self, tag):
        if self.sign > 0 and tag == "p":
            self.sign -= 1
        if tag not in INLINE:
            self.parts.append(" ")


def words(s):
    # pango breaks a long word with a hyphen at a line's end: joined back
    s = re.sub(r"-\n", "", s)
    return collections.Counter(re.findall(r"\w+", s))


def cmd_words(html_file, text_file):
    p = Text()
    p.feed(open(html_file, encoding="utf-8").read())
    want = words("".join(p.parts))
    have = words(open(text_file, encoding="utf-8").read())
    missing = [w for w, k in want.items() if have[w] < k]
    if missing:
        print("missing from the PDF: " + " ".join(missing[:30]))
        return 1
    print("%d words, all in the PDF" % sum(want.values()))
    return 0


def pgm(data):
    m = re.match(rb"P5\s+(\d+)\s+(\d+)\s+(\d+)\s", data)
    if m is None:
        raise ValueError("not a PGM")
    w, h = int(m.group(1)), int(m.group(2))
    return w, h, data[m.end():m.end() + w * h]


def cmd_look(page, ref):
    data = open(page, "rb").read()
    w, h, a = pgm(data)
    rw, rh, b = pgm(gzip.open(ref).read())
    if (w, h) != (rw, rh):
        print("size %dx%d, reference %dx%d" % (w, h, rw, rh))
        return 1
    bad = sum(1 for x, y in zip(a, b) if abs(x - y) > 64)
    share = bad / (w * h)
    print("%d of %d pixels differ (%.3f %%)" % (bad, w * h, 100 * share))
    return 0 if share <= 0.0005 else 1


if __name__ == "__main__":
    cmds = {"words": cmd_words, "look": cmd_look}
    sys.exit(cmds[sys.argv[1]](*sys.argv[2:]))
