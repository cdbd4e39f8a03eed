"""The web workspace (`glamwiki web`, issue 14): server-rendered pages over the project's store,
local accounts with roles, the stage dashboards, the record page and the rights review queue."""
