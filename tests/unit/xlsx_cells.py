#!/usr/bin/env python3
"""xlsx_cells.py FILE: the cells of an XLSX file's first sheet, one line
each, for tests/unit/test_export.c (and tests/http/export.sh):

    REF|TYPE|VALUE|NUMFMT|BOLD|FORMULA

TYPE is the cell's t attribute ('s' shared string, 'n' number, ...),
VALUE JSON (shared strings resolved, numbers as Python's repr), NUMFMT the number format's code or
id, BOLD 1/0, FORMULA 1 when the cell holds one.  Then "sheets|A|B",
"pane|STATE|YSPLIT" and "title|..." (docProps/core.xml)."""
import json
import sys
import xml.etree.ElementTree as ET
import zipfile

M = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
ns = {"m": M}
z = zipfile.ZipFile(sys.argv[1])
names = z.namelist()
ss = []
if "xl/sharedStrings.xml" in names:
    for si in ET.fromstring(z.read("xl/sharedStrings.xml")).findall("m:si", ns):
        ss.append("".join(t.text or "" for t in si.iter("{%s}t" % M)))
styles = ET.fromstring(z.read("xl/styles.xml"))
fmts = {n.get("numFmtId"): n.get("formatCode")
        for n in styles.findall("m:numFmts/m:numFmt", ns)}
xfs = styles.findall("m:cellXfs/m:xf", ns)
fonts = styles.findall("m:fonts/m:font", ns)
sheet = ET.fromstring(z.read("xl/worksheets/sheet1.xml"))
for c in sheet.iter("{%s}c" % M):
    t = c.get("t", "n")
    v = c.find("m:v", ns)
    if t == "s":
        val = ss[int(v.text)]
    elif t == "inlineStr":
        val = "".join(x.text or "" for x in c.iter("{%s}t" % M))
    else:
        val = v.text if v is not None else ""
        if t == "n" and val != "":
            # the shortest text of the stored double: libxlsxwriter
            # writes 16 digits ("77.15000000000001" for 77.15)
            val = repr(float(val))
    xf = xfs[int(c.get("s", "0"))]
    fid = xf.get("numFmtId", "0")
    bold = fonts[int(xf.get("fontId", "0"))].find("m:b", ns) is not None
    print("%s|%s|%s|%s|%d|%d" % (c.get("r"), t, json.dumps(val, ensure_ascii=False),
          fmts.get(fid, fid), bold, c.find("m:f", ns) is not None))
wb = ET.fromstring(z.read("xl/workbook.xml"))
print("sheets|" + "|".join(s.get("name") for s in wb.iter("{%s}sheet" % M)))
for p in sheet.iter("{%s}pane" % M):
    print("pane|%s|%s" % (p.get("state"), p.get("ySplit")))
core = ET.fromstring(z.read("docProps/core.xml"))
for e in core.iter():
    if e.tag.endswith("}title"):
        print("title|" + (e.text or ""))
