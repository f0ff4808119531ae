-- Time-based automations walk the tickets their conditions select in id order (keyset batches). With a
-- status condition — nearly every automation has one — this index lets the walk read only that status's
-- tickets instead of the whole table by primary key (docs/benchmarks.md: the idle pass over 100,000 open
-- tickets went from 23 ms to 2 ms of query time).
create index ticket_status_id_idx on ticket (status, id);
