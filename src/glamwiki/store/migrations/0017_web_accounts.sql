-- Local accounts of the web workspace (`glamwiki web`): a role each, the password only as an
-- Argon2id hash (never in clear). Roles: admin (programme admin), resident, curator, viewer.
CREATE TABLE web_accounts (
    id INTEGER PRIMARY KEY,
    username TEXT NOT NULL UNIQUE,
    role TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL DEFAULT ''
);
