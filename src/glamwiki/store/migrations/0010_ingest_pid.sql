-- The process that runs an ingest, so `status` can tell a run still going from one that was killed.
ALTER TABLE ingest_runs ADD COLUMN pid INTEGER;
