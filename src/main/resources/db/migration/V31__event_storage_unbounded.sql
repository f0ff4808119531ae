-- Stored events hold any event, however large (docs/database.md). A change with thousands of tags made a
-- TagsChanged event longer than the 10,000 characters serialized_event allowed, and the whole change
-- failed with a 500. The ticket event log's payload is already text; this was the one bounded column
-- storing event JSON. `text` is unbounded on PostgreSQL, and in H2's PostgreSQL mode it is a character
-- varying of up to 1,000,000,000 characters, not a CLOB, so Spring Modulith's
-- `where serialized_event = ?` (marking a publication completed) still compares it on both.
alter table event_publication alter column serialized_event set data type text;
