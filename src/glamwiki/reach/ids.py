"""Wikidata ids the reach stage relies on."""

from __future__ import annotations

P_SEX_OR_GENDER = "P21"
P_INSTANCE_OF = "P31"

Q_HUMAN = "Q5"
Q_FEMALE = "Q6581072"
Q_MALE = "Q6581097"
Q_TRANS_WOMAN = "Q1052281"
Q_TRANS_MAN = "Q2449503"
Q_NON_BINARY = "Q48270"
Q_INTERSEX = "Q1097630"

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
P_IMAGE = "P18"
P_CREATOR = "P170"
P_DEPICTS = "P180"
P_DIGITAL_REPRESENTATION_OF = "P6243"
