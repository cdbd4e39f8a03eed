"""Books and manuscripts: a IIIF manifest or a PDF to pages, one multi-page DjVu/PDF for Commons, the
Wikisource Index with its pagelist, proofreading progress, and the transcribed text back as TEI."""
