-- EXPLAIN (ANALYZE, BUFFERS) of the data-protection officer's audit search (AuditFilter, JdbcAuditLog.page), the
-- first page of 50 and a next page, by period, by staff member and by citizen; as it was (one "or") and as it is
-- (a union of branches). Run after hot-queries-data.sql.
-- The municipality with the most audit rows (on hot-queries-data.sql's database: number 1; on the generator's: the largest).
select municipality_id as m from audit_event group by 1 order by count(*) desc limit 1 \gset
select citizen_id as watched from audit_event where municipality_id = :'m' and citizen_id is not null limit 1 \gset
select 'syntetisk-1-17' as actor \gset

\echo '=== before: by period (a month), first page'
explain (analyze, buffers, costs off)
select * from audit_event
where (municipality_id = :'m' or (municipality_id is null and action = 'LOGIN_FAILED'))
  and occurred_at >= '2025-03-01' and occurred_at < '2025-04-01'
order by occurred_at desc, id desc limit 51;
\echo '=== before: no criterion but the municipality, first page'
explain (analyze, buffers, costs off)
select * from audit_event
where (municipality_id = :'m' or (municipality_id is null and action = 'LOGIN_FAILED'))
order by occurred_at desc, id desc limit 51;
\echo '=== before: by staff member'
explain (analyze, buffers, costs off)
select * from audit_event
where (municipality_id = :'m' or (municipality_id is null and action = 'LOGIN_FAILED')) and actor_name = :'actor'
order by occurred_at desc, id desc limit 51;
\echo '=== before: by citizen'
explain (analyze, buffers, costs off)
select * from audit_event
where (municipality_id = :'m' or (municipality_id is null and action = 'LOGIN_FAILED'))
  and (citizen_id = :'watched' or id in (select audit_event_id from audit_search_hit where municipality_id = :'m' and citizen_id = :'watched'))
order by occurred_at desc, id desc limit 51;

\echo '=== after: by period (a month), first page'
explain (analyze, buffers, costs off)
select * from (
 (select * from audit_event where municipality_id = :'m' and occurred_at >= '2025-03-01' and occurred_at < '2025-04-01' order by occurred_at desc, id desc limit 51)
 union
 (select * from audit_event where municipality_id is null and action = 'LOGIN_FAILED' and occurred_at >= '2025-03-01' and occurred_at < '2025-04-01' order by occurred_at desc, id desc limit 51)
) page order by occurred_at desc, id desc limit 51;
\echo '=== after: no criterion but the municipality, first page'
explain (analyze, buffers, costs off)
select * from (
 (select * from audit_event where municipality_id = :'m' order by occurred_at desc, id desc limit 51)
 union
 (select * from audit_event where municipality_id is null and action = 'LOGIN_FAILED' order by occurred_at desc, id desc limit 51)
) page order by occurred_at desc, id desc limit 51;
\echo '=== after: next page (keyset) by period'
explain (analyze, buffers, costs off)
select * from (
 (select * from audit_event where municipality_id = :'m' and occurred_at >= '2025-03-01' and occurred_at < '2025-04-01'
    and (occurred_at < '2025-03-20' or (occurred_at = '2025-03-20' and id < 'ffffffff-ffff-ffff-ffff-ffffffffffff')) order by occurred_at desc, id desc limit 51)
 union
 (select * from audit_event where municipality_id is null and action = 'LOGIN_FAILED' and occurred_at >= '2025-03-01' and occurred_at < '2025-04-01'
    and (occurred_at < '2025-03-20' or (occurred_at = '2025-03-20' and id < 'ffffffff-ffff-ffff-ffff-ffffffffffff')) order by occurred_at desc, id desc limit 51)
) page order by occurred_at desc, id desc limit 51;
\echo '=== after: by staff member'
explain (analyze, buffers, costs off)
select * from (
 (select * from audit_event where municipality_id = :'m' and actor_name = :'actor' order by occurred_at desc, id desc limit 51)
 union
 (select * from audit_event where municipality_id is null and action = 'LOGIN_FAILED' and actor_name = :'actor' order by occurred_at desc, id desc limit 51)
) page order by occurred_at desc, id desc limit 51;
\echo '=== after: by citizen'
explain (analyze, buffers, costs off)
select * from (
 (select * from audit_event where municipality_id = :'m' and citizen_id = :'watched' order by occurred_at desc, id desc limit 51)
 union
 (select * from audit_event where municipality_id = :'m' and id in (select audit_event_id from audit_search_hit where municipality_id = :'m' and citizen_id = :'watched') order by occurred_at desc, id desc limit 51)
 union
 (select * from audit_event where municipality_id is null and action = 'LOGIN_FAILED' and citizen_id = :'watched' order by occurred_at desc, id desc limit 51)
) page order by occurred_at desc, id desc limit 51;
