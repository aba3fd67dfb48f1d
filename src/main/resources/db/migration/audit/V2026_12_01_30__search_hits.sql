-- The citizens a search showed, one reference each (security.md items 7 and 10): a name search that shows several
-- citizens is one audit row, and each of them finds it in their access account. Written with the row, never changed:
-- the application role may only insert and read it (platform/DatabaseRoles); it goes when its row is purged.

create table audit_search_hit (
    municipality_id uuid not null references municipality (id),
    audit_event_id  uuid not null references audit_event (id) on delete cascade,
    citizen_id      uuid not null,
    primary key (municipality_id, audit_event_id, citizen_id)
);
create index audit_search_hit_citizen on audit_search_hit (municipality_id, citizen_id);
