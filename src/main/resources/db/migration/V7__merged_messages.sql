-- Merging copies the merged ticket's messages onto the target (docs/adr/0006): each copy remembers the
-- ticket it was first written on, so the target's conversation can say "from #A".
alter table message add column merged_from_ticket_id bigint references ticket (id) on delete set null;

-- Finding the tickets merged into a ticket (the target's side panel), without scanning every ticket.
create index ticket_merged_into_idx on ticket (merged_into_id);
