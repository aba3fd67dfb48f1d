-- A synthetic Denmark of realistic size for EXPLAIN of the hot queries (docs/scale.md, "Hot queries"). Not the
-- national generator of issue 14: only the rows the hot queries read, every one synthetic, with deterministic ids.
-- Run on an empty database that Flyway has migrated (start Helhed once against it, demo and seed off or on):
--   psql -h 127.0.0.1 -U postgres -d DB -v ON_ERROR_STOP=1 -f scripts/scale/hot-queries-data.sql
-- Sizes: 98 municipalities, 1,960 units, 1,960 staff, 8,000 services (with 40,000 rows of capacities, contacts,
-- opening hours and prices), 300,000 plans (900,000 versions),
-- 450,000 referrals (1,350,000 events), 49,000 proposals, 15,000,000 audit rows (500,000 search hits).
-- Municipality 1 is the largest (about a tenth of the plans, referrals and audit rows, like Copenhagen).
\timing on
set synchronous_commit = off;

create temporary table m as
select n, md5('synthetic-municipality-' || n)::uuid as id from generate_series(1, 98) n;

insert into municipality (id, municipality_id, slug, name, short_name, address, website, created_at)
select id, id, 'syntetisk-' || n, 'Syntetisk Kommune ' || n || ' (syntetisk)', 'Syntetisk ' || n, null, null, now()
from m on conflict do nothing;

insert into organisational_unit (id, municipality_id, unit_key, name, parent_id, description, position)
select md5('unit-' || m.n || '-' || u)::uuid, m.id, 'enhed-' || u, 'Enhed ' || u || ' (syntetisk)', null, null, u
from m, generate_series(1, 20) u;

insert into staff_user (id, municipality_id, username, display_name, email, partner_id, password_hash, enabled,
                        failed_logins, created_at, version)
select md5('staff-' || m.n || '-' || s)::uuid, m.id, 'syntetisk-' || m.n || '-' || s, 'Medarbejder ' || s || ' (syntetisk)',
       null, null, null, true, 0, now(), 0
from m, generate_series(1, 20) s;

-- Services: 8,000, about 82 a municipality, a tenth retired.
insert into service (id, municipality_id, service_key, name, summary, description, owning_unit_id, access_mode,
                     first_step, target_group, charge, status, last_verified, created_at, updated_at, version)
select md5('service-' || g)::uuid, m.id, 'indsats-' || g, 'Indsats ' || g || ' (syntetisk)', 'Kort om indsatsen.',
       'Beskrivelse af indsatsen (syntetisk).', md5('unit-' || m.n || '-' || (1 + g % 20))::uuid, 'DIRECT',
       'Ring og aftal en tid.', 'Voksne.', 'FREE', case when g % 10 = 0 then 'RETIRED' else 'ACTIVE' end,
       current_date - (g % 400), now(), now(), 0
from generate_series(1, 8000) g join m on m.n = 1 + g % 98;

-- The services' capacities, contacts, opening hours and prices: the rows the catalog's snapshot reads per service.
insert into service_capacity (id, service_id, municipality_id, position, unit_name, maximum, available, description, updated_at)
select md5('capacity-' || s.id)::uuid, s.id, s.municipality_id, 0, 'pladser', 10, 3, null, now() from service s;
insert into service_contact (id, service_id, municipality_id, position, role, name, unit_id, phone, email)
select md5('contact-' || s.id)::uuid, s.id, s.municipality_id, 0, 'Leder', 'Kontakt (syntetisk)', null, '70000000', null from service s;
insert into service_schedule (id, service_id, municipality_id, position, days, opens_at, closes_at, description)
select md5('schedule-' || s.id || '-' || d)::uuid, s.id, s.municipality_id, d, 'MO-FR', time '09:00', time '15:00', null
from service s, generate_series(0, 1) d;
insert into service_cost (id, service_id, municipality_id, position, cost_option, amount, currency, description)
select md5('cost-' || s.id)::uuid, s.id, s.municipality_id, 0, 'Gratis', null, null, null from service s;

