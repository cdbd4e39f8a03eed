"""Jobs started elsewhere (the web workspace, ``jobs.create``) run by a worker (docs/adr/0012):
``kinds`` runs one claimed job by kind through the same library functions as the CLI, ``loop`` is the
worker that claims queued jobs one at a time, ``starting`` makes the queued jobs and resumes ended ones."""
