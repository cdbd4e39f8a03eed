"""Every Wikidata property and item id and Commons convention name glamwiki uses, by name, in one module.

Stages import names from here; a test (tests/wikimedia/test_ids.py) fails if a ``"P123"``/``"Q123"``
literal appears anywhere else in ``src/``. Each id's meaning is its page, https://www.wikidata.org/wiki/<id>
(properties: https://www.wikidata.org/wiki/Property:<id>).
"""

from __future__ import annotations

# ---- Used by linking and gaps (was linking/constants.py) ----------------

# Items
HUMAN = "Q5"
FEMALE = "Q6581072"
MALE = "Q6581097"
NON_BINARY = "Q48270"
INTERSEX = "Q1097630"
TRANS_WOMAN = "Q1052281"
TRANS_MAN = "Q2449503"

# Properties
INSTANCE_OF = "P31"
SUBCLASS_OF = "P279"
SEX_OR_GENDER = "P21"
CITIZENSHIP = "P27"
DATE_OF_BIRTH = "P569"
DATE_OF_DEATH = "P570"
OCCUPATION = "P106"
IMAGE = "P18"
PLACE_OF_BIRTH = "P19"
PLACE_OF_DEATH = "P20"
ULAN_ID = "P245"
VIAF_ID = "P214"
ISNI = "P213"
RKD_ARTISTS_ID = "P650"
NGA_ARTIST_ID = "P2252"
MOMA_ARTIST_ID = "P2174"
TATE_ARTIST_ID = "P2741"  # was P1795 by mistake: that is the Smithsonian American Art Museum person id
SAAM_PERSON_ID = "P1795"
STATED_IN = "P248"
REFERENCE_URL = "P854"
RETRIEVED = "P813"
FLORUIT = "P1317"

# Gender values as the catalogue-side words we fold to (names kept, never merged silently).
GENDER_WORDS = {FEMALE: "female", MALE: "male", NON_BINARY: "non-binary", INTERSEX: "intersex",
                TRANS_WOMAN: "trans woman", TRANS_MAN: "trans man"}  # fmt: skip

# Identifier schemes a Person may carry (Person.identifiers keys) and their Wikidata property.
IDENTIFIER_PROPERTIES = {
    "ulan": ULAN_ID,
    "viaf": VIAF_ID,
    "isni": ISNI,
    "rkd": RKD_ARTISTS_ID,
    "nga": NGA_ARTIST_ID,
    "moma": MOMA_ARTIST_ID,
    "tate": TATE_ARTIST_ID,
}
WIKIDATA = "wikidata"  # the key of a QID in Person.identifiers
STRONG_SCHEMES = ("wikidata", "ulan", "viaf", "isni", "rkd")

# Key properties per occupation, Recoin-style (what most items of that occupation have).
ARTIST_OCCUPATIONS = {"Q1028181": "painter", "Q1281618": "sculptor", "Q33231": "photographer",
                      "Q483501": "artist", "Q42973": "architect", "Q1925963": "graphic artist",
                      "Q11569986": "printmaker", "Q644687": "illustrator", "Q3391743": "visual artist"}  # fmt: skip
KEY_PROPERTIES = (DATE_OF_BIRTH, PLACE_OF_BIRTH, CITIZENSHIP, OCCUPATION, IMAGE, ULAN_ID)

# New items
ARTIST = "Q483501"
CIRCA = "Q5727902"  # P1480 sourcing circumstances: circa
PRESUMABLY = "Q18122778"  # P1480 sourcing circumstances: presumably ("?1750")
SOURCING_CIRCUMSTANCES = "P1480"
EARLIEST_DATE = "P1319"
LATEST_DATE = "P1326"
ALIAS = "alias"
INSTITUTIONS = {"tate": "Q430682", "moma": "Q188740", "nga": "Q214867", "cmoa": "Q1043967"}
# The institution's own artist-id property, and how to get the value from a Person.
INSTITUTION_ID_PROPERTY = {"moma": MOMA_ARTIST_ID, "nga": NGA_ARTIST_ID, "tate": TATE_ARTIST_ID}
ROLE_OCCUPATIONS = {"artist": ARTIST, "painter": "Q1028181", "sculptor": "Q1281618", "photographer": "Q33231",
                    "printmaker": "Q11569986", "draughtsman": "Q15296811", "architect": "Q42973"}  # fmt: skip
