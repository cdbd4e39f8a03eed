"""Wikidata properties and items the rights stage writes into structured data."""

from __future__ import annotations

P_COPYRIGHT_STATUS = "P6216"
P_DETERMINATION_METHOD = "P459"
P_LICENCE = "P275"
P_JURISDICTION = "P1001"

PUBLIC_DOMAIN = "Q19652"
COPYRIGHTED = "Q50423863"
NOT_YET_DETERMINED = "Q59496158"

# Determination methods (P459), from Wikidata:Hirtle chart and Help:Copyrights.
DEATH_PLUS_70 = "Q29870196"  # 70 years or more after author(s) death
DEATH_PLUS_100 = "Q29940705"  # 100 years or more after author(s) death
PUBLISHED_95_YEARS_AGO = "Q47246828"  # published more than 95 years ago
UNITED_STATES = "Q30"
