"""Wikidata and Commons property and item ids used by the publishing stage, by name."""

from __future__ import annotations

# Properties (structured data on Commons, MediaInfo statements)
CREATOR = "P170"
DEPICTS = "P180"
INCEPTION = "P571"
COPYRIGHT_STATUS = "P6216"
COPYRIGHT_LICENCE = "P275"
COLLECTION = "P195"
INVENTORY_NUMBER = "P217"
SOURCE_OF_FILE = "P7482"
DESCRIBED_AT_URL = "P973"
OPERATOR = "P137"
DETERMINATION_METHOD = "P459"
AUTHOR_NAME_STRING = "P2093"
OBJECT_HAS_ROLE = "P3831"

# Items
FILE_AVAILABLE_ON_INTERNET = "Q74228490"  # value of P7482 for a file taken from a web page
SOMEVALUE = "somevalue"  # snak type for an unknown or unlinked value

# Wikibase time precision
PRECISION_YEAR = 9
PRECISION_DECADE = 8
PRECISION_CENTURY = 7
PRECISION_DAY = 11
GREGORIAN = "http://www.wikidata.org/entity/Q1985727"

# Identifier keys in ObjectRecord.identifiers / CreatorRef.identifiers that hold a Wikidata QID
WIKIDATA_KEYS = ("wikidata", "wikidata_qid", "qid")