GENDER_ITEMS = {"female": FEMALE, "male": MALE, "non-binary": NON_BINARY}

# Works (https://www.wikidata.org/wiki/Wikidata:WikiProject_sum_of_all_paintings/Data_structure)
CREATOR = "P170"
COLLECTION = "P195"
INVENTORY_NUMBER = "P217"
INCEPTION = "P571"
MADE_FROM_MATERIAL = "P186"
HEIGHT = "P2048"
WIDTH = "P2049"
DEPTH = "P2610"
DESCRIBED_AT_URL = "P973"
COPYRIGHT_STATUS = "P6216"
TITLE = "P1476"
DIGITAL_REPRESENTATION_OF = "P6243"  # on the Commons file, pointing at the work's item
OBJECT_HAS_ROLE = "P3831"
# Attribution qualifiers on P170 (as the Commons pages issue and Sum of All Paintings model them)
ATTRIBUTION_QUALIFIERS = {
    "attributed to": "P1773",  # attributed to
    "manner of": "P1777",  # manner of
    "style of": "P1777",
    "after": "P1877",  # after a work by
    "copy after": "P1877",
    "prints after": "P1877",
    "circle of": "P1776",  # circle of
    "follower of": "P1776",
    "workshop of": "P1774",  # workshop of
    "studio of": "P1774",
    "school of": "P1780",  # school of
    "pupil of": "P1780",
    "possibly": "P1779",  # possible creator
}
ANONYMOUS = "Q4233718"
CENTIMETRE = "Q174728"
MILLIMETRE = "Q174789"
METRE = "Q11573"
INCH = "Q218593"
UNITS = {"cm": CENTIMETRE, "mm": MILLIMETRE, "m": METRE, "in": INCH}
PUBLIC_DOMAIN = "Q19652"
COPYRIGHTED = "Q50423863"


# ---- Used by publishing (structured data on Commons) (was publishing/ids.py)
DEPICTS = "P180"
COPYRIGHT_LICENCE = "P275"
SOURCE_OF_FILE = "P7482"
OPERATOR = "P137"
DETERMINATION_METHOD = "P459"
AUTHOR_NAME_STRING = "P2093"
APPLIES_TO_JURISDICTION = "P1001"  # qualifier of P6216 (https://www.wikidata.org/wiki/Property:P1001)

# Attribution qualifiers of P170 = unknown value (each property page: "use with P170 unknown value")
ATTRIBUTED_TO = "P1773"
WORKSHOP_OF = "P1774"
FOLLOWER_OF = "P1775"
CIRCLE_OF = "P1776"
MANNER_OF = "P1777"
SCHOOL_OF = "P1780"
AFTER_A_WORK_BY = "P1877"
NATURE_OF_STATEMENT = "P5102"  # https://www.wikidata.org/wiki/Property:P5102

# Values of P5102 / P1480
POSSIBLY = "Q30230067"
PROBABLY = "Q56644435"

# P1001 (applies to jurisdiction) for each P459 determination method of a public-domain P6216, as
# Commons' structured data pairs them (https://commons.wikimedia.org/wiki/Commons:Structured_data/Modeling/Copyright):
# "N years after the author's death" -> "countries with N years pma or shorter"; "published more than
# 95 years ago" -> the United States.
UNITED_STATES = "Q30"
UNITED_KINGDOM = "Q145"  # jurisdiction (P1001) of a UK public-domain status
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


# ---- Used by reach (was reach/ids.py) -----------------------------------

P_SEX_OR_GENDER = SEX_OR_GENDER
P_INSTANCE_OF = INSTANCE_OF

