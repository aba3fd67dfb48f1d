-- Keeping the catalog alive: who owns a service and how often it is reviewed, the field-by-field history of every
-- change, and changes proposed by unit editors that wait for a catalog editor's decision.

alter table service add column review_interval_months integer default 6 not null;
alter table service add column owner_id uuid references staff_user (id);

create table service_change (
    id                uuid primary key,
    municipality_id   uuid not null references municipality (id),
    service_id        uuid not null references service (id),
    service_version   integer not null,
    changed_at        timestamp with time zone not null,
    changed_by        uuid references staff_user (id),
    changed_by_name   varchar(200) not null,
    action            varchar(20) not null,
    field_name        varchar(60),
    previous_value    varchar(8000),
    replacement_value varchar(8000),
    change_request_id uuid
);
create index service_change_service on service_change (municipality_id, service_id, changed_at);

create table change_request (
    id               uuid primary key,
    municipality_id  uuid not null references municipality (id),
    service_id       uuid not null references service (id),
    base_version     integer not null,
    proposed_by      uuid not null references staff_user (id),
    proposed_by_name varchar(200) not null,
    proposed_at      timestamp with time zone not null,
    content          varchar(60000) not null,
    summary          varchar(2000) not null,
    status           varchar(20) not null,
    decided_by       uuid references staff_user (id),
    decided_by_name  varchar(200),
    decided_at       timestamp with time zone,
    reason           varchar(2000),
    version          integer not null
);
create index change_request_open on change_request (municipality_id, status, proposed_at);
