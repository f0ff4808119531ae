-- EXPLAIN (ANALYZE, BUFFERS) of the queries behind the pages bench/urls.txt measures, written as the app
-- sends them (TicketQueries.page/findByNumber, TicketRepository, Conversations.messages,
-- TicketEventLog.history, TicketManagement.lastEventId, CustomerTickets), with the parameters of the
-- benchmark's agents: agent 7 (team 1, Support, 35% of tickets) and agent 11 (team 5, Escalations, 3%).
-- Each query runs once untimed first, so the plans show a warm cache like the HTTP figures.
--   psql -X -f bench/explain.sql tessera_bench
\set QUIET on
\pset pager off
set max_parallel_workers_per_gather = 2;

\set summary 'select t.id, t.number, t.subject, t.status, t.priority, t.channel, c.name as requester_name, c.email as requester_email, tm.name as team_name, a.name as assignee_name, t.created_at, t.updated_at from ticket t join customer c on c.id = t.requester_id left join team tm on tm.id = t.team_id left join agent a on a.id = t.assignee_id '
\set unsolved '''NEW'', ''OPEN'', ''PENDING'', ''ON_HOLD'''
\set solved '''SOLVED'', ''CLOSED'''
\set all_statuses '''NEW'', ''OPEN'', ''PENDING'', ''ON_HOLD'', ''SOLVED'', ''CLOSED'''
\set order 'order by t.updated_at desc, t.id desc fetch first 51 rows only'

-- Cursors of page 25 (after row 1,200), as the app would have encoded them. Keyset conditions are written
-- as TicketQueries writes them since the benchmark: "updated_at <= cursor and (exact tie-break)".
select updated_at as deep_all_open_at, id as deep_all_open_id from ticket t where t.status in (:unsolved)
 order by updated_at desc, id desc offset 1199 limit 1 \gset
select updated_at as deep_team1_at, id as deep_team1_id from ticket t where t.status in (:unsolved)
   and (t.assignee_id = 7 or t.team_id in (1)) order by updated_at desc, id desc offset 1199 limit 1 \gset
select updated_at as deep_team5_at, id as deep_team5_id from ticket t where t.status in (:unsolved)
   and (t.assignee_id = 11 or t.team_id in (5)) order by updated_at desc, id desc offset 1199 limit 1 \gset
select updated_at as page50_team5_at, id as page50_team5_id from ticket t where t.status in (:unsolved)
   and (t.assignee_id = 11 or t.team_id in (5)) order by updated_at desc, id desc offset 2449 limit 1 \gset
select number as some_ticket, id as some_ticket_id, requester_id as some_customer from ticket
 where status = 'OPEN' order by id desc offset 500 limit 1 \gset

\echo '#### 1. All open (unsolved), first page, sees all'
:summary where t.status in (:unsolved) :order \g /dev/null
explain (analyze, buffers, costs off) :summary where t.status in (:unsolved) :order;

\echo '#### 2. All open, page 25 (keyset cursor), sees all'
:summary where t.status in (:unsolved) and t.updated_at <= :'deep_all_open_at' and (t.updated_at < :'deep_all_open_at' or (t.updated_at = :'deep_all_open_at' and t.id < :deep_all_open_id)) :order \g /dev/null
explain (analyze, buffers, costs off) :summary where t.status in (:unsolved) and t.updated_at <= :'deep_all_open_at' and (t.updated_at < :'deep_all_open_at' or (t.updated_at = :'deep_all_open_at' and t.id < :deep_all_open_id)) :order;

\echo '#### 3. Solved & closed, first page, sees all'
explain (analyze, buffers, costs off) :summary where t.status in (:solved) :order;

\echo '#### 4. All, first page, sees all'
explain (analyze, buffers, costs off) :summary where t.status in (:all_statuses) :order;

\echo '#### 5. Unsolved, first page, agent 7 (Support team: visibility SQL)'
:summary where t.status in (:unsolved) and (t.assignee_id = 7 or t.team_id in (1)) :order \g /dev/null
explain (analyze, buffers, costs off) :summary where t.status in (:unsolved) and (t.assignee_id = 7 or t.team_id in (1)) :order;

