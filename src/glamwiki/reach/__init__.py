"""Reach and impact: where a set of Commons files is used, how often those pages are read,
and what an event (edit-a-thon) produced. Sources: the MediaWiki Action API, the Wikimedia
REST metrics APIs and the public dump files (see docs/reach.md for every format relied on)."""
