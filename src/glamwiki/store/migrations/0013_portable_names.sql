-- Names PostgreSQL reserves (issue 13): the editor of an event edit, the offset of a chunked upload.
ALTER TABLE reach_event_edits RENAME COLUMN "user" TO editor;
ALTER TABLE publish_state RENAME COLUMN "offset" TO chunk_offset;
