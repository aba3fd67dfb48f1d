-- The catalog of services (indsatskatalog) of each municipality.

create table catalog (
    id              uuid primary key,
    municipality_id uuid not null unique references municipality (id),
    title           varchar(300) not null,
    edition         integer,
    edition_label   varchar(60),
    published       date,
    owning_unit_id  uuid references organisational_unit (id),
    contact_role    varchar(200),
    contact_name    varchar(200),
    introduction    varchar(4000)
);

create table service (
    id              uuid primary key,
    municipality_id uuid not null references municipality (id),
    service_key     varchar(80)   not null,
    name            varchar(200)  not null,
    summary         varchar(300)  not null,
    description     varchar(6000) not null,
    owning_unit_id  uuid references organisational_unit (id),
    provider_id     uuid references partner_organisation (id),
    access_mode     varchar(30)   not null,
    deciding_unit_id uuid references organisational_unit (id),
    first_step      varchar(1000) not null,
    target_group    varchar(2000) not null,
    minimum_age     integer,
    maximum_age     integer,
    charge          varchar(30)   not null,
    location_name   varchar(200),
    street          varchar(200),
    postal_code     varchar(10),
    city            varchar(100),
    schedule_note   varchar(1000),
    phone           varchar(40),
    email           varchar(200),
    url             varchar(500),
    legal_basis     varchar(200),
    status          varchar(20)   not null,
    last_verified   date          not null,
    created_at      timestamp with time zone not null,
    updated_at      timestamp with time zone not null,
    version         integer       not null,
    constraint service_key unique (municipality_id, service_key),
    constraint service_age_range check (minimum_age is null or maximum_age is null or minimum_age <= maximum_age)
);
create index service_municipality on service (municipality_id, status);

create table service_focus_area (
    service_id      uuid not null references service (id) on delete cascade,
    municipality_id uuid not null references municipality (id),
    position        integer not null,
    focus_area_id   uuid not null references focus_area (id),
    primary key (service_id, position)
);
create index service_focus_area_area on service_focus_area (municipality_id, focus_area_id);

create table service_partner (
    service_id      uuid not null references service (id) on delete cascade,
    municipality_id uuid not null references municipality (id),
    position        integer not null,
    partner_id      uuid not null references partner_organisation (id),
    primary key (service_id, position)
);

create table service_situation (
    service_id      uuid not null references service (id) on delete cascade,
    municipality_id uuid not null references municipality (id),
    position        integer not null,
    situation       varchar(30) not null,
    primary key (service_id, position)
);

create table service_contact (
    id              uuid primary key,
    service_id      uuid not null references service (id) on delete cascade,
    municipality_id uuid not null references municipality (id),
    position        integer not null,
    role            varchar(200),
    name            varchar(200),
    unit_id         uuid references organisational_unit (id),
    phone           varchar(40),
    email           varchar(200)
);

create table service_capacity (
    id              uuid primary key,
    service_id      uuid not null references service (id) on delete cascade,
    municipality_id uuid not null references municipality (id),
    position        integer not null,
    unit_name       varchar(60) not null,
    maximum         integer not null,
    available       integer,
    description     varchar(500),
    updated_at      timestamp with time zone not null,
    constraint service_capacity_range check (available is null or (available >= 0 and available <= maximum))
);

create table service_cost (
    id              uuid primary key,
    service_id      uuid not null references service (id) on delete cascade,
    municipality_id uuid not null references municipality (id),
    position        integer not null,
    cost_option     varchar(200) not null,
    amount          numeric(12, 2),
    currency        varchar(3),
    description     varchar(500)
);

create table service_schedule (
    id              uuid primary key,
    service_id      uuid not null references service (id) on delete cascade,
    municipality_id uuid not null references municipality (id),
    position        integer not null,
    days            varchar(30) not null,
    opens_at        time,
    closes_at       time,
    description     varchar(500)
);

create table service_key_figure (
    service_id      uuid not null references service (id) on delete cascade,
    municipality_id uuid not null references municipality (id),
    position        integer not null,
    text            varchar(500) not null,
    primary key (service_id, position)
);
