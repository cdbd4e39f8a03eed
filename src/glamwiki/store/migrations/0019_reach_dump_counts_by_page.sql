-- A record's page reads the dump views of the few pages that show its files: by page, not by file
-- loaded (the primary key starts with the dump file's path).
CREATE INDEX reach_dump_counts_page ON reach_dump_counts(wiki, title);
