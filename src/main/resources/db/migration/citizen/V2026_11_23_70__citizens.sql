-- Citizens (identified or anonymous contacts), the units involved with them, consents, recorded legal bases,
-- emergency access, case notes, and the retention rules that end it all. CPR numbers are stored encrypted and found
-- through a keyed hash; nothing personal is ever put in the audit log.

create table citizen (
    id                 uuid primary key,
    municipality_id    uuid not null references municipality (id),
    kind               varchar(12) not null,
    cpr_encrypted      varchar(200),
    cpr_hash           varchar(64),
    name               varchar(200),
    pseudonym          varchar(80),
    birth_year         integer,
    phone              varchar(40),
    email              varchar(200),
    address            varchar(300),
    preferred_language varchar(40),
    status             varchar(12) not null,
    closed_on          date,
    joined_into        uuid references citizen (id),
    synthetic          boolean not null,
    created_at         timestamp with time zone not null,
    created_by         uuid references staff_user (id),
    version            integer not null,
    constraint citizen_cpr unique (municipality_id, cpr_hash),
    constraint citizen_kind check (kind in ('IDENTIFIED', 'ANONYMOUS')),
    constraint citizen_identified check (kind <> 'IDENTIFIED' or status = 'ANONYMISED' or (cpr_hash is not null and name is not null)),
    constraint citizen_anonymous check (kind <> 'ANONYMOUS' or cpr_hash is null)
);
create index citizen_name on citizen (municipality_id, name);
create index citizen_pseudonym on citizen (municipality_id, pseudonym);

create table involvement (
    id              uuid primary key,
    municipality_id uuid not null references municipality (id),
    citizen_id      uuid not null references citizen (id),
    unit_id         uuid references organisational_unit (id),
    partner_id      uuid references partner_organisation (id),
    basis           varchar(20) not null,
    basis_ref       varchar(100),
    since           date not null,
    ended_on        date,
    recorded_by     uuid references staff_user (id),
    recorded_at     timestamp with time zone not null,
    constraint involvement_party check ((unit_id is null) <> (partner_id is null))
);
create index involvement_citizen on involvement (municipality_id, citizen_id);

create table consent (
    id              uuid primary key,
    municipality_id uuid not null references municipality (id),
    citizen_id      uuid not null references citizen (id),
    purpose         varchar(300) not null,
    categories      varchar(200) not null,
    given_on        date not null,
    expires_on      date not null,
    given_how       varchar(20) not null,
    recorded_by     uuid not null references staff_user (id),
    recorded_at     timestamp with time zone not null,
    withdrawn_at    timestamp with time zone,
    withdrawn_by    uuid references staff_user (id),
    constraint consent_period check (expires_on >= given_on)
);
create index consent_citizen on consent (municipality_id, citizen_id);

create table consent_recipient (
    consent_id      uuid not null references consent (id),
    municipality_id uuid not null references municipality (id),
    position        integer not null,
    unit_id         uuid references organisational_unit (id),
    partner_id      uuid references partner_organisation (id),
    primary key (consent_id, position),
    constraint consent_recipient_party check ((unit_id is null) <> (partner_id is null))
);

-- A legal basis recorded instead of a consent (e.g. Retsplejeloven § 115), by an authorised role.
create table legal_basis (
    id              uuid primary key,
    municipality_id uuid not null references municipality (id),
    citizen_id      uuid not null references citizen (id),
    basis_code      varchar(40) not null,
    categories      varchar(200) not null,
    unit_id         uuid references organisational_unit (id),
    partner_id      uuid references partner_organisation (id),
    valid_until     date not null,
    recorded_by     uuid not null references staff_user (id),
    recorded_at     timestamp with time zone not null,
    revoked_at      timestamp with time zone,
    constraint legal_basis_party check ((unit_id is null) <> (partner_id is null))
);
create index legal_basis_citizen on legal_basis (municipality_id, citizen_id);

create table emergency_access (
    id              uuid primary key,
    municipality_id uuid not null references municipality (id),
    citizen_id      uuid not null references citizen (id),
    staff_id        uuid not null references staff_user (id),
    unit_id         uuid references organisational_unit (id),
    reason          varchar(2000) not null,
    granted_at      timestamp with time zone not null,
    expires_at      timestamp with time zone not null,
    seen_by_lead    uuid references staff_user (id),
    seen_at         timestamp with time zone
);
create index emergency_access_citizen on emergency_access (municipality_id, citizen_id);

create table case_note (
    id              uuid primary key,
    municipality_id uuid not null references municipality (id),
    citizen_id      uuid not null references citizen (id),
    unit_id         uuid references organisational_unit (id),
    partner_id      uuid references partner_organisation (id),
    service_id      uuid references service (id),
    category        varchar(20) not null,
    text            varchar(8000) not null,
    written_by      uuid not null references staff_user (id),
    written_by_name varchar(200) not null,
    written_at      timestamp with time zone not null,
    constraint case_note_party check ((unit_id is null) <> (partner_id is null))
);
create index case_note_citizen on case_note (municipality_id, citizen_id, written_at);

-- How long each category of information is kept after a citizen's record is closed.
create table retention_rule (
    municipality_id uuid not null references municipality (id),
    category        varchar(20) not null,
    months          integer not null check (months between 1 and 1200),
    primary key (municipality_id, category)
);

create table retention_hold (
    id              uuid primary key,
    municipality_id uuid not null references municipality (id),
    citizen_id      uuid not null references citizen (id),
    reason_code     varchar(40) not null,
    until           date,
    recorded_by     uuid not null references staff_user (id),
    recorded_at     timestamp with time zone not null
);