-- Which municipality a row belongs to: skewed, so that municipality 1 holds about a tenth.
create or replace function pg_temp.municipality_of(r double precision) returns integer language sql immutable as
$$ select least(98, 1 + floor(98 * r * r)::integer) $$;

-- Plans: 300,000 citizens with a plan, three versions each.
insert into shared_plan (municipality_id, id, citizen_id, current_version, next_follow_up, created_at)
select m.id, md5('plan-' || g)::uuid, md5('citizen-' || g)::uuid, 3, current_date + (g % 90), now() - (g % 700) * interval '1 day'
from generate_series(1, 300000) g join m on m.n = pg_temp.municipality_of(((g * 7919::bigint) % 300000) / 300000.0);

insert into shared_plan_version (municipality_id, plan_id, number, content, change_kind, change_item, changed_by,
                                 unit_id, partner_id, changed_at)
select p.municipality_id, p.id, v, '{"synthetic":true}', 'BASICS', null, md5('staff-' || m.n || '-1')::uuid, null,
       null, p.created_at + v * interval '1 day'
from shared_plan p join m on m.id = p.municipality_id, generate_series(1, 3) v;

-- Referrals: 450,000 between the 20 units of each municipality, three events each.
insert into referral (municipality_id, id, citizen_id, service_id, sender_unit_id, receiver_unit_id, question, status,
                      reason_code, outcome, created_at, created_by, first_answer_at, outcome_at, version)
select m.id, md5('referral-' || g)::uuid, md5('citizen-' || (g % 300000))::uuid, md5('service-' || (g % 8000))::uuid,
       md5('unit-' || m.n || '-' || (1 + g % 20))::uuid, md5('unit-' || m.n || '-' || (1 + (g / 20) % 20))::uuid,
       'Spørgsmål (syntetisk)', case when g % 10 < 8 then 'COMPLETED' when g % 10 = 8 then 'IN_PROGRESS' else 'REQUESTED' end,
       null, case when g % 10 < 8 then 'Gennemført (syntetisk)' end,
       now() - (g % 1000) * interval '1 day' - (g % 86400) * interval '1 second',
       md5('staff-' || m.n || '-1')::uuid, now() - (g % 1000) * interval '1 day' + interval '2 days',
       case when g % 10 < 8 then now() - (g % 1000) * interval '1 day' + interval '30 days' end, 0
from generate_series(1, 450000) g join m on m.n = pg_temp.municipality_of(((g * 104729::bigint) % 450000) / 450000.0);

insert into referral_event (municipality_id, id, referral_id, position, move, from_status, to_status, actor, staff_id,
                            unit_id, reason_code, reason_version, at)
select r.municipality_id, md5(r.id::text || '-' || e)::uuid, r.id, e,
       case e when 1 then 'REFER' when 2 then 'ACCEPT' else 'COMPLETE' end,
       case e when 1 then null when 2 then 'REQUESTED' else 'ACCEPTED' end,
       case e when 1 then 'REQUESTED' when 2 then 'ACCEPTED' else 'COMPLETED' end, 'SENDER', r.created_by, null,
       null, null, r.created_at + (e - 1) * interval '2 days'
from referral r, generate_series(1, 3) e
where r.question = 'Spørgsmål (syntetisk)';

-- Participation: one forum a municipality with the three states and 500 proposals.
insert into participation_state (municipality_id, state_key, position, name_da, name_en, explanation_da, explanation_en,
                                 closed, valid_from)
select m.id, s.key, s.pos, s.key, s.key, 'Forklaring (syntetisk)', 'Explanation (synthetic)', s.pos = 3, date '2020-01-01'
from m, (values ('RECEIVED', 1), ('ANSWERED', 2), ('CLOSED', 3)) s(key, pos)
on conflict do nothing;

