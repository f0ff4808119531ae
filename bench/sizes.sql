-- Rows (planner estimates after ANALYZE), table and index sizes of the benchmark database.
select c.relname as "table",
       to_char(c.reltuples, 'FM999,999,999') as "rows",
       pg_size_pretty(pg_table_size(c.oid)) as "table size",
       pg_size_pretty(pg_indexes_size(c.oid)) as "indexes"
from pg_class c join pg_namespace n on n.oid = c.relnamespace
where n.nspname = 'public' and c.relkind = 'r' and c.reltuples > 1000
order by pg_total_relation_size(c.oid) desc;
select pg_size_pretty(pg_database_size(current_database())) as "database size";
