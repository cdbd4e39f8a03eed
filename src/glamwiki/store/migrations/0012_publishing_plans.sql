-- One row per `publish plan`: its batch id (kept across `publish run --limit` runs) and whether
-- it finished (an interrupted plan is partial and `publish run` will not start on it unless told).
CREATE TABLE publish_plans (
    plan_id INTEGER PRIMARY KEY,
    batch TEXT NOT NULL,
    dataset TEXT NOT NULL DEFAULT '',
    total INTEGER NOT NULL DEFAULT 0,      -- object records to plan
    done INTEGER NOT NULL DEFAULT 0,       -- records planned so far
    started_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP,
    finished_at TEXT                       -- NULL: interrupted (or still running)
);

-- Why a planned item is held back (thumbnail only, a date that cannot be right...): JSON list.
ALTER TABLE publish_plan ADD COLUMN notes TEXT NOT NULL DEFAULT '';
