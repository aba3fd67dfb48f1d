-- EXPLAIN (ANALYZE, BUFFERS) of the hot queries on the database of hot-queries-data.sql, for the largest
-- municipality (number 1), the busiest receiving unit of it and one of its citizens. The statements are the
-- application's own, with the placeholders filled in. docs/scale.md ("Hot queries") quotes the output.
--   psql -h 127.0.0.1 -U postgres -d DB -f scripts/scale/hot-queries-explain.sql
-- The municipality with the most audit rows (on hot-queries-data.sql's database: number 1; on the generator's: the largest).
select municipality_id as m from audit_event group by 1 order by count(*) desc limit 1 \gset
select receiver_unit_id as unit from referral where municipality_id = :'m' group by 1 order by count(*) desc limit 1 \gset
select citizen_id as citizen from shared_plan where municipality_id = :'m' limit 1 \gset
select citizen_id as watched from audit_event where municipality_id = :'m' and citizen_id is not null limit 1 \gset
select coalesce((select id from participation_body where municipality_id = :'m' limit 1), md5('body-1')::uuid) as body \gset

\echo '=== catalog: revision (every 5 s per municipality and instance)'
explain (analyze, buffers, costs off)
select (select count(*) || ':' || coalesce(sum(version), 0) from service where municipality_id = :'m')
       || ':' || coalesce((select edition || '/' || published from catalog where municipality_id = :'m'), '')
       || ':' || coalesce((select cast(max(updated_at) as varchar(40)) from service_capacity
                           where municipality_id = :'m'), '');
\echo '=== catalog: snapshot, the services of a municipality (Spring Data JDBC findByMunicipalityId)'
explain (analyze, buffers, costs off)
select * from service where service.municipality_id = :'m';
\echo '=== catalog: snapshot, a service''s capacities (Spring Data JDBC, per service)'
explain (analyze, buffers, costs off)
select * from service_capacity where service_capacity.service_id = (select id from service where municipality_id = :'m' limit 1) order by position;

\echo '=== referral: the unit''s incoming queue'
explain (analyze, buffers, costs off)
select * from referral where municipality_id = :'m' and receiver_unit_id = :'unit' order by created_at, id;
\echo '=== referral: the unit''s outgoing queue'
explain (analyze, buffers, costs off)
select * from referral where municipality_id = :'m' and sender_unit_id = :'unit' order by created_at, id;
\echo '=== referral: the unit''s figures, every history of its incoming referrals in one statement'
explain (analyze, buffers, costs off)
select e.* from referral_event e
join referral r on r.municipality_id = e.municipality_id and r.id = e.referral_id
where r.municipality_id = :'m' and r.receiver_unit_id = :'unit'
order by e.referral_id, e.position;
\echo '=== referral: one referral''s history (was run once per referral of the unit)'
explain (analyze, buffers, costs off)
select * from referral_event where municipality_id = :'m' and referral_id = (select id from referral where municipality_id = :'m' limit 1) order by position;

\echo '=== plan: the plan of a citizen, its current version and its versions'
explain (analyze, buffers, costs off)
select id, current_version from shared_plan where municipality_id = :'m' and citizen_id = :'citizen';
explain (analyze, buffers, costs off)
select content from shared_plan_version where municipality_id = :'m'
  and plan_id = (select id from shared_plan where municipality_id = :'m' and citizen_id = :'citizen') and number = 3;
explain (analyze, buffers, costs off)
select number, change_kind, change_item, changed_by, unit_id, partner_id, changed_at from shared_plan_version
where municipality_id = :'m' and plan_id = (select id from shared_plan where municipality_id = :'m' and citizen_id = :'citizen')
order by number;

\echo '=== participation: the forum page (counts by state, latest answers) and the list of proposals'
explain (analyze, buffers, costs off)
select published_state_key, count(*) as n from participation_proposal
where municipality_id = :'m' and body_id = :'body' and held_reason is null and hidden_at is null
group by published_state_key;
explain (analyze, buffers, costs off)
select number, title, published_state_key, published_answer, answer_published_at from participation_proposal
where municipality_id = :'m' and body_id = :'body' and answer_published_at is not null
  and held_reason is null and hidden_at is null
order by answer_published_at desc limit 5;
explain (analyze, buffers, costs off)
select * from participation_proposal where municipality_id = :'m' and held_reason is null and hidden_at is null
  and body_id = :'body' order by submitted_at desc, number desc;
