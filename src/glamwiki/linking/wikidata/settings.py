"""What an institution tells glamwiki about itself on Wikidata: the `[wikidata]` section of its
profile (or mapping) TOML. Each institution sets its own; nothing here is Tate's unless Tate's
profile says so.

```toml
[wikidata]
stated_in = "Q430682"      # P248 of every reference: the collection database (or the institution)
collection = "Q430682"     # P195 of the works
retrieved = "2014-10"      # P813: when the data was retrieved (the export's date); leave out if unknown
[wikidata.person_id]       # the institution's own artist-id property
property = "P2741"
source = "id"              # the Person field: id | url_last | url_number
format = '[1-9]\\d*'       # the property's format constraint (a regular expression)
[wikidata.object_types]    # P31 of the works, by the catalogue's object type (lower case)
painting = "Q3305213"
[wikidata.materials]       # P186, by a word of the medium (lower case)
"oil paint" = "Q296955"
```
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from glamwiki.errors import ConfigError
from glamwiki.store import Store
from glamwiki.store.runs import latest_runs_by_dataset

_QID = re.compile(r"^Q[1-9]\d*$")
_PID = re.compile(r"^P[1-9]\d*$")
_DAY = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


@dataclass
class IdProperty:
    prop: str
    source: str = "id"
    format: str = ""

    def value(self, local_id: str, url: str | None) -> str | None:
        if self.source == "id":
            return local_id
        if not url:
            return None
        last = url.rstrip("/").rsplit("/", 1)[-1]
        if self.source == "url_number":
            m = re.search(r"(\d+)$", last)
            return m.group(1) if m else None
        return last

    def problem(self, value: str) -> str | None:
        """Why a value breaks the property's format constraint (None when it is fine)."""
        if self.format and not re.fullmatch(self.format, value):
            return f"{self.prop} value {value!r} does not match the property's format {self.format!r}"
        return None


@dataclass
class WikidataSettings:
    origin: str = ""
    stated_in: str = ""
    collection: str = ""
    retrieved: str = ""  # YYYY, YYYY-MM or YYYY-MM-DD; "" = unknown (no P813 then)
    person_id: IdProperty | None = None
    object_types: dict[str, str] = field(default_factory=dict)
    materials: dict[str, str] = field(default_factory=dict)

    def retrieved_time(self) -> tuple[str, int] | None:
        if not self.retrieved:
            return None
        parts = self.retrieved.split("-")
        y, m, d = [*parts, "00", "00"][:3]
        return f"+{y}-{m}-{d}T00:00:00Z", {1: 9, 2: 10, 3: 11}[len(parts)]


def parse_settings(data: dict[str, Any], origin: str) -> WikidataSettings:
    wd = data.get("wikidata") or {}
    out = WikidataSettings(origin=origin, retrieved=str(wd.get("retrieved", "")))
    for key in ("stated_in", "collection"):
        value = str(wd.get(key, ""))
        if value and not _QID.match(value):
            raise ConfigError(f"{origin}: [wikidata] {key} = {value!r} is not an item id (Q…).")
        setattr(out, key, value)
    if out.retrieved and not _DAY.match(out.retrieved):
        raise ConfigError(f"{origin}: [wikidata] retrieved = {out.retrieved!r} is not YYYY, YYYY-MM or YYYY-MM-DD.")
    pid = wd.get("person_id")
    if pid:
        if not _PID.match(str(pid.get("property", ""))):
            raise ConfigError(f"{origin}: [wikidata.person_id] property must be a property id (P…).")
        if pid.get("source", "id") not in ("id", "url_last", "url_number"):
            raise ConfigError(f"{origin}: [wikidata.person_id] source is id, url_last or url_number.")
        out.person_id = IdProperty(pid["property"], pid.get("source", "id"), pid.get("format", ""))
    for key in ("object_types", "materials"):
        table = {str(k).lower(): str(v) for k, v in (wd.get(key) or {}).items()}
        bad = [f"{k} = {v}" for k, v in table.items() if not _QID.match(v)]
        if bad:
            raise ConfigError(f"{origin}: [wikidata.{key}] needs item ids (Q…): {', '.join(bad[:3])}.")
        setattr(out, key, table)
    return out


def profile_settings(profile: str) -> WikidataSettings:
    """The settings of a built-in profile by name, or of a mapping file by path."""
    from glamwiki.intake.registry import mapping_profiles, profile_text

    if profile in mapping_profiles():
        return parse_settings(tomllib.loads(profile_text(profile)), f"profile {profile}")
    path = Path(profile)
    if path.is_file():
        try:
            return parse_settings(tomllib.loads(path.read_text(encoding="utf-8")), str(path))
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(f"{path} is not valid TOML: {exc}.") from exc
    return WikidataSettings(origin="none")


def dataset_settings(store: Store, dataset: str) -> WikidataSettings:
    """The settings of the profile a dataset was last ingested with."""
    runs = [r for r in latest_runs_by_dataset(store) if r["dataset"] == dataset and r.get("profile")]
    return profile_settings(str(runs[-1]["profile"])) if runs else WikidataSettings(origin="none")