\echo '#### 6. Unsolved, page 25, agent 7'
explain (analyze, buffers, costs off) :summary where t.status in (:unsolved) and (t.assignee_id = 7 or t.team_id in (1)) and t.updated_at <= :'deep_team1_at' and (t.updated_at < :'deep_team1_at' or (t.updated_at = :'deep_team1_at' and t.id < :deep_team1_id)) :order;

\echo '#### 7. Unsolved, first page, agent 11 (Escalations only, 3% of tickets)'
:summary where t.status in (:unsolved) and (t.assignee_id = 11 or t.team_id in (5)) :order \g /dev/null
explain (analyze, buffers, costs off) :summary where t.status in (:unsolved) and (t.assignee_id = 11 or t.team_id in (5)) :order;

\echo '#### 8. Unsolved, page 25, agent 11'
explain (analyze, buffers, costs off) :summary where t.status in (:unsolved) and (t.assignee_id = 11 or t.team_id in (5)) and t.updated_at <= :'deep_team5_at' and (t.updated_at < :'deep_team5_at' or (t.updated_at = :'deep_team5_at' and t.id < :deep_team5_id)) :order;

\echo '#### 8b. Unsolved, page 50, agent 11'
explain (analyze, buffers, costs off) :summary where t.status in (:unsolved) and (t.assignee_id = 11 or t.team_id in (5)) and t.updated_at <= :'page50_team5_at' and (t.updated_at < :'page50_team5_at' or (t.updated_at = :'page50_team5_at' and t.id < :page50_team5_id)) :order;

\echo '#### 9. Solved & closed, first page, agent 11'
explain (analyze, buffers, costs off) :summary where t.status in (:solved) and (t.assignee_id = 11 or t.team_id in (5)) :order;

\echo '#### 10. "My open tickets" (what a view would run): assignee 7, unsolved'
explain (analyze, buffers, costs off) :summary where t.assignee_id = 7 and t.status in (:unsolved) :order;

\echo '#### 11. "Unassigned in my teams": team 1, no assignee, unsolved'
explain (analyze, buffers, costs off) :summary where t.assignee_id is null and t.team_id in (1) and t.status in (:unsolved) :order;

\echo '#### 12. "Urgent and high", unsolved, sees all'
explain (analyze, buffers, costs off) :summary where t.priority in ('URGENT', 'HIGH') and t.status in (:unsolved) :order;

\echo '#### 13. Ticket page: the ticket (TicketRepository.findByNumber) and its tags'
explain (analyze, buffers, costs off) select id, number, subject, status, custom_status_id, priority, type, channel, requester_id, organization_id, team_id, assignee_id, created_at, updated_at, first_response_at, solved_at, closed_at, merged_into_id, version from ticket where number = :some_ticket;
explain (analyze, buffers, costs off) select tag from ticket_tag where ticket_id = :some_ticket_id;

\echo '#### 14. Ticket page: the summary row (TicketQueries.findByNumber), agent 7'
explain (analyze, buffers, costs off) :summary where t.number = :some_ticket and (t.assignee_id = 7 or t.team_id in (1));

\echo '#### 15. Ticket page: messages (Conversations.messages)'
explain (analyze, buffers, costs off) select m.id, m.kind, m.author_type, m.author_id, m.body, m.body_format, m.channel, m.call_seconds, m.created_at, coalesce(a.name, c.name, 'Tessera') as author_name from message m left join agent a on m.author_type = 'AGENT' and a.id = m.author_id left join customer c on m.author_type = 'CUSTOMER' and c.id = m.author_id where m.ticket_id = :some_ticket_id order by m.created_at, m.id;

\echo '#### 16. Ticket page: event log (TicketEventLog.history) and the last event id'
explain (analyze, buffers, costs off) select id, event_type, actor_type, actor_id, payload, occurred_at from ticket_event where ticket_id = :some_ticket_id order by id;
explain (analyze, buffers, costs off) select coalesce(max(id), 0) from ticket_event where ticket_id = :some_ticket_id;

\echo '#### 17. Customer page: the customer''s tickets (CustomerTickets.raisedBy), sees all'
explain (analyze, buffers, costs off) select t.id, t.number, t.subject, t.status, t.priority, c.name as requester_name, tm.name as team_name, a.name as assignee_name, t.created_at, t.updated_at from ticket t join customer c on c.id = t.requester_id left join team tm on tm.id = t.team_id left join agent a on a.id = t.assignee_id where t.requester_id = 1 order by t.created_at desc, t.id desc fetch first 26 rows only;
