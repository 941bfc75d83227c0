#!/usr/bin/env python3
"""forms.py - every POST form of an HTML page, filled as a person would.

usage: forms.py PAGE.html TODAY LATER
Prints one line a form: the action, then each field as name=value, all
separated by tabs (values never hold a tab or newline).  A field keeps its
value; an empty one is filled by its name and type: the date of a letter
("date") is TODAY, any other date LATER, a login or code a word, a
password a long one, any other text a sentence; every checkbox is ticked,
the first radio of a group and the first option of a select are chosen.  Forms that upload a file are left out, and
so are logging out and changing one's password, which would end the visit.
Only the standard library: the HTTP tests run it with Debian's python3.
"""
import sys
from html.parser import HTMLParser

SKIP = ("/keluar", "/akun/sandi")


class Forms(HTMLParser):
    def __init__(self, today, later):
        super().__init__(convert_charrefs=True)
        self.today = today
        self.later = later
        self.forms = []
        self.cur = None
        self.select = None
        self.area = None
        self.radios = set()

    def fill(self, kind, name, value):
        if value:
            return value
        if kind == "date":
            return self.today if name == "date" else self.later
        if kind == "password" or name.startswith("pw"):
            return "rahasia-uji-coba-1"
        if name in ("code", "login", "region"):
            return "ujicoba"
        if kind == "number":
            return "1"
        if kind == "email":
            return "uji@example.org"
        if "nip" in name:
            return "197804212003031002"
        return "Uji coba sesudah publikasi"

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form":
            if a.get("method", "get").lower() == "post":
                self.cur = {"action": a.get("action", ""), "fields": [],
                            "file": "multipart" in a.get("enctype", "")}
            return
        if self.cur is None:
            return
        name = a.get("name")
        if tag == "input" and name:
            kind = a.get("type", "text").lower()
            if kind == "file":
                self.cur["file"] = True
            elif kind == "radio":
                key = (id(self.cur), name)
                if key not in self.radios:
                    self.radios.add(key)
                    self.cur["fields"].append((name, a.get("value", "")))
            elif kind == "checkbox":
                self.cur["fields"].append((name, a.get("value", "on")))
            elif kind not in ("submit", "button", "reset"):
                self.cur["fields"].append(
                    (name, self.fill(kind, name, a.get("value", ""))))
        elif tag == "select" and name:
            self.select = [name, None]
        elif tag == "option" and self.select is not None:
            if self.select[1] is None:
                self.select[1] = a.get("value", "")
        elif tag == "textarea" and name:
            self.area = [name, ""]

    def handle_data(self, data):
        if self.area is not None:
            self.area[1] += data

    def handle_endtag(self, tag):
        if self.cur is None:
            return
        if tag == "select" and self.select is not None:
            self.cur["fields"].append((self.select[0], self.select[1] or ""))
            self.select = None
        elif tag == "textarea" and self.area is not None:
            self.cur["fields"].append(
                (self.area[0], self.fill("text", self.area[0],
                                         self.area[1].strip())))
            self.area = None
        elif tag == "form":
            self.forms.append(self.cur)
            self.cur = None


def clean(s):
    return " ".join(s.split())


def main():
    if len(sys.argv) != 4:
        sys.exit("usage: forms.py PAGE.html TODAY LATER")
    with open(sys.argv[1], encoding="utf-8") as f:
        page = f.read()
    p = Forms(sys.argv[2], sys.argv[3])
    p.feed(page)
    for form in p.forms:
        if form["file"] or form["action"] in SKIP or not form["action"]:
            continue
        print("\t".join([form["action"]] + ["%s=%s" % (n, clean(v))
                                            for n, v in form["fields"]]))


main()
