-- The rules benchmark's data (bench/README.md#the-rules-benchmark): :tickets open tickets of one team, each
-- with a running resolution clock and the new ones also a first-response clock. One in ten clocks is past
-- its deadline (the scanner's work), the rest due 1-72 hours from now; one in ten tickets is new and
-- untouched for 3 hours to 30 days (the automation's work). Run by bench/run-rules.sh on a schema made by
-- Tessera's own migrations.
\set ON_ERROR_STOP on
set session_replication_role = replica;

insert into team (name, description, created_at) values ('Bench', 'rules benchmark', now());
insert into customer (name, email, created_at)
    select 'Customer ' || g, 'customer' || g || '@bench.test', now() from generate_series(1, 1000) g;

insert into ticket (number, subject, status, priority, priority_rank, type, channel, requester_id, team_id,
                    created_at, updated_at, version, status_changed_at)
select 1000 + g, 'Bench ticket ' || g,
       case when g % 10 = 0 then 'NEW' else 'OPEN' end,
       (array['LOW','NORMAL','NORMAL','HIGH','URGENT'])[1 + g % 5],
       (array[0,1,1,2,3])[1 + g % 5],
       'question', 'EMAIL',
       (select min(id) from customer) + g % 1000,
       (select id from team where name = 'Bench'),
       now() - ((3 * 60 + g % (30 * 24 * 60)) || ' minutes')::interval,
       now() - ((3 * 60 + g % (30 * 24 * 60)) || ' minutes')::interval,
       0,
       now() - ((3 * 60 + g % (30 * 24 * 60)) || ' minutes')::interval
from generate_series(1, :tickets) g;
select setval('ticket_number_seq', (select max(number) from ticket) + 1);

-- Resolution clocks: due in the past for one ticket in ten, else 1-72 hours ahead.
insert into ticket_sla_clock (ticket_id, metric, policy_id, target_minutes, business_hours, started_at, running_since,
                              used_micros, due_at, warn_at, next_check_at)
select t.id, 'RESOLUTION', null, 2880, false, t.created_at, t.created_at, 0, d.due, d.due - interval '30 minutes',
       d.due - interval '30 minutes'
from ticket t
cross join lateral (select case when t.id % 10 = 0 then now() - ((t.id % 60) || ' minutes')::interval
                                else now() + ((1 + t.id % 72) || ' hours')::interval end as due) d;
-- First-response clocks on the new tickets, all ahead.
insert into ticket_sla_clock (ticket_id, metric, policy_id, target_minutes, business_hours, started_at, running_since,
                              used_micros, due_at, warn_at, next_check_at)
select t.id, 'FIRST_RESPONSE', null, 480, false, t.created_at, t.created_at, 0, now() + interval '5 hours',
       now() + interval '270 minutes', now() + interval '270 minutes'
from ticket t where t.status = 'NEW';
update ticket t set sla_due_at = (select min(c.due_at) from ticket_sla_clock c where c.ticket_id = t.id);

set session_replication_role = origin;
vacuum analyze;
