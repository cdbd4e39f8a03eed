-- Presumptions a curator approved for a group of records (glamwiki.rights.presumptions), with their
-- history: every approval, change of scope or withdrawal is a new version; none is ever overwritten.
CREATE TABLE IF NOT EXISTS rights_presumptions (
    name TEXT NOT NULL,            -- e.g. prints-published-when-made (a shipped rule)
    version INTEGER NOT NULL,
    status TEXT NOT NULL,          -- approved | withdrawn
    approved_by TEXT NOT NULL,     -- the person who approved (or withdrew) it
    approved_on TEXT NOT NULL,     -- ISO date of that decision
    datasets TEXT NOT NULL DEFAULT '[]',  -- JSON list: the group narrowed to these datasets ([] = all)
    match TEXT NOT NULL DEFAULT '[]',     -- JSON list of [field, pattern]: and to records matching these
    note TEXT NOT NULL DEFAULT '',
    recorded_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP,
    PRIMARY KEY (name, version)
);
