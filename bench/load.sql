-- Bulk load for the 1,000,000-ticket benchmark (bench/README.md). Not a migration: it runs once, with psql,
-- against a database whose schema Tessera's own Flyway migrations created (the app has started once on it
-- and created its first admin), and fills it with a realistic help desk:
--   5 teams, 50 agents (5 supervisors), :orgs organizations with a domain each, :customers customers,
--   40 tags, :tickets tickets (about 5 messages each, 0-3 tags each) and the ticket event log a ticket page
--   reads (created, message added for every message, assignment, tags, priority and status changes).
-- Set-based: every table is one insert ... select over generate_series, with the secondary indexes dropped
-- during the load and rebuilt from their own definitions afterwards, and foreign-key triggers off
-- (session_replication_role = replica): the rows are generated consistent, so checking 20 M references one
-- by one would only cost time.
--
--   psql -v tickets=1000000 -v customers=100000 -v orgs=5000 -f bench/load.sql tessera_bench
\set ON_ERROR_STOP on
\timing on

set synchronous_commit = off;
set maintenance_work_mem = '1GB';
set max_parallel_maintenance_workers = 2;
set work_mem = '256MB';
set session_replication_role = replica;

-- Refuse to load twice: bench/run-1m.sh recreates the database for --reload.
do $$ begin
    if exists (select 1 from ticket) or exists (select 1 from team) then
        raise exception 'tessera_bench already has tickets or teams: drop and recreate the database to reload';
    end if;
end $$;

-- The secondary indexes of the tables we fill: remember their definitions, drop them, rebuild at the end.
-- Primary keys stay (ids are generated in ascending order, so they are appended to).
create table bench_saved_index as
select indexname, indexdef from pg_indexes
where schemaname = 'public'
  and tablename in ('ticket', 'message', 'ticket_event', 'ticket_tag', 'customer', 'customer_email',
                    'organization_domain', 'team_member')
  and indexname not in (select conname from pg_constraint);
do $$ declare r record; begin
    for r in select indexname from bench_saved_index loop
        execute 'drop index ' || quote_ident(r.indexname);
    end loop;
end $$;

-- ---------------------------------------------------------------- people
insert into team (id, name, description, created_at) values
    (1, 'Support',     'First line: everything that is not obviously for someone else', now() - interval '1100 days'),
    (2, 'Billing',     'Invoices, refunds, plans',                                       now() - interval '1100 days'),
    (3, 'Technical',   'Bugs, integrations, the API',                                    now() - interval '1100 days'),
    (4, 'Sales',       'Quotes, trials, upgrades',                                       now() - interval '1100 days'),
    (5, 'Escalations', 'Small team for the hard cases',                                  now() - interval '1100 days');
select setval(pg_get_serial_sequence('team', 'id'), 5);

-- Agents 2..51 (1 is the first admin the app created). Agent i is in team ((i - 2) % 5) + 1, so every team
-- has 10 members; agents 2..6 (one per team) are supervisors. Everyone gets the admin's password hash, so
-- the driver signs in as anyone with the one password of bench/run-1m.sh.
insert into agent (id, email, name, password_hash, role, active, failed_logins, created_at, updated_at)
select i,
       case when i <= 6 then 'supervisor' || i || '@bench.test' else 'agent' || i || '@bench.test' end,
       (array['Aisha','Bruno','Chen','Dana','Emil','Fatima','Gabor','Hana','Ivan','Julia'])[1 + i % 10] || ' '
           || (array['Bello','Costa','Dahl','Eriksen','Fischer','Garcia','Horvat','Ito','Jansen'])[1 + i % 9]
           || ' ' || i,
       (select password_hash from agent where id = 1),
       case when i <= 6 then 'SUPERVISOR' else 'AGENT' end,
       true, 0, now() - interval '1000 days', now() - interval '1000 days'
from generate_series(2, 51) i;
select setval(pg_get_serial_sequence('agent', 'id'), 51);
insert into team_member (team_id, agent_id) select ((i - 2) % 5) + 1, i from generate_series(2, 51) i;
-- A few agents help out a second team, as in life.
insert into team_member (team_id, agent_id) select 5, i from generate_series(8, 51, 10) i where ((i - 2) % 5) + 1 <> 5;

