"""The one record model: objects and the people (or bodies) who made or appear in them.

Records are msgspec Structs: cheap to build in the intake hot path, and encoded to and from
JSON in the store without hand-written conversion. Values are kept *as given* by the
institution (``gender``, ``rights_statement``...), next to parsed forms where parsing helps
(dates as intervals, dimensions in numbers), so no stage has to guess what the catalogue said.
"""

from __future__ import annotations

from enum import StrEnum

import msgspec

from glamwiki.model.dates import UNKNOWN, DateInterval


class ImageKind(StrEnum):
    """Kinds of image location."""

    FILE = "file"
    URL = "url"
    IIIF = "iiif"  # a IIIF Image API service base URL


IMAGE_FILE = ImageKind.FILE
IMAGE_URL = ImageKind.URL
IMAGE_IIIF = ImageKind.IIIF
THUMBNAIL = "thumbnail"  # ImageRef.label of an image the source offers only as a small rendition

# Broad forms of an object, which the rights and publishing stages branch on.
FORM_2D = "2D"
FORM_3D = "3D"
FORM_PHOTOGRAPH = "photograph"
FORM_TEXT = "text"
FORM_SOUND = "sound"
FORM_MOVING_IMAGE = "moving-image"
FORMS = (FORM_2D, FORM_3D, FORM_PHOTOGRAPH, FORM_TEXT, FORM_SOUND, FORM_MOVING_IMAGE)

# Kinds of agent.
PERSON = "person"
ORGANISATION = "organisation"
GROUP = "group"
UNKNOWN_AGENT = "unknown"  # "unknown artist", "British School", anonymous


class SourceRef(msgspec.Struct, frozen=True, omit_defaults=True):
    """Where a record came from: the file (or URL) and the row/line/record within it."""

    file: str
    locator: str = ""


class Title(msgspec.Struct, frozen=True, omit_defaults=True):
    text: str
    lang: str | None = None
    kind: str = "main"  # main | alternative | foreign | series


class Dimensions(msgspec.Struct, frozen=True, omit_defaults=True):
    text: str = ""
    height: float | None = None
    width: float | None = None
    depth: float | None = None
    unit: str | None = None


class ImageRef(msgspec.Struct, frozen=True, omit_defaults=True):
    kind: ImageKind
    location: str
    label: str | None = None
    rights: str | None = None  # rights of the image (the reproduction) as given
    width: int | None = None  # pixels, when the source says
    height: int | None = None


class Subject(msgspec.Struct, frozen=True, omit_defaults=True):
    text: str
    kind: str = "topic"  # topic | person | place | event
    id: str | None = None  # an authority id or URI when the catalogue has one


class CreatorRef(msgspec.Struct, frozen=True, omit_defaults=True):
    """A creator as named on an object record, with the facts the record itself gives."""

    name: str
    person_id: str | None = None  # local id of a Person record in the same dataset
    role: str | None = None
    attribution: str | None = None  # "attributed to", "workshop of", "after"...
    kind: str = PERSON
    birth: DateInterval = UNKNOWN
    death: DateInterval = UNKNOWN
    gender: str | None = None
    nationality: str | None = None
    identifiers: dict[str, str] = {}
    active: DateInterval = UNKNOWN  # floruit ("active 1531–1570"): never a birth or death


class ObjectRecord(msgspec.Struct, tag="object", omit_defaults=True):
    id: str
    accession_number: str | None = None
    identifiers: dict[str, str] = {}
    titles: list[Title] = []
    creators: list[CreatorRef] = []
    date: DateInterval = UNKNOWN
    published: bool | None = None  # None: the catalogue does not say
    publication_date: DateInterval = UNKNOWN
    object_type: str | None = None  # as given: "Painting", "on paper, unique"...
    form: str | None = None  # one of FORMS, derived or mapped
    medium: str | None = None
    dimensions: Dimensions | None = None
    credit_line: str | None = None
    rights_statement: str | None = None  # as given: free text, a rightsstatements.org or CC URI
    images: list[ImageRef] = []
    subjects: list[Subject] = []
    description: str | None = None
    department: str | None = None
    institution: str | None = None
    url: str | None = None
    languages: list[str] = []
    extra: dict[str, str] = {}
    provenance: dict[str, str] = {}  # field -> column / path / XPath it came from
    source: SourceRef | None = None

    @property
    def title(self) -> str:
        for t in self.titles:
            if t.kind == "main":
                return t.text
        return self.titles[0].text if self.titles else ""


class Person(msgspec.Struct, tag="person", omit_defaults=True):
    id: str
    name: str
    sort_name: str | None = None
    alt_names: list[str] = []
    kind: str = PERSON
    birth: DateInterval = UNKNOWN
    death: DateInterval = UNKNOWN
    active: DateInterval = UNKNOWN
    gender: str | None = None  # as given by the institution, never folded
    nationality: str | None = None
    birth_place: str | None = None
    death_place: str | None = None
    identifiers: dict[str, str] = {}
    biography: str | None = None
    url: str | None = None
    extra: dict[str, str] = {}
    provenance: dict[str, str] = {}
    source: SourceRef | None = None


Record = ObjectRecord | Person


class RecordKind(StrEnum):
    """What a record describes: a collection object or a person (the store's ``records.kind``)."""

    OBJECT = "object"
    PERSON = "person"


OBJECT = RecordKind.OBJECT
PERSON_RECORD = RecordKind.PERSON


def record_kind(record: Record) -> RecordKind:
    return OBJECT if isinstance(record, ObjectRecord) else PERSON_RECORD
