-- Rights: the latest decision per object record (one row each), kept as JSON
-- (glamwiki.model.rights.RightsDecision) with the columns reports and queues filter on.
CREATE TABLE rights_decisions (
    dataset TEXT NOT NULL,
    record_id TEXT NOT NULL,
    as_of TEXT NOT NULL,
    decision TEXT NOT NULL,        -- upload | block | review
    uk_status TEXT NOT NULL,
    us_status TEXT NOT NULL,
    recheck_on TEXT,
    data BLOB NOT NULL,
    assessed_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP,
    PRIMARY KEY (dataset, record_id)
);
CREATE INDEX rights_decisions_decision ON rights_decisions(decision);

-- Facts a curator supplied through the review queue; never overwritten by a rerun.
CREATE TABLE rights_facts (
    dataset TEXT NOT NULL,
    record_id TEXT NOT NULL,
    fact TEXT NOT NULL,            -- e.g. publication_year, creator_death_year, reproduction_licence
    value TEXT NOT NULL,
    source TEXT NOT NULL DEFAULT '',
    entered_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP,
    PRIMARY KEY (dataset, record_id, fact)
);