insert into custom_status (name, category, description, active, position, created_at) values
    ('Waiting on Engineering', 'ON_HOLD', 'A developer is looking at it', true, 1, now() - interval '900 days'),
    ('Awaiting customer reply', 'PENDING', 'We asked a question',         true, 2, now() - interval '900 days');

insert into tag (name, created_at)
select t, now() - interval '1000 days'
from unnest(array['billing','refund','invoice','login','password','2fa','api','webhook','import','export',
                  'mobile','android','ios','browser','performance','outage','bug','feature-request','ux','docs',
                  'onboarding','trial','upgrade','downgrade','cancel','gdpr','security','sso','integration','slack',
                  'email','sms','chat','vip','enterprise','urgent-followup','duplicate','feedback','pricing','training'])
     as t;

insert into organization (id, name, tier, notes, created_at)
select o, (array['Acme','Globex','Initech','Umbrella','Hooli','Stark','Wayne','Wonka','Tyrell','Cyberdyne'])[1 + o % 10]
          || ' ' || (array['Labs','Group','Systems','Foods','Logistics','Health','Bank','Studios'])[1 + o % 8] || ' ' || o,
       (array['free','standard','premium','enterprise'])[1 + o % 4], null, now() - (1200 - o % 1000) * interval '1 day'
from generate_series(1, :orgs) o;
select setval(pg_get_serial_sequence('organization', 'id'), :orgs);
insert into organization_domain (domain, organization_id) select 'org' || o || '.example', o from generate_series(1, :orgs) o;

-- 70% of customers belong to an organization (and write from its domain), the rest from free-mail domains.
insert into customer (id, name, email, phone, organization_id, notes, tier, language, time_zone, created_at)
select c,
       (array['Ana','Ben','Carla','David','Elena','Farid','Greta','Hugo','Ines','Jonas','Kira','Liam','Mia','Noah'])[1 + c % 14]
           || ' ' || (array['Adams','Baker','Clark','Diaz','Evans','Fox','Gray','Hill','King','Lopez','Moore'])[1 + (c / 14) % 11],
       case when c % 10 < 7 then 'c' || c || '@org' || (c % :orgs) + 1 || '.example'
            else 'c' || c || '@mail' || c % 7 || '.example' end,
       case when c % 3 = 0 then '+1 555 ' || lpad((c % 10000)::text, 4, '0') end,
       case when c % 10 < 7 then (c % :orgs) + 1 end,
       null, null, (array['en','de','fr','es'])[1 + c % 4], null,
       now() - interval '1100 days' + ((c * 13) % 1000) * interval '1 day'
from generate_series(1, :customers) c;
select setval(pg_get_serial_sequence('customer', 'id'), :customers);
insert into customer_email (id, customer_id, email, created_at) select id, id, email, created_at from customer;
select setval(pg_get_serial_sequence('customer_email', 'id'), :customers);

