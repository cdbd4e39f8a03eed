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
APPLIES_TO_JURISDICTION = "P1001"  # qualifier of P6216 (https://www.wikidata.org/wiki/Property:P1001)
DIGITAL_REPRESENTATION_OF = "P6243"

# Attribution qualifiers of P170 = unknown value (each property page: "use with P170 unknown value")
ATTRIBUTED_TO = "P1773"
WORKSHOP_OF = "P1774"
FOLLOWER_OF = "P1775"
CIRCLE_OF = "P1776"
MANNER_OF = "P1777"
SCHOOL_OF = "P1780"
AFTER_A_WORK_BY = "P1877"
NATURE_OF_STATEMENT = "P5102"  # https://www.wikidata.org/wiki/Property:P5102

# Inception qualifiers (https://commons.wikimedia.org/wiki/Commons:Structured_data/Modeling/Date)
EARLIEST_DATE = "P1319"
LATEST_DATE = "P1326"
SOURCING_CIRCUMSTANCES = "P1480"

# Values of P5102 / P1480
POSSIBLY = "Q30230067"
PROBABLY = "Q56644435"
CIRCA = "Q5727902"

# P1001 (applies to jurisdiction) for each P459 determination method of a public-domain P6216, as
# Commons' structured data pairs them (https://commons.wikimedia.org/wiki/Commons:Structured_data/Modeling/Copyright):
# "N years after the author's death" -> "countries with N years pma or shorter"; "published more than
# 95 years ago" -> the United States.
UNITED_STATES = "Q30"
UNITED_KINGDOM = "Q145"
PUBLIC_DOMAIN = "Q19652"  # value of P6216
COPYRIGHTED = "Q50423863"  # value of P6216
JURISDICTION_OF_METHOD = {
    "Q29870405": "Q59621182",  # 50 years pma
    "Q29870196": "Q59542795",  # 70 years pma
    "Q29940641": "Q61830521",  # 80 years pma
    "Q29940705": "Q60332278",  # 100 years pma
    "Q47246828": UNITED_STATES,  # published more than 95 years ago
}

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
