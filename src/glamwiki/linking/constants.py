"""Wikidata property and item ids used by linking and gaps, by name."""

from __future__ import annotations

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