-- ---------------------------------------------------------------- tickets
-- One staging row per ticket with every random choice made once, so the ticket, its messages, tags and
-- events agree with each other. Ticket g is created at an even pace over three years (g = :tickets is
-- the newest). The newest 15% are the live queue (60% unsolved); older tickets are almost all closed,
-- with a stale 1.5% still open, pending or on hold.
create unlogged table bench_t as
with base as (
    select g,
           now() - (:tickets - g) * (interval '1095 days' / :tickets) - random() * interval '50 minutes' as created_at,
           (:tickets - g) < :tickets * 0.15 as recent,
           random() as r_status, random() as r_team, random() as r_assign, random() as r_prio,
           random() as r_type, random() as r_chan, random() as r_req, random() as r_upd,
           floor(random() * 9)::int + 1 as nmsg,
           floor(random() * 4)::int as ntags,
           floor(random() * 40)::int as tag0
    from generate_series(1, :tickets) g
), st as (
    select b.*,
           case when recent then
                case when r_status < 0.10 then 'NEW' when r_status < 0.45 then 'OPEN' when r_status < 0.55 then 'PENDING'
                     when r_status < 0.60 then 'ON_HOLD' when r_status < 0.80 then 'SOLVED' else 'CLOSED' end
                else
                case when r_status < 0.005 then 'PENDING' when r_status < 0.010 then 'ON_HOLD' when r_status < 0.015 then 'OPEN'
                     when r_status < 0.040 then 'SOLVED' else 'CLOSED' end
           end as status,
           case when r_team < 0.35 then 1 when r_team < 0.55 then 2 when r_team < 0.80 then 3 when r_team < 0.92 then 4
                when r_team < 0.95 then 5 end as team_id,
           -- skewed: a few customers raise many tickets
           1 + floor(power(r_req, 1.6) * :customers)::int as requester_id
    from base b
)
select g as id, 999 + g as number,
       (array['Cannot log in to the dashboard', 'Invoice shows the wrong VAT number', 'Refund for a double charge',
              'API returns 502 on bulk import', 'How do I export my data?', 'Password reset email never arrives',
              'Two-factor codes rejected', 'Upgrade to the annual plan', 'Webhook deliveries delayed',
              'Mobile app crashes on start', 'Cancel my subscription', 'Add three more seats',
              'SSO with Okta fails after update', 'Slow page loads since Monday', 'Question about GDPR export',
              'CSV import skips rows', 'Change the billing address', 'Feature request: dark mode',
              'Chat widget not showing on our site', 'Training session for new staff'])[1 + g % 20]
           || case when g % 3 = 0 then ' (order ' || (100000 + g % 900000) || ')' else '' end as subject,
       created_at, status, team_id, requester_id, nmsg, ntags, tag0,
       case when status = 'NEW' or r_assign < 0.10 then null
            when team_id is null then 7 + floor(r_assign * 45)::int
            else 2 + (team_id - 1) + 5 * floor(r_assign * 10)::int end as assignee_id,
       case when r_prio < 0.15 then 'LOW' when r_prio < 0.75 then 'NORMAL' when r_prio < 0.95 then 'HIGH' else 'URGENT' end as priority,
       case when r_type < 0.40 then 'question' when r_type < 0.70 then 'incident' when r_type < 0.80 then 'problem'
            when r_type < 0.95 then 'task' end as type,
       case when r_chan < 0.55 then 'EMAIL' when r_chan < 0.75 then 'WEB' when r_chan < 0.85 then 'CHAT'
            when r_chan < 0.93 then 'PHONE' when r_chan < 0.98 then 'API' else 'SOCIAL' end as channel,
       least(now(), case
           when status in ('NEW', 'OPEN', 'PENDING', 'ON_HOLD') and recent then created_at + r_upd * (now() - created_at)
           when status in ('NEW', 'OPEN', 'PENDING', 'ON_HOLD') then created_at + r_upd * interval '30 days'
           else created_at + interval '2 hours' + r_upd * interval '10 days' end) as updated_at,
       r_upd
from st;
alter table bench_t add primary key (id);

insert into ticket (id, number, subject, status, priority, priority_rank, type, channel, requester_id, organization_id,
                    team_id, assignee_id, created_at, updated_at, first_response_at, solved_at, closed_at, version,
                    custom_status_id, merged_into_id, status_changed_at)
select t.id, t.number, t.subject,
       t.status, t.priority,
       case t.priority when 'LOW' then 0 when 'NORMAL' then 1 when 'HIGH' then 2 else 3 end,
       t.type, t.channel, t.requester_id,
       case when t.requester_id % 10 < 7 then (t.requester_id % :orgs) + 1 end,
       t.team_id, t.assignee_id, t.created_at, t.updated_at,
       case when t.status <> 'NEW' then least(t.updated_at, t.created_at + interval '1 hour' + t.r_upd * interval '6 hours') end,
       case when t.status = 'SOLVED' then t.updated_at
            when t.status = 'CLOSED' then greatest(t.created_at, t.updated_at - interval '4 days') end,
       case when t.status = 'CLOSED' then t.updated_at end,
       2 + t.nmsg,
       case when t.status = 'ON_HOLD' and t.id % 3 = 0 then (select id from custom_status where category = 'ON_HOLD')
            when t.status = 'PENDING' and t.id % 4 = 0 then (select id from custom_status where category = 'PENDING') end,
       null,
       t.updated_at
from bench_t t;
select setval(pg_get_serial_sequence('ticket', 'id'), :tickets);
select setval('ticket_number_seq', 999 + :tickets + 1, false);