insert into participation_body (municipality_id, id, body_key, kind, name, purpose, accepts_proposals, position)
select m.id, md5('body-' || m.n)::uuid, 'dialogforum', 'DIALOGUE_FORUM', 'Dialogforum (syntetisk)', 'Dialog (syntetisk)', true, 1
from m;

insert into participation_proposal (municipality_id, id, number, receipt_hash, body_id, kind, title, text, submitted_at,
                                    state_key, published_state_key, published_answer, answer_published_at,
                                    hidden_automatically, report_count, version)
select m.id, md5('proposal-' || m.n || '-' || p)::uuid, p, md5('receipt-' || m.n || '-' || p), md5('body-' || m.n)::uuid,
       'PROPOSAL', 'Forslag ' || p || ' (syntetisk)', 'Tekst (syntetisk)', now() - (500 - p) * interval '1 day',
       case when p % 3 = 0 then 'ANSWERED' else 'RECEIVED' end, case when p % 3 = 0 then 'ANSWERED' else 'RECEIVED' end,
       case when p % 3 = 0 then 'Svar (syntetisk)' end,
       case when p % 3 = 0 then now() - (500 - p) * interval '1 day' + interval '10 days' end, false, 0, 0
from m, generate_series(1, 500) p;

-- The audit log: 15,000,000 rows over three years; 200 actors and 1,500 citizens a municipality on average.
-- The indexes are dropped while loading and built again after (the same definitions as the migrations').
create temporary table audit_indexes as
select indexname, indexdef from pg_indexes where tablename in ('audit_event', 'audit_search_hit')
  and indexname not like '%pkey';
do $$ declare i record; begin
  for i in select indexname from audit_indexes loop execute 'drop index ' || i.indexname; end loop;
end $$;
alter table audit_search_hit drop constraint audit_search_hit_audit_event_id_fkey;

insert into audit_event (id, municipality_id, occurred_at, actor_id, actor_name, actor_unit_id, actor_role, partner_id,
                         citizen_id, action, category, basis, basis_ref, purpose, resource, criterion, outcome)
select md5('audit-' || g)::uuid, m.id,
       timestamptz '2024-01-01 00:00:00+00' + (g * 6.3) * interval '1 second',
       md5('staff-' || m.n || '-' || (1 + g % 200))::uuid, 'syntetisk-' || m.n || '-' || (1 + g % 200),
       md5('unit-' || m.n || '-' || (1 + g % 20))::uuid, 'CASEWORKER', null,
       case when g % 20 = 0 then null else md5('citizen-' || (g % 150000))::uuid end,
       case when g % 20 = 0 then 'SEARCH' else 'READ' end, 'NOTES', 'OWN_CASE', null, null,
       '/personale/borgere', null, 'ALLOWED'
from generate_series(1, 15000000) g join m on m.n = pg_temp.municipality_of(((g * 15485863::bigint) % 15000000) / 15000000.0);

insert into audit_search_hit (municipality_id, audit_event_id, citizen_id)
select e.municipality_id, e.id, md5('citizen-' || h)::uuid
from (select municipality_id, id, row_number() over () as r from audit_event where action = 'SEARCH' limit 250000) e,
     generate_series(1, 2) k, lateral (select (e.r * 7 + k) % 150000 as h) x;

do $$ declare i record; begin
  for i in select indexdef from audit_indexes loop execute i.indexdef; end loop;
end $$;
alter table audit_search_hit add constraint audit_search_hit_audit_event_id_fkey
  foreign key (audit_event_id) references audit_event (id) on delete cascade;

vacuum analyze;
select 'service' as t, count(*) from service union all select 'shared_plan', count(*) from shared_plan
union all select 'referral', count(*) from referral union all select 'referral_event', count(*) from referral_event
union all select 'participation_proposal', count(*) from participation_proposal
union all select 'audit_event', count(*) from audit_event union all select 'audit_search_hit', count(*) from audit_search_hit;
