#!/usr/bin/env python3
"""Writes data/holidays/YYYY.txt from shared/data/holidays-reference.md.

Run by hand when the reference changes; the output is committed and
reviewed like any data. A year whose block has no dated line (no decree
found) gets no file, so asking for its working days is an error.
Usage: tools/holidays-from-reference.py REFERENCE.md OUTDIR
"""
import re
import sys


def main(ref, outdir):
    blocks, cur = [], None
    for line in open(ref, encoding="utf-8"):
        line = line.rstrip("\n")
        m = re.match(r"^## (\d{4})$", line)
        if m:
            cur = {"year": m.group(1), "source": "", "days": [], "notes": ""}
            blocks.append(cur)
        elif cur is None:
            continue
        elif line.startswith("source: "):
            cur["source"] = line[len("source: "):]
        elif line.startswith("notes: "):
            cur["notes"] = line[len("notes: "):]
        elif re.match(r"^\d{4}-\d{2}-\d{2} (libur|cuti) ", line):
            cur["days"].append(line)
    for b in blocks:
        if not b["days"]:
            print(f"{b['year']}: no dated line, no file written")
            continue
        src, _, checked = b["source"].partition("; checked against: ")
        with open(f"{outdir}/{b['year']}.txt", "w", encoding="utf-8") as f:
            f.write(f"# Hari libur nasional and cuti bersama, {b['year']}.\n")
            f.write("# Copied from the project's checked reference list; "
                    "format: docs/holidays.md.\n")
            if checked:
                f.write(f"# checked against: {checked}\n")
            f.write(f"year: {b['year']}\n")
            f.write(f"source: {src}\n")
            for d in sorted(b["days"], key=lambda s: s[:10]):
                f.write(d + "\n")
            if b["notes"]:
                f.write(f"notes: {b['notes']}\n")
        print(f"{b['year']}: {len(b['days'])} days")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
