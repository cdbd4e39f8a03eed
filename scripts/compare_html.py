"""Compare two HTML pages by structure and text, whitespace and quoting aside: the check used when
the report moved from f-strings to templates (ADR 0010). Run-specific values (the generation time,
batch ids, timestamps, local ports) are normalised.

    python scripts/compare_html.py before/report.html after/report.html

Prints the differing stretches of tokens (tags with sorted attributes, text runs); exit status 1
when there are any.
"""

from __future__ import annotations

import difflib
import re
import sys
from html.parser import HTMLParser

VOLATILE = [
    (re.compile(r"generated \d{4}-\d\d-\d\d \d\d:\d\d UTC"), "generated …"),
    (re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ"), "…T…Z"),
    (re.compile(r"gw-\d{8}-[0-9a-f]{6}"), "gw-…"),
    (re.compile(r"127\.0\.0\.1:\d+"), "127.0.0.1:…"),
]


class Tokens(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self._text = ""

    def _flush(self) -> None:
        text = re.sub(r"\s+", " ", self._text).strip()
        if text:
            self.out.append("TEXT " + text)
        self._text = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._flush()
        self.out.append(f"<{tag} {sorted(attrs, key=str)}>")

    def handle_endtag(self, tag: str) -> None:
        self._flush()
        self.out.append(f"</{tag}>")

    def handle_data(self, data: str) -> None:
        self._text += data


def tokens(path: str) -> list[str]:
    with open(path, encoding="utf-8") as fh:
        text = fh.read()
    for pattern, replacement in VOLATILE:
        text = pattern.sub(replacement, text)
    parser = Tokens()
    parser.feed(text)
    parser._flush()
    return parser.out


def main(before: str, after: str) -> int:
    a, b = tokens(before), tokens(after)
    print(f"{len(a):,} tokens before, {len(b):,} after")
    changed = 0
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op != "equal":
            changed += 1
            print(f"{op}: {a[i1:i2][:8]} => {b[j1:j2][:8]}")
    return 1 if changed else 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:3]))
