-- Each `glamwiki rights` run over a project: the settings its stored decisions were made with, so the
-- report (and Public Domain Day in it) uses the run's settings instead of the rules' defaults.
CREATE TABLE rights_runs (
    id INTEGER PRIMARY KEY,
    as_of TEXT NOT NULL,                    -- evaluation date, YYYY-MM-DD
    max_lifespan INTEGER NOT NULL,          -- longest possible life in years used by the run
    presumptions TEXT NOT NULL DEFAULT '[]', -- JSON list of the presumption names applied
    records INTEGER NOT NULL DEFAULT 0,     -- decisions stored by the run
    run_at TEXT NOT NULL                    -- ISO-8601 UTC, written by glamwiki
);