create unlogged table bench_tags as select array_agg(name order by name) as names from tag;

-- Tags: 0-3 distinct tags per ticket (7 is coprime with 40, so tag0 + 7k never repeats for k < 4).
insert into ticket_tag (ticket_id, tag)
select t.id, n.names[1 + (t.tag0 + 7 * k) % 40]
from bench_t t cross join bench_tags n cross join lateral generate_series(0, t.ntags - 1) k;

-- ---------------------------------------------------------------- messages
-- Message k (1..nmsg) of ticket g has id g * 10 + k and is spread evenly between creation and the last
-- update. Odd ones are the customer's (plain text, or sanitised HTML for a third of email), even ones the
-- agent's Markdown replies, every sixth message an internal note. Bodies are 150-1050 characters cut from
-- a pool of help-desk prose.
-- The pool is inlined as a literal (\gset): kept in a table it would be TOASTed and decompressed per row.
select string_agg(s, ' ') as pool from (
    select unnest(array[
        'Thanks for getting back to me so quickly.', 'I tried the steps from your help article but nothing changed.',
        'Could you please check our account settings?', 'The error appears every time we open the report page.',
        'Attached is a screenshot of what we see.', 'We have about forty users affected at the moment.',
        'I cleared the cache and tried two different browsers.', 'Our finance team needs the corrected invoice by Friday.',
        'Is there a workaround we can use in the meantime?', 'This started after the update last Tuesday.',
        'Please let me know if you need any more details from our side.', 'We are on the premium plan since March.',
        'I have forwarded your message to our IT department.', 'The export finished but the file is empty.',
        'Kind regards and thanks again for your help.', 'Our developers confirmed the request format is correct.',
        'We would like to schedule a call with your team.', 'The customer portal shows a different amount.',
        'Everything works again on our side, you can close this.', 'I am not sure whether this is related to the outage.'])
    as s from generate_series(1, 12)
) x \gset

insert into message (id, ticket_id, kind, author_type, author_id, body, body_format, channel, call_seconds, created_at)
select t.id * 10 + k, t.id,
       case when k % 2 = 1 or t.status = 'NEW' then 'CUSTOMER_MESSAGE' when k % 6 = 0 then 'INTERNAL_NOTE' else 'PUBLIC_REPLY' end,
       case when k % 2 = 1 or t.status = 'NEW' then 'CUSTOMER' else 'AGENT' end,
       case when k % 2 = 1 or t.status = 'NEW' then t.requester_id else coalesce(t.assignee_id, 7 + t.id % 45) end,
       case when k % 2 = 1 or t.status = 'NEW' then
                case when t.channel = 'EMAIL' and t.id % 3 = 0
                     then '<p>Hello,</p><p>' || substr(:'pool', 1 + (t.id * 7 + k * 131) % 3000, 150 + (t.id * 13 + k * 71) % 900)
                          || '</p><p><b>Best regards</b></p>'
                     else 'Hello,' || E'\n\n' || substr(:'pool', 1 + (t.id * 7 + k * 131) % 3000, 150 + (t.id * 13 + k * 71) % 900) end
            else 'Hi,' || E'\n\n' || substr(:'pool', 1 + (t.id * 11 + k * 97) % 3000, 150 + (t.id * 17 + k * 53) % 900)
                 || E'\n\n- check **Settings → Account**\n- then try again' end,
       case when k % 2 = 1 or t.status = 'NEW' then case when t.channel = 'EMAIL' and t.id % 3 = 0 then 'HTML' else 'TEXT' end
            else 'MARKDOWN' end,
       case when k % 6 = 0 and t.status <> 'NEW' then 'WEB' else t.channel end,
       case when k = 1 and t.channel = 'PHONE' then 60 + t.id % 600 end,
       t.created_at + (t.updated_at - t.created_at) * (k - 1) / t.nmsg
from bench_t t cross join lateral generate_series(1, t.nmsg) k;
select setval(pg_get_serial_sequence('message', 'id'), :tickets * 10 + 10);

