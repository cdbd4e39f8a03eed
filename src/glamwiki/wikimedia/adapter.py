"""Answers from a function instead of the network, mounted on an :class:`~glamwiki.wikimedia.http.Http`
like any ``requests`` transport adapter, so recorded answers (``link new-items --searches FILE``) go
through the same retries, error mapping and cache as live ones."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, Protocol
from urllib.parse import parse_qsl, urlsplit

import requests
from requests.adapters import BaseAdapter
from requests.structures import CaseInsensitiveDict


class Answer(Protocol):
    @property
    def status(self) -> int: ...
    @property
    def headers(self) -> Mapping[str, str]: ...
    @property
    def text(self) -> str: ...


# (method, url without its query, parameters, request headers) -> an answer
Answering = Callable[[str, str, dict[str, str], dict[str, str]], Answer]


class FunctionAdapter(BaseAdapter):
    def __init__(self, answer: Answering) -> None:
        super().__init__()
        self.answer = answer

    def send(self, request: requests.PreparedRequest, *args: Any, **kwargs: Any) -> requests.Response:
        parts = urlsplit(request.url or "")
        params = dict(parse_qsl(parts.query, keep_blank_values=True))
        if isinstance(request.body, str | bytes) and request.body:
            body = request.body.decode() if isinstance(request.body, bytes) else request.body
            params.update(parse_qsl(body, keep_blank_values=True))
        url = parts._replace(query="").geturl()
        got = self.answer(request.method or "GET", url, params, dict(request.headers))
        response = requests.Response()
        response.status_code = got.status
        response.headers = CaseInsensitiveDict(dict(got.headers))
        response._content = got.text.encode("utf-8")
        response.encoding = "utf-8"
        response.url = request.url or ""
        response.request = request
        return response

    def close(self) -> None:
        pass
