-- The audit log of personal data (security.md items 7-10): one row per read, search, creation, change, export and
-- deletion of a citizen's data, refused attempts and failed logins included. It holds no sensitive content: no
-- note text, no CPR number in clear, no free-text reasons; only who, when, what kind of access, on which basis.
-- municipality_id is null only for a failed login whose user name matches no account.

create table audit_event (
    id              uuid primary key,
    municipality_id uuid references municipality (id),
    occurred_at     timestamp with time zone not null,
    actor_id        uuid,
    actor_name      varchar(80),
    actor_unit_id   uuid,
    actor_role      varchar(40),
    partner_id      uuid,
    citizen_id      uuid,
    action          varchar(20) not null,
    category        varchar(30),
    basis           varchar(20) not null,
    basis_ref       varchar(100),
    purpose         varchar(100),
    resource        varchar(200),
    criterion       varchar(300),
    outcome         varchar(10) not null
);
create index audit_event_citizen on audit_event (municipality_id, citizen_id, occurred_at);
create index audit_event_time on audit_event (municipality_id, occurred_at);
create index audit_event_actor on audit_event (municipality_id, actor_id, occurred_at);

-- How long each municipality keeps its audit log.
create table audit_retention (
    municipality_id uuid primary key references municipality (id),
    months          integer not null check (months between 6 and 240)
);

-- Scheduled jobs take a lock here, so that several instances can run side by side (ShedLock).
create table shedlock (
    name       varchar(64) primary key,
    lock_until timestamp not null,
    locked_at  timestamp not null,
    locked_by  varchar(255) not null
);
