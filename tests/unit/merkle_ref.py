#!/usr/bin/env python3
"""merkle_ref.py - an independent RFC 6962 reference for test_log.c.

Straight from the RFC's recursive definitions (MTH, PATH, SUBPROOF over
hashlib), nothing shared with the C code.  Leaves are the bytes
b"leaf-%d" % i.  Prints, one per line:
  root N HEX
  incl N M HEX,HEX,...        (the audit path of leaf M in the tree of N)
  cons M N HEX,HEX,...        (the consistency proof from M to N)
"""
import hashlib
import sys


def h(b):
    return hashlib.sha256(b).digest()


def mth(d):
    n = len(d)
    if n == 0:
        return h(b"")
    if n == 1:
        return h(b"\x00" + d[0])
    k = 1
    while k * 2 < n:
        k *= 2
    return h(b"\x01" + mth(d[:k]) + mth(d[k:]))


def path(m, d):
    n = len(d)
    if n <= 1:
        return []
    k = 1
    while k * 2 < n:
        k *= 2
    if m < k:
        return path(m, d[:k]) + [mth(d[k:])]
    return path(m - k, d[k:]) + [mth(d[:k])]


def subproof(m, d, b):
    n = len(d)
    if m == n:
        return [] if b else [mth(d)]
    k = 1
    while k * 2 < n:
        k *= 2
    if m <= k:
        return subproof(m, d[:k], b) + [mth(d[k:])]
    return subproof(m - k, d[k:], False) + [mth(d[:k])]


def main():
    top = int(sys.argv[1]) if len(sys.argv) > 1 else 40
    leaves = [b"leaf-%d" % i for i in range(top)]
    for n in range(0, top + 1):
        print("root", n, mth(leaves[:n]).hex())
    for n in range(1, top + 1):
        for m in range(n):
            print("incl", n, m, ",".join(x.hex() for x in path(m, leaves[:n])))
        for m in range(1, n + 1):
            print("cons", m, n, ",".join(
                x.hex() for x in subproof(m, leaves[:n], True)))


if __name__ == "__main__":
    main()
