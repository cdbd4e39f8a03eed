"""Mapping files (TOML): which columns or JSON paths fill which fields of the record model.

A profile shipped with glamwiki is such a file; ``glamwiki profiles show tate`` prints one to
copy and edit. See docs/mapping.md for the format.
"""

from __future__ import annotations

import fnmatch
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from glamwiki.dates.parse import DATE_FORMS
from glamwiki.errors import ConfigError

TABULAR_FORMATS = {"csv", "tsv", "xlsx", "json", "jsonl"}
OBJECT_FIELDS = {
    "id",
    "accession_number",
    "title",
    "alt_title",
    "date",
    "date_earliest",
    "date_latest",
    "published",
    "publication_date",
    "object_type",
    "form",
    "medium",
    "dimensions",
    "height",
    "width",
    "depth",
    "unit",
    "credit_line",
    "rights_statement",
    "image",
    "image_url",
    "image_file",
    "iiif",
    "thumbnail",
    "renditions",
    "subjects",
    "subjects_person",
    "subjects_place",
    "description",
    "department",
    "institution",
    "url",
    "languages",
}
PERSON_FIELDS = {
    "id",
    "name",
    "sort_name",
    "alt_names",
    "kind",
    "lifespan",
    "birth",
    "death",
    "active",
    "birth_year",
    "death_year",
    "gender",
    "nationality",
    "birth_place",
    "death_place",
    "biography",
    "url",
}
CREATOR_FIELDS = PERSON_FIELDS - {"alt_names", "biography", "url"} | {"role", "attribution", "path", "split"}
PREFIXED = ("identifiers.", "extra.")
DATE_FIELDS = {"date", "publication_date", "date_earliest", "date_latest"}  # fields that take format = "edtf"
DATE_FORMATS = DATE_FORMS


@dataclass(frozen=True, slots=True)
class FieldSpec:
    path: str | None = None
    const: Any = None
    transforms: tuple[str, ...] = ()
    split: str | None = None
    format: str | None = None  # date fields: "catalogue" (free text, the default) or "edtf"


@dataclass(slots=True)
class CreatorsSpec:
    fields: dict[str, FieldSpec]
    path: str | None = None  # JSON: the list of creator objects
    split: str | None = None  # tables: several creators in one cell
    people: bool = False  # also make a Person record from each creator with an id


@dataclass(slots=True)
class JoinSpec:
    """A small side table read into memory and joined by key (e.g. NGA's alternative names)."""

    match: list[str]
    key: str
    value: str
    format: str = "csv"


@dataclass(slots=True)
class SourceSpec:
    name: str
    kind: str  # object | person
    format: str | None
    match: list[str]
    fields: dict[str, FieldSpec]
    creators: CreatorsSpec | None = None
    required: list[str] = field(default_factory=lambda: ["id"])
    joins: dict[str, JoinSpec] = field(default_factory=dict)
    encoding: str = "utf-8"
    delimiter: str | None = None
    sheet: str | None = None
    circa_years: int = 5

    def provenance(self) -> dict[str, str]:
        """Record field -> the column or path it is read from (kept with each ingest run)."""
        out = {name: f.path or f"(constant {f.const!r})" for name, f in self.fields.items()}
        if self.creators:
            base = f"{self.creators.path}[*]." if self.creators.path else ""
            out.update({f"creators.{n}": base + (f.path or "(constant)") for n, f in self.creators.fields.items()})
        return out

    def matches(self, filename: str) -> bool:
        return any(fnmatch.fnmatch(filename, pattern) for pattern in self.match)


@dataclass(slots=True)
class Profile:
    name: str
    description: str
    sources: list[SourceSpec]
    institution: str | None = None
    licence: str | None = None
    languages: list[str] = field(default_factory=list)
    origin: str = ""  # the file it was loaded from

    def source_for(self, filename: str) -> SourceSpec | None:
        for spec in self.sources:
            if spec.matches(filename):
                return spec
        return self.sources[0] if len(self.sources) == 1 else None


def load_profile(path: str | Path) -> Profile:
    path = Path(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ConfigError(f"Cannot read mapping file {path}: {exc.strerror}.") from exc
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"Mapping file {path} is not valid TOML: {exc}.") from exc
    return parse_profile(data, str(path))


def parse_profile(data: dict[str, Any], origin: str) -> Profile:
    head = data.get("profile", {})
    sources = data.get("sources")
    if not isinstance(sources, list) or not sources:
        raise ConfigError(f"{origin}: a mapping needs at least one [[sources]] table.")
    return Profile(
        name=str(head.get("name") or Path(origin).stem),
        description=str(head.get("description", "")),
        institution=head.get("institution"),
        licence=head.get("licence"),
        languages=list(head.get("languages", [])),
        sources=[_source(s, f"{origin} [[sources]] #{i + 1}", head) for i, s in enumerate(sources)],
        origin=origin,
    )


