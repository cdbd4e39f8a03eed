"""Wikidata as an authority: entity JSON (as wbgetentities returns it) read into people and
facts, and a polite client for the live API with an on-disk cache."""
