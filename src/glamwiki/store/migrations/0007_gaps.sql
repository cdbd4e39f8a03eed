-- Gaps: one snapshot per `glamwiki gaps` run (the funnel and headline figures as JSON), so the
-- report can chart the share of women at each step over time; and dated events (an edit-a-thon,
-- a residency) to mark on that chart.
CREATE TABLE gap_snapshots (
    id INTEGER PRIMARY KEY,
    taken_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    dataset TEXT NOT NULL DEFAULT '',  -- '' for the whole project
    figures TEXT NOT NULL              -- JSON: GapReport.snapshot()
);

CREATE TABLE gap_events (
    id INTEGER PRIMARY KEY,
    day TEXT NOT NULL,                 -- ISO date
    label TEXT NOT NULL
);