def _source(data: dict[str, Any], where: str, head: dict[str, Any]) -> SourceSpec:
    kind = data.get("kind", "object")
    if kind not in ("object", "person"):
        raise ConfigError(f"{where}: kind must be 'object' or 'person', not {kind!r}.")
    fmt = data.get("format")
    if fmt is not None and fmt not in TABULAR_FORMATS:
        raise ConfigError(f"{where}: format must be one of {sorted(TABULAR_FORMATS)}, not {fmt!r}.")
    allowed = OBJECT_FIELDS if kind == "object" else PERSON_FIELDS
    fields = _fields(data.get("fields", {}), allowed, f"{where} fields")
    if "institution" in head and kind == "object" and "institution" not in fields:
        fields["institution"] = FieldSpec(const=head["institution"])
    if "id" not in fields:
        raise ConfigError(f"{where}: the fields table must say which column holds the record id (id = ...).")
    creators = None
    if "creators" in data:
        c = data["creators"]
        creators = CreatorsSpec(
            fields=_fields(
                {k: v for k, v in c.items() if k not in ("path", "split", "people")},
                CREATOR_FIELDS,
                f"{where} creators",
            ),
            path=c.get("path"),
            split=c.get("split"),
            people=bool(c.get("people", False)),
        )
        if "name" not in creators.fields and "sort_name" not in creators.fields:
            raise ConfigError(
                f"{where} creators: say which column or path holds the creator's name (name or sort_name)."
            )
    joins = {
        name: JoinSpec(match=_list(j["match"]), key=j["key"], value=j["value"], format=j.get("format", "csv"))
        for name, j in data.get("joins", {}).items()
    }
    return SourceSpec(
        name=str(data.get("name", kind)),
        kind=kind,
        format=fmt,
        match=_list(data.get("match", ["*"])),
        fields=fields,
        creators=creators,
        required=_list(data.get("required", ["id"])),
        joins=joins,
        encoding=data.get("encoding", "utf-8"),
        delimiter=data.get("delimiter"),
        sheet=data.get("sheet"),
        circa_years=int(data.get("circa_years", 5)),
    )


def _fields(raw: dict[str, Any], allowed: set[str], where: str) -> dict[str, FieldSpec]:
    out: dict[str, FieldSpec] = {}
    for name, spec in _flatten(raw).items():
        if name not in allowed and not name.startswith(PREFIXED):
            raise ConfigError(
                f"{where}: unknown field {name!r}. Fields are: {', '.join(sorted(allowed))}, "
                "and identifiers.<scheme> or extra.<name>."
            )
        out[name] = _field(spec, f"{where}.{name}")
        if out[name].format is not None and name not in DATE_FIELDS:
            raise ConfigError(f"{where}.{name}: format applies to date fields only ({', '.join(sorted(DATE_FIELDS))}).")
    return out


def _flatten(raw: dict[str, Any]) -> dict[str, Any]:
    """``identifiers = {ulan = "ULAN"}`` and ``"identifiers.ulan" = "ULAN"`` mean the same."""
    out: dict[str, Any] = {}
    for name, spec in raw.items():
        if name in ("identifiers", "extra") and isinstance(spec, dict):
            for sub, subspec in spec.items():
                out[f"{name}.{sub}"] = subspec
        else:
            out[name] = spec
    return out


def _field(spec: Any, where: str) -> FieldSpec:
    if isinstance(spec, str):
        return FieldSpec(path=spec)
    if not isinstance(spec, dict):
        raise ConfigError(f"{where}: give a column/path string or a table with path/value/transform.")
    unknown = set(spec) - {"path", "value", "transform", "split", "format"}
    if unknown:
        raise ConfigError(f"{where}: unknown key(s) {sorted(unknown)}; use path, value, transform, split, format.")
    fmt = spec.get("format")
    if fmt is not None and fmt not in DATE_FORMATS:
        raise ConfigError(f"{where}: format must be one of {', '.join(DATE_FORMATS)}, not {fmt!r}.")
    if "path" not in spec and "value" not in spec:
        raise ConfigError(f"{where}: give either path (a column or JSON path) or value (a constant).")
    from glamwiki.intake.transforms import get_transform

    transforms = tuple(_list(spec.get("transform", [])))
    for name in transforms:
        get_transform(name, where)
    return FieldSpec(
        path=spec.get("path"), const=spec.get("value"), transforms=transforms, split=spec.get("split"), format=fmt
    )


def _list(value: Any) -> list[str]:
    if value is None:
        return []
    return [value] if isinstance(value, str) else list(value)
