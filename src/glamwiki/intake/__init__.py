"""Intake: read a catalogue export (CSV/TSV, XLSX, JSON/JSONL, LIDO, OAI-PMH, IIIF, TEI) into
the record model, one streaming reader per format, with a declarative mapping for tables."""
