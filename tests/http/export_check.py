#!/usr/bin/env python3
"""export_check.py MODE ARGS: checks an export of tests/http/export.sh.

  csv FILE                the CSV's framing (RFC 4180: BOM, CRLF records,
                          one width) and provenance; prints nothing
  table FILE              the table after the provenance, as JSON
  meta FILE LABEL         a provenance value
  same FILE WANT.json     the table equals WANT ({"head": [...], "rows": [...]})
  ranking FILE RANK.json  the ranking equals `selter rank`'s output
  queue FILE PAGE.html    the administrative export equals the queue page
  xlsx FILE WANT.json     the XLSX's first sheet equals WANT, cell types
                          included (text: strings; numbers: numbers)
Exit 1 with the difference on standard output when they differ."""
import csv
import html.parser
import io
import json
import os
import subprocess
import sys


def fail(msg):
    print(msg)
    sys.exit(1)


def load(path):
    raw = open(path, "rb").read()
    if not raw.startswith(b"\xef\xbb\xbf"):
        fail("no UTF-8 byte-order mark")
    text = raw.decode("utf-8-sig")
    recs = list(csv.reader(io.StringIO(text, newline=""), strict=True))
    return raw, recs


def split(recs):
    """title, provenance {label: value}, header, rows."""
    blank = next(i for i, r in enumerate(recs) if all(f == "" for f in r))
    meta = {r[0]: r[1] for r in recs[1:blank]}
    return recs[0][0], meta, recs[blank + 1], recs[blank + 2:]


def csv_ok(path):
    raw, recs = load(path)
    width = {len(r) for r in recs}
    if len(width) != 1:
        fail("records of different widths: %s" % sorted(width))
    # every record ends with CRLF: no bare LF outside a quoted field
    body = raw[3:]
    inq = False
    for i, b in enumerate(body):
        if b == 0x22:
            inq = not inq
        elif b == 0x0A and not inq and (i == 0 or body[i - 1] != 0x0D):
            fail("a bare LF ends a record at byte %d" % i)
    if not body.endswith(b"\r\n"):
        fail("the last record does not end with CRLF")
    _, meta, _, _ = split(recs)
    for k in ("Seleksi", "Wilayah", "Diekspor", "Kepala jejak audit"):
        if not meta.get(k):
            fail("provenance without %s: %s" % (k, meta))


def table(path):
    _, recs = load(path)
    t, meta, head, rows = split(recs)
    return {"title": t, "meta": meta, "head": head, "rows": rows}


def same(got, want):
    if got != want:
        fail("got  %s\nwant %s" % (json.dumps(got, ensure_ascii=False),
                                    json.dumps(want, ensure_ascii=False)))


def ranking(path, rank_path):
    t = table(path)
    rank = json.load(open(rank_path))
    head = t["head"]
    ix = {h: i for i, h in enumerate(head)}
    got = [(r[ix["Peringkat"]], r[ix["Nomor pendaftaran"]],
            r[ix["Nilai akhir"]], r[ix["Seri"]], r[ix["Tiga terbaik"]])
           for r in t["rows"]]
    short = set(rank["shortlist"])
    want = [(str(e["rank"]), e["id"], "%.2f" % e["final"],
             "seri" if e["tie"] else "", "ya" if e["id"] in short else "")
            for e in rank["ranking"]]
    same(got, want)


class Queue(html.parser.HTMLParser):
    """The rows of the queue page's tables: number, name, ..."""

    def __init__(self):
        super().__init__()
        self.rows, self.row, self.cell, self.intd = [], None, "", False

    def handle_starttag(self, tag, attrs):
        if tag == "tr":
            self.row = []
        elif tag == "td":
            self.intd, self.cell = True, ""

    def handle_endtag(self, tag):
        if tag == "td":
            self.row.append(self.cell.strip())
            self.intd = False
        elif tag == "tr" and self.row:
            self.rows.append(self.row)
            self.row = None

    def handle_data(self, data):
        if self.intd:
            self.cell += data


def unquote(cell):
    """A text cell as a reader reads it: the apostrophe that keeps a
    spreadsheet from taking it for a formula is not part of it."""
    if len(cell) > 1 and cell[0] == "'" and cell[1] in "=+-@\t\r":
        return cell[1:]
    return cell


def queue(path, page):
    t = table(path)
    q = Queue()
    q.feed(open(page, encoding="utf-8").read())
    ix = {h: i for i, h in enumerate(t["head"])}
    got = [[unquote(r[ix[k]]) for k in ("Nomor pendaftaran", "Nama",
            "Pemeriksaan awal", "Berkas", "Keputusan")] for r in t["rows"]]
    same(got, q.rows)


def xlsx(path, want_path):
    here = os.path.dirname(os.path.abspath(__file__))
    out = subprocess.run([sys.executable, os.path.join(here, "..", "unit",
                          "xlsx_cells.py"), path], check=True,
                         capture_output=True, text=True).stdout
    cells = {}
    for line in out.splitlines():
        f = line.split("|")
        if len(f) == 6:
            cells[f[0]] = (f[1], json.loads(f[2]), f[3])
    want = json.load(open(want_path))
    for ref, (typ, val) in want.items():
        got = cells.get(ref)
        if got is not None and typ == "n":
            got = (got[0], float(got[1]), got[2])
        if got is None or got[0] != typ or got[1] != val:
            fail("%s: got %s, want %s %r" % (ref, got, typ, val))
        if typ == "n" and isinstance(val, float) and got[2] != "0.00":
            fail("%s: number format %s, want 0.00" % (ref, got[2]))
    if "pane|frozen|1" not in out:
        fail("the header is not frozen:\n" + out)


mode, path = sys.argv[1], sys.argv[2]
if mode == "csv":
    csv_ok(path)
elif mode == "table":
    print(json.dumps(table(path), ensure_ascii=False))
elif mode == "meta":
    print(table(path)["meta"].get(sys.argv[3], ""))
elif mode == "same":
    t = table(path)
    same({"head": t["head"], "rows": t["rows"]}, json.load(open(sys.argv[3])))
elif mode == "ranking":
    ranking(path, sys.argv[3])
elif mode == "queue":
    queue(path, sys.argv[3])
elif mode == "xlsx":
    xlsx(path, sys.argv[3])
else:
    fail("unknown mode " + mode)
