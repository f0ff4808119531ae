-- Time-based automations (docs/rules.md): rules of kind AUTOMATION in the rule table, run every few
-- minutes over the tickets their conditions select. Portable SQL (docs/database.md).

-- A run is leased, not locked: one node runs an automation at a time (run_lease_until in the future
-- means taken), yet no transaction stays open for a whole run over thousands of tickets.
alter table rule add column run_lease_until timestamp with time zone;
alter table rule add column last_run_at timestamp with time zone;
alter table rule add column last_run_tickets integer;

-- An automation acted on a ticket as it was at ticket_updated_at. It acts again only once the ticket has
-- changed since (someone else touched it): that is what makes every automation idempotent, even one whose
-- action does not make its own conditions false (a reminder email changes nothing on the ticket).
create table automation_run (
    rule_id           bigint not null references rule (id) on delete cascade,
    ticket_id         bigint not null references ticket (id) on delete cascade,
    ticket_updated_at timestamp with time zone not null,
    ran_at            timestamp with time zone not null,
    primary key (rule_id, ticket_id)
);
create index automation_run_ticket_idx on automation_run (ticket_id);
