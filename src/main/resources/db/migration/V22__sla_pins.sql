-- A ticket put under an SLA policy by a rule's "apply SLA policy" action (docs/sla.md): that policy applies
-- to it whatever the policies' conditions say, while it is enabled. V21 belongs to macros.
create table ticket_sla_policy (
    ticket_id bigint not null primary key references ticket (id) on delete cascade,
    policy_id bigint not null references sla_policy (id) on delete cascade,
    pinned_at timestamp with time zone not null
);
create index ticket_sla_policy_policy_idx on ticket_sla_policy (policy_id);
