-- The whole picture (helhedsvurdering, VUM 2.0): the FFB themes, sub-themes and levels as versioned reference data
-- (loaded from src/main/resources/plan/ at start), and the assessments of a citizen's situation over time. What the
-- citizen says in their own words is kept apart from the professional's description, and never overwritten: each
-- change is a new row with who recorded it and when.

create table ffb_version (
    version    varchar(20) primary key,
    valid_from date not null,
    source     varchar(300) not null,
    loaded_at  timestamp with time zone not null
);

create table ffb_theme (
    version     varchar(20) not null references ffb_version (version),
    code        uuid not null,
    parent_code uuid,
    name        varchar(200) not null,
    ffb_group   varchar(40) not null,
    rated       boolean not null,
    category    varchar(20) not null,
    sort_order  integer not null,
    primary key (version, code),
    constraint ffb_theme_group check (ffb_group in ('FUNCTIONS_AND_CONDITIONS', 'ACTIVITY_AND_PARTICIPATION', 'ENVIRONMENTAL_FACTORS'))
);

create table ffb_level (
    version    varchar(20) not null references ffb_version (version),
    code       uuid not null,
    name       varchar(100) not null,
    score      integer,
    sort_order integer not null,
    primary key (version, code)
);

create table assessment (
    municipality_id uuid not null references municipality (id),
    id              uuid not null,
    citizen_id      uuid not null,
    ffb_version     varchar(20) not null references ffb_version (version),
    assessed_on     date not null,
    unit_id         uuid references organisational_unit (id),
    partner_id      uuid references partner_organisation (id),
    what_matters    varchar(2000),
    resources       varchar(4000),
    network         varchar(4000),
    made_by         uuid not null references staff_user (id),
    made_at         timestamp with time zone not null,
    primary key (municipality_id, id),
    constraint assessment_party check ((unit_id is null) <> (partner_id is null))
);
create index assessment_citizen on assessment (municipality_id, citizen_id, assessed_on);

-- One row per assessed sub-theme: a level only where FFB rates the group (Aktivitet og deltagelse).
create table assessment_rating (
    municipality_id uuid not null,
    assessment_id   uuid not null,
    theme_code      uuid not null,
    level_code      uuid,
    description     varchar(4000),
    primary key (municipality_id, assessment_id, theme_code),
    foreign key (municipality_id, assessment_id) references assessment (municipality_id, id)
);

-- The citizen's own words, per sub-theme or for the whole ("part" is a theme code or 'overall'); append-only.
create table assessment_citizen_words (
    municipality_id uuid not null,
    assessment_id   uuid not null,
    part            varchar(36) not null,
    revision        integer not null,
    words           varchar(4000),
    recorded_by     uuid not null references staff_user (id),
    recorded_at     timestamp with time zone not null,
    primary key (municipality_id, assessment_id, part, revision),
    foreign key (municipality_id, assessment_id) references assessment (municipality_id, id)
);
