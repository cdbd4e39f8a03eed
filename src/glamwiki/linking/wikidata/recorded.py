"""Recorded Wikidata answers as a transport for the real client: `link new-items --searches FILE`
works where Wikidata cannot be reached, from answers recorded elsewhere, and nothing it was not
given is ever taken as "found nothing".

The file is JSON Lines, one request and its answer a line, the answer exactly as the API gave it:

    {"request": {"action": "wbsearchentities", "search": "Ger van Elk"}, "answer": {"search": [...]}}
    {"request": {"action": "query", "srsearch": "haswbstatement:P2741=1052"}, "answer": {"query": {...}}}
"""

from __future__ import annotations

import json
from pathlib import Path

from glamwiki.errors import ConfigError
from glamwiki.linking.wikidata.client import Response

KEYS = ("search", "srsearch", "ids")


def request_key(params: dict[str, str]) -> tuple[str, str]:
    return params.get("action", ""), next((params[k] for k in KEYS if k in params), "")


class RecordedAnswers:
    """(method, url, params, headers) -> Response from a file; unknown requests answer HTTP 404."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self.answers: dict[tuple[str, str], str] = {}
        try:
            lines = self.path.read_text(encoding="utf-8").splitlines()
        except OSError as exc:
            raise ConfigError(f"Cannot read recorded answers {path}: {exc.strerror}.") from exc
        for n, line in enumerate(lines, 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
                self.answers[request_key(row["request"])] = json.dumps(row["answer"])
            except (ValueError, KeyError, TypeError) as exc:
                msg = f"{path}, line {n}: not a recorded answer ({exc}); see `link new-items --help`."
                raise ConfigError(msg) from exc

    def __call__(self, method: str, url: str, params: dict[str, str], headers: dict[str, str]) -> Response:
        key = request_key(params)
        if key in self.answers:
            return Response(200, {}, self.answers[key])
        return Response(404, {}, f"{self.path} holds no answer for {key[0]} {key[1]!r}")
