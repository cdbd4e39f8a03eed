"""The record model shared by every stage."""

from glamwiki.model.dates import UNKNOWN, DateInterval, iso_day
from glamwiki.model.records import (
    FORMS,
    IMAGE_FILE,
    IMAGE_IIIF,
    IMAGE_URL,
    CreatorRef,
    Dimensions,
    ImageRef,
    ObjectRecord,
    Person,
    Record,
    SourceRef,
    Subject,
    Title,
    record_kind,
)

__all__ = [
    "FORMS",
    "IMAGE_FILE",
    "IMAGE_IIIF",
    "IMAGE_URL",
    "UNKNOWN",
    "CreatorRef",
    "DateInterval",
    "Dimensions",
    "ImageRef",
    "ObjectRecord",
    "Person",
    "Record",
    "SourceRef",
    "Subject",
    "Title",
    "iso_day",
    "record_kind",
]
