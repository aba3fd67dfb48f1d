-- Places (boliger, pladser) of the catalog's services, who holds or occupies them, and the waiting lists.
-- The database itself keeps a place from being given twice (security.md item 15): an allocation's active_place_id
-- is its place while it is active and null after, a check keeps the two in step, and a unique constraint allows one
-- active allocation per place. This is a partial unique index that works on H2 as well as on PostgreSQL (H2 has no
-- partial indexes; both let a unique constraint hold any number of nulls).

create table place (
    municipality_id uuid not null references municipality (id),
    id              uuid not null,
    service_id      uuid not null,
    capacity_id     uuid not null,
    number          integer not null,
    closed_at       timestamp with time zone,
    closed_reason   varchar(200),
    version         integer not null,
    primary key (municipality_id, id),
    constraint place_number unique (municipality_id, capacity_id, number),
    constraint place_number_positive check (number > 0)
);
create index place_service on place (municipality_id, service_id);

-- The published rule that orders a waiting list; a new version is a new row, never a change to an old one.
create table priority_rule (
    version         integer primary key,
    valid_from      date not null,
    title           varchar(200) not null,
    description     varchar(2000) not null
);
insert into priority_rule (version, valid_from, title, description) values
    (1, date '2026-01-01', 'Hastegrad, så dato, så lodtrækning',
     'Først kommer de, hvis sag haster mest (akut før høj før almindelig). Har flere samme hastegrad, kommer den først, der blev skrevet op tidligst. Er også datoen den samme, afgør et tilfældigt tal, der blev trukket, da borgeren blev skrevet op.');

-- Coded reasons from a versioned list: who decided (citizen, provider, system) and what follows.
create table reason_code (
    list            varchar(30) not null,
    code            varchar(40) not null,
    version         integer not null,
    valid_from      date not null,
    valid_to        date,
    label           varchar(200) not null,
    decided_by      varchar(20) not null,
    consequence     varchar(30) not null,
    primary key (list, code, version),
    constraint reason_list check (list in ('OFFER_DECLINED', 'REFERRAL')),
    constraint reason_decided_by check (decided_by in ('CITIZEN', 'PROVIDER', 'SYSTEM')),
    constraint reason_consequence check (consequence in ('BACK_ON_LIST', 'OFF_LIST', 'WAITING_LIST', 'BACK_TO_SENDER', 'NONE'))
);
insert into reason_code (list, code, version, valid_from, label, decided_by, consequence) values
    ('OFFER_DECLINED', 'CITIZEN_DECLINED', 1, date '2026-01-01', 'Borgeren ønsker ikke boligen', 'CITIZEN', 'BACK_ON_LIST'),
    ('OFFER_DECLINED', 'CITIZEN_NO_LONGER_NEEDS', 1, date '2026-01-01', 'Borgeren har ikke længere brug for en plads', 'CITIZEN', 'OFF_LIST'),
    ('OFFER_DECLINED', 'NOT_REACHED', 1, date '2026-01-01', 'Borgeren kunne ikke kontaktes efter 3 forsøg', 'PROVIDER', 'BACK_ON_LIST'),
    ('OFFER_DECLINED', 'NOT_SUITABLE', 1, date '2026-01-01', 'Pladsen passer ikke til borgerens behov', 'PROVIDER', 'BACK_ON_LIST'),
    ('OFFER_DECLINED', 'EXPIRED', 1, date '2026-01-01', 'Tilbuddet udløb uden svar', 'SYSTEM', 'BACK_ON_LIST');

create table waiting_list_entry (
    municipality_id uuid not null references municipality (id),
    id              uuid not null,
    service_id      uuid not null,
    citizen_id      uuid not null,
    owner_unit_id   uuid not null,
    urgency         varchar(20) not null,
    requested_on    date not null,
    tie_breaker     integer not null,
    status          varchar(20) not null,
    -- the citizen while the entry is on the list or has an offer; null once placed or removed
    active_citizen_id uuid,
    created_at      timestamp with time zone not null,
    created_by      uuid,
    ended_at        timestamp with time zone,
    end_reason      varchar(40),
    version         integer not null,
    primary key (municipality_id, id),
    constraint waiting_urgency check (urgency in ('ACUTE', 'HIGH', 'NORMAL')),
    constraint waiting_status check (status in ('WAITING', 'OFFERED', 'PLACED', 'REMOVED')),
    constraint waiting_active check ((status in ('WAITING', 'OFFERED') and active_citizen_id = citizen_id)
        or (status in ('PLACED', 'REMOVED') and active_citizen_id is null)),
    constraint waiting_once unique (municipality_id, service_id, active_citizen_id)
);
create index waiting_list_service on waiting_list_entry (municipality_id, service_id, status);

create table place_allocation (
    municipality_id uuid not null references municipality (id),
    id              uuid not null,
    place_id        uuid not null,
    service_id      uuid not null,
    citizen_id      uuid not null,
    kind            varchar(20) not null,
    status          varchar(20) not null,
    started_at      timestamp with time zone not null,
    expires_at      timestamp with time zone,
    planned_move_out date,
    ended_at        timestamp with time zone,
    end_reason      varchar(40),
    created_by      uuid,
    waiting_entry_id uuid,
    rule_version    integer references priority_rule (version),
    rule_inputs     varchar(500),
    -- the place while the allocation is active, the citizen while an offer (a hold) is active; null after
    active_place_id uuid,
    active_offer_citizen_id uuid,
    primary key (municipality_id, id),
    foreign key (municipality_id, place_id) references place (municipality_id, id),
    foreign key (municipality_id, waiting_entry_id) references waiting_list_entry (municipality_id, id),
    constraint allocation_kind check (kind in ('HOLD', 'OCCUPANCY')),
    constraint allocation_status check (status in ('ACTIVE', 'ENDED')),
    constraint allocation_hold_expires check (kind <> 'HOLD' or expires_at is not null),
    constraint allocation_active_place check ((status = 'ACTIVE' and active_place_id = place_id)
        or (status = 'ENDED' and active_place_id is null)),
    constraint allocation_active_offer check ((status = 'ACTIVE' and kind = 'HOLD' and active_offer_citizen_id = citizen_id)
        or ((status = 'ENDED' or kind = 'OCCUPANCY') and active_offer_citizen_id is null)),
    constraint allocation_one_per_place unique (municipality_id, active_place_id),
    constraint allocation_one_offer_per_citizen unique (municipality_id, service_id, active_offer_citizen_id)
);
create index allocation_place on place_allocation (municipality_id, place_id, status);
create index allocation_citizen on place_allocation (municipality_id, citizen_id);
create index allocation_expiry on place_allocation (status, kind, expires_at);

-- Messages inside Helhed to a unit: a new referral, an answer, a place that became free.
create table unit_notification (
    municipality_id uuid not null references municipality (id),
    id              uuid not null,
    unit_id         uuid not null,
    kind            varchar(30) not null,
    text            varchar(500) not null,
    link            varchar(300),
    created_at      timestamp with time zone not null,
    read_at         timestamp with time zone,
    primary key (municipality_id, id)
);
create index unit_notification_unit on unit_notification (municipality_id, unit_id, created_at);
