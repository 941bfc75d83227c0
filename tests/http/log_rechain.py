#!/usr/bin/env python3
"""log_rechain.py DB - recompute every event's prev and hash, as a
tamperer who knows the hashing (store/audit.c) would after an edit:
SHA-256 over "selter-event-v1" NUL, prev, then each field as an 8-byte
big-endian length and its bytes (numbers in decimal).  The store's
triggers must be dropped first."""
import hashlib
import sqlite3
import sys


def field(b):
    return len(b).to_bytes(8, "big") + b


def main():
    db = sqlite3.connect(sys.argv[1])
    rows = db.execute("SELECT id, at, actor_id, actor, selection_id, action,"
                      " before, after, rules FROM event ORDER BY id").fetchall()
    prev = bytes(32)
    for r in rows:
        data = b"selter-event-v1\0" + prev
        for i, v in enumerate(r):
            data += field(str(v).encode() if i in (0, 2, 4) else v.encode())
        h = hashlib.sha256(data).digest()
        db.execute("UPDATE event SET prev = ?, hash = ? WHERE id = ?",
                   (prev, h, r[0]))
        prev = h
    db.commit()


if __name__ == "__main__":
    main()
