-- Decisions with history (docs/adr/0008): every rights fact, presumption, link decision and upload
-- approval is an append-only event; the current-state tables (rights_facts, link_decisions,
-- rights_presumptions, upload_approvals) are maintained in the same transaction as the event.
CREATE TABLE decision_events (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL,                 -- rights_fact | presumption | link | upload
    dataset TEXT NOT NULL DEFAULT '',
    subject TEXT NOT NULL,              -- record id | person id | presumption name
    field TEXT NOT NULL DEFAULT '',     -- fact name | authority | image index
    value TEXT NOT NULL,                -- fact value | verdict | status
    previous TEXT,                      -- the value this event replaced (NULL: the first decision)
    detail TEXT NOT NULL DEFAULT '{}',  -- JSON: what else was decided (qid, scope of a presumption...)
    actor TEXT NOT NULL DEFAULT '',     -- who decided ("cli" for the local user)
    decided_at TEXT NOT NULL,           -- ISO-8601 UTC
    reason TEXT NOT NULL DEFAULT '',    -- note or legal basis
    source TEXT NOT NULL DEFAULT ''     -- where it came from (a review sheet, the web...)
);
CREATE INDEX decision_events_subject ON decision_events(kind, dataset, subject, field, id);

-- Current approval of each planned file (the latest upload event).
CREATE TABLE upload_approvals (
    dataset TEXT NOT NULL,
    record_id TEXT NOT NULL,
    image_index INTEGER NOT NULL,
    verdict TEXT NOT NULL,              -- approved | rejected
    title TEXT NOT NULL DEFAULT '',     -- the title approved (re-planned under another: approve again)
    event_id INTEGER NOT NULL,
    PRIMARY KEY (dataset, record_id, image_index)
);

-- The decisions made before there was a history become its first events.
INSERT INTO decision_events(kind, dataset, subject, field, value, previous, detail, actor, decided_at, reason, source)
SELECT 'rights_fact', dataset, record_id, fact, value, NULL, '{}', 'cli',
       REPLACE(entered_at, ' ', 'T') || 'Z', '', source
FROM rights_facts ORDER BY entered_at, dataset, record_id, fact;

INSERT INTO decision_events(kind, dataset, subject, field, value, previous, detail, actor, decided_at, reason, source)
SELECT 'link', dataset, person_id, authority, verdict, NULL,
       '{"authority_id": "' || REPLACE(REPLACE(authority_id, '\', '\\'), '"', '\"')
       || '", "qid": "' || REPLACE(REPLACE(qid, '\', '\\'), '"', '\"') || '"}',
       CASE WHEN decided_by = '' THEN 'cli' ELSE decided_by END,
       REPLACE(decided_at, ' ', 'T') || 'Z', note, ''
FROM link_decisions ORDER BY decided_at, dataset, person_id, authority;

INSERT INTO decision_events(kind, dataset, subject, field, value, previous, detail, actor, decided_at, reason, source)
SELECT 'presumption', '', name, '', status, NULL,
       '{"version": ' || version || ', "approved_on": "' || REPLACE(REPLACE(approved_on, '\', '\\'), '"', '\"')
       || '", "datasets": ' || datasets || ', "match": ' || match || '}',
       approved_by, REPLACE(recorded_at, ' ', 'T') || 'Z', note, ''
FROM rights_presumptions ORDER BY name, version;
