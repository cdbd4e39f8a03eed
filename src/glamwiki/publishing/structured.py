"""Writing structured data to the file's MediaInfo entity (``M`` + page id) with ``wbeditentity``."""

from __future__ import annotations

import json
from typing import Any

from glamwiki.publishing.api import ApiClient
from glamwiki.publishing.sdc import properties_in


class StructuredData:
    def __init__(self, client: ApiClient) -> None:
        self.client = client
        self._supported: bool | None = None

    def supported(self) -> bool:
        """Whether the wiki has wbeditentity (WikibaseMediaInfo); a plain MediaWiki has not."""
        if self._supported is None:
            data = self.client.get(action="paraminfo", modules="wbeditentity")
            modules = data.get("paraminfo", {}).get("modules", [])
            self._supported = any(m.get("name") == "wbeditentity" for m in modules)
        return self._supported

    def already_written(self, mid: str, data: dict[str, Any]) -> int | None:
        """The entity's revision when it already has every planned statement (a write whose answer was lost)."""
        found = self.client.get(action="wbgetentities", ids=mid, props="claims|info")
        entity = found.get("entities", {}).get(mid, {})
        if "missing" in entity:
            return None
        have = set((entity.get("statements") or entity.get("claims") or {}).keys())
        return int(entity.get("lastrevid", 0)) if properties_in(data) <= have else None

    def write(self, mid: str, data: dict[str, Any], summary: str) -> int:
        """Add the captions and statements; returns the entity's new revision id."""
        answer = self.client.write(
            {"action": "wbeditentity", "id": mid, "data": json.dumps(data, ensure_ascii=False), "summary": summary}
        )
        return int(answer.get("entity", {}).get("lastrevid", 0))