Q_HUMAN = HUMAN
Q_FEMALE = FEMALE
Q_MALE = MALE
Q_TRANS_WOMAN = TRANS_WOMAN
Q_TRANS_MAN = TRANS_MAN
Q_NON_BINARY = NON_BINARY
Q_INTERSEX = INTERSEX

# Values of P21 counted as "women" in the event report (cis and trans women).
WOMEN = frozenset({Q_FEMALE, Q_TRANS_WOMAN})
GENDER_LABELS = {
    Q_FEMALE: "female",
    Q_MALE: "male",
    Q_TRANS_WOMAN: "trans woman",
    Q_TRANS_MAN: "trans man",
    Q_NON_BINARY: "non-binary",
    Q_INTERSEX: "intersex",
}

# Placement suggestions (reach/placement.py):
# image: https://www.wikidata.org/wiki/Property:P18
# creator: https://www.wikidata.org/wiki/Property:P170
# depicts: https://www.wikidata.org/wiki/Property:P180 (on Commons files: https://commons.wikimedia.org/wiki/Commons:Depicts)
# digital representation of: https://www.wikidata.org/wiki/Property:P6243 (a file reproducing a work)
P_IMAGE = IMAGE
P_CREATOR = CREATOR
P_DEPICTS = DEPICTS
P_DIGITAL_REPRESENTATION_OF = DIGITAL_REPRESENTATION_OF


# ---- Used by rights (structured data of a rights decision) (was rights/wikidata.py)

P_COPYRIGHT_STATUS = COPYRIGHT_STATUS
P_DETERMINATION_METHOD = DETERMINATION_METHOD
P_LICENCE = COPYRIGHT_LICENCE
P_JURISDICTION = APPLIES_TO_JURISDICTION
NOT_YET_DETERMINED = "Q59496158"

# Determination methods (P459), from Wikidata:Hirtle chart and Help:Copyrights.
DEATH_PLUS_70 = "Q29870196"  # 70 years or more after author(s) death
DEATH_PLUS_100 = "Q29940705"  # 100 years or more after author(s) death
PUBLISHED_95_YEARS_AGO = "Q47246828"  # published more than 95 years ago


# ---- Stray ids gathered from the stages -----------------------------------------------------------
# linking/work_items.py (https://www.wikidata.org/wiki/Property:P1932)
OBJECT_NAMED_AS = "P1932"
# linking/wikidata/properties.py: a property's format constraint
# (https://www.wikidata.org/wiki/Help:Property_constraints_portal/Format)
PROPERTY_CONSTRAINT = "P2302"
FORMAT_CONSTRAINT = "Q21502404"
FORMAT_AS_REGEX = "P1793"

# Wikidata items of countries (P27 values) most often met in collections, to their ISO 3166-1
# codes (each item's own P297), so a citizenship reads as a country name without fetching the item.
WIKIDATA_COUNTRIES = {
    UNITED_KINGDOM: "GB",
    "Q30": "US",
    "Q142": "FR",
    "Q183": "DE",
    "Q38": "IT",
    "Q29": "ES",
    "Q55": "NL",
    "Q29999": "NL",
    "Q27": "IE",
    "Q31": "BE",
    "Q39": "CH",
    "Q40": "AT",
    "Q159": "RU",
    "Q36": "PL",
    "Q17": "JP",
    "Q148": "CN",
    "Q668": "IN",
    "Q16": "CA",
    "Q408": "AU",
    "Q96": "MX",
    "Q155": "BR",
    "Q414": "AR",
    "Q34": "SE",
    "Q20": "NO",
    "Q35": "DK",
    "Q33": "FI",
    "Q213": "CZ",
    "Q28": "HU",
    "Q41": "GR",
    "Q45": "PT",
    "Q801": "IL",
    "Q258": "ZA",
    "Q664": "NZ",
    "Q884": "KR",
    "Q241": "CU",
    "Q218": "RO",
    "Q21": "GB-ENG",
    "Q22": "GB-SCT",
    "Q25": "GB-WLS",
    "Q26": "GB-NIR",
    "Q174193": "GB",
}