-- ---------------------------------------------------------------- the event log
-- Event ids: ticket g uses g * 16 + slot, so a ticket's events are in id order and the log is append-only
-- in ticket order. Slot 0 created, 1..9 message added, 10 assigned, 11 tags, 12 priority, 13 NEW -> OPEN,
-- 14 OPEN -> final status, 15 SOLVED -> CLOSED.
insert into ticket_event (id, ticket_id, event_type, actor_type, actor_id, payload, occurred_at)
select t.id * 16 + e.slot, t.id, e.event_type, e.actor_type, e.actor_id, e.payload, e.occurred_at
from bench_t t cross join bench_tags n cross join lateral (
    select 0 as slot, 'ticket_created' as event_type,
           case when t.channel = 'PHONE' then 'AGENT' else 'CUSTOMER' end as actor_type,
           case when t.channel = 'PHONE' then coalesce(t.assignee_id, 7) else t.requester_id end as actor_id,
           '{"subject":"' || t.subject || '","status":"NEW","priority":"NORMAL","channel":"' || t.channel || '","requesterId":'
               || t.requester_id || ',"teamId":' || coalesce(t.team_id::text, 'null') || ',"assigneeId":null}' as payload,
           t.created_at as occurred_at
    union all
    select k,
           'message_added',
           case when k % 2 = 1 or t.status = 'NEW' then 'CUSTOMER' else 'AGENT' end,
           case when k % 2 = 1 or t.status = 'NEW' then t.requester_id else coalesce(t.assignee_id, 7 + t.id % 45) end,
           '{"messageId":' || (t.id * 10 + k) || ',"kind":"'
               || case when k % 2 = 1 or t.status = 'NEW' then 'CUSTOMER_MESSAGE' when k % 6 = 0 then 'INTERNAL_NOTE'
                       else 'PUBLIC_REPLY' end || '"}',
           t.created_at + (t.updated_at - t.created_at) * (k - 1) / t.nmsg
    from generate_series(1, t.nmsg) k
    union all
    select 10, 'assignee_changed', 'AGENT', coalesce(t.team_id + 1, 2),
           '{"from":null,"to":' || t.assignee_id || '}', t.created_at + interval '1 minute'
    where t.assignee_id is not null
    union all
    select 11, 'tags_changed', 'AGENT', coalesce(t.assignee_id, 2), '{"added":["'
           || (select string_agg(n.names[1 + (t.tag0 + 7 * k) % 40], '","') from generate_series(0, t.ntags - 1) k)
           || '"],"removed":[]}',
           t.created_at + interval '2 minutes'
    where t.ntags > 0
    union all
    select 12, 'priority_changed', 'AGENT', coalesce(t.assignee_id, 2),
           '{"from":"NORMAL","to":"' || t.priority || '"}', t.created_at + interval '3 minutes'
    where t.priority <> 'NORMAL'
    union all
    select 13, 'status_changed', 'AGENT', coalesce(t.assignee_id, 2),
           '{"from":"NEW","to":"OPEN","fromCustomStatusId":null,"toCustomStatusId":null}',
           t.created_at + (t.updated_at - t.created_at) / t.nmsg
    where t.status <> 'NEW'
    union all
    select 14, 'status_changed', 'AGENT', coalesce(t.assignee_id, 2),
           '{"from":"OPEN","to":"' || case when t.status = 'CLOSED' then 'SOLVED' else t.status end
               || '","fromCustomStatusId":null,"toCustomStatusId":null}',
           case when t.status = 'CLOSED' then greatest(t.created_at, t.updated_at - interval '4 days') else t.updated_at end
    where t.status in ('PENDING', 'ON_HOLD', 'SOLVED', 'CLOSED')
    union all
    select 15, 'status_changed', 'SYSTEM', null,
           '{"from":"SOLVED","to":"CLOSED","fromCustomStatusId":null,"toCustomStatusId":null}', t.updated_at
    where t.status = 'CLOSED'
) e;
select setval(pg_get_serial_sequence('ticket_event', 'id'), :tickets * 16 + 16);

-- ---------------------------------------------------------------- indexes, statistics
do $$ declare r record; begin
    for r in select indexname, indexdef from bench_saved_index loop
        raise notice 'rebuilding %', r.indexname;
        execute r.indexdef;
    end loop;
end $$;
drop table bench_saved_index;
drop table bench_t;
drop table bench_tags;
set session_replication_role = origin;
vacuum analyze;
