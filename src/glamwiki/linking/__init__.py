"""Linking people in a collection to an authority (Wikidata, or any table with names, dates and
identifiers): GLAM name normalisation, blocking, comparison features, a Fellegi–Sunter model with
m/u probabilities estimated by EM, and three outcomes (match, review, none) with their evidence."""
