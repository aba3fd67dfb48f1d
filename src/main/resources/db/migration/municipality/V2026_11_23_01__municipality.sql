-- Municipalities (tenants), their organisational units, partner organisations and strategies.
-- Every table carries municipality_id so that every query can be scoped to one tenant.

create table municipality (
    id              uuid primary key,
    municipality_id uuid not null,
    slug            varchar(60)  not null unique,
    name            varchar(200) not null,
    short_name      varchar(100) not null,
    address         varchar(300),
    website         varchar(500),
    created_at      timestamp with time zone not null,
    constraint municipality_self check (municipality_id = id)
);

create table organisational_unit (
    id              uuid primary key,
    municipality_id uuid not null references municipality (id),
    unit_key        varchar(80)  not null,
    name            varchar(200) not null,
    parent_id       uuid references organisational_unit (id),
    description     varchar(1000),
    position        integer not null,
    constraint organisational_unit_key unique (municipality_id, unit_key)
);

create table partner_organisation (
    id              uuid primary key,
    municipality_id uuid not null references municipality (id),
    partner_key     varchar(80)  not null,
    name            varchar(200) not null,
    kind            varchar(40)  not null,
    description     varchar(2000),
    website         varchar(500),
    position        integer not null,
    constraint partner_organisation_key unique (municipality_id, partner_key)
);

create table strategy (
    id                   uuid primary key,
    municipality_id      uuid not null references municipality (id),
    title                varchar(300) not null,
    subtitle             varchar(300),
    adopted              date,
    period_from          integer,
    period_to            integer,
    summary              varchar(2000),
    vision               varchar(4000),
    target_group         varchar(4000),
    target_group_min_age integer,
    target_group_max_age integer,
    focus_area_label     varchar(40) not null
);
create index strategy_municipality on strategy (municipality_id);

create table strategy_value (
    id              uuid primary key,
    municipality_id uuid not null references municipality (id),
    strategy_id     uuid not null references strategy (id),
    position        integer not null,
    name            varchar(200) not null,
    description     varchar(2000)
);

-- Focus areas (indsatsområder, temaer, fokusområder) and, under a focus area, tracks (Aarhus' "spor").
create table focus_area (
    id              uuid primary key,
    municipality_id uuid not null references municipality (id),
    strategy_id     uuid not null references strategy (id),
    parent_id       uuid references focus_area (id),
    area_key        varchar(80)  not null,
    position        integer not null,
    name            varchar(200) not null,
    summary         varchar(4000),
    constraint focus_area_key unique (municipality_id, area_key)
);

create table focus_area_commitment (
    id              uuid primary key,
    municipality_id uuid not null references municipality (id),
    focus_area_id   uuid not null references focus_area (id),
    position        integer not null,
    text            varchar(2000) not null
);

create table focus_area_partner (
    id              uuid primary key,
    municipality_id uuid not null references municipality (id),
    focus_area_id   uuid not null references focus_area (id),
    position        integer not null,
    text            varchar(2000) not null
);

create table strategy_target (
    id              uuid primary key,
    municipality_id uuid not null references municipality (id),
    focus_area_id   uuid not null references focus_area (id),
    target_key      varchar(80) not null,
    position        integer not null,
    name            varchar(300) not null,
    indicator       varchar(500) not null,
    unit            varchar(60),
    baseline_value  numeric(14, 2),
    baseline_year   integer,
    baseline_note   varchar(1000),
    target_value    numeric(14, 2),
    direction       varchar(20) not null,
    deadline        date,
    constraint strategy_target_key unique (municipality_id, target_key)
);

create table related_policy (
    id              uuid primary key,
    municipality_id uuid not null references municipality (id),
    strategy_id     uuid not null references strategy (id),
    position        integer not null,
    name            varchar(300) not null,
    url             varchar(500)
);
