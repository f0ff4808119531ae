-- When a ticket's status category last changed, for "pending for more than 3 days" (docs/views.md,
-- field status_changed). Existing tickets take their last update, the best estimate there is.
alter table ticket add column status_changed_at timestamp with time zone;
update ticket set status_changed_at = updated_at;
alter table ticket alter column status_changed_at set not null;
create index ticket_status_changed_idx on ticket (status, status_changed_at, id);
