"""The diversity gap of one collection: who the creators are (as the institution records them and
as Wikidata does, kept apart), how far they are covered on Wikimedia, and edit-a-thon worklists."""
