-- Referrals between units (or partner organisations) about a citizen, for a service, with a status aligned with
-- FHIR R4 Task.status, the categories the sender shares, and their whole history.

create table referral (
    municipality_id    uuid not null references municipality (id),
    id                 uuid not null,
    citizen_id         uuid not null,
    service_id         uuid not null,
    sender_unit_id     uuid,
    sender_partner_id  uuid,
    receiver_unit_id   uuid not null,
    question           varchar(2000) not null,
    wished_start       date,
    plan_action_id     uuid,
    status             varchar(20) not null,
    reason_code        varchar(40),
    outcome            varchar(2000),
    created_at         timestamp with time zone not null,
    created_by         uuid not null,
    first_answer_at    timestamp with time zone,
    outcome_at         timestamp with time zone,
    loop_closed_at     timestamp with time zone,
    version            integer not null,
    primary key (municipality_id, id),
    constraint referral_status check (status in ('REQUESTED', 'ACCEPTED', 'REJECTED', 'CANCELLED', 'IN_PROGRESS',
        'ON_HOLD', 'COMPLETED', 'FAILED')),
    constraint referral_sender check ((sender_unit_id is null) <> (sender_partner_id is null)),
    constraint referral_completed_outcome check (status <> 'COMPLETED' or outcome is not null),
    constraint referral_final_reason check (status not in ('REJECTED', 'CANCELLED', 'FAILED') or reason_code is not null)
);
create index referral_receiver on referral (municipality_id, receiver_unit_id, status, created_at);
create index referral_sender on referral (municipality_id, sender_unit_id, status, created_at);
create index referral_citizen on referral (municipality_id, citizen_id);

create table referral_shared_category (
    municipality_id uuid not null,
    referral_id     uuid not null,
    category        varchar(20) not null,
    primary key (municipality_id, referral_id, category),
    foreign key (municipality_id, referral_id) references referral (municipality_id, id) on delete cascade
);

create table referral_event (
    municipality_id uuid not null,
    id              uuid not null,
    referral_id     uuid not null,
    position        integer not null,
    move            varchar(20) not null,
    from_status     varchar(20),
    to_status       varchar(20) not null,
    actor           varchar(20) not null,
    staff_id        uuid,
    unit_id         uuid,
    reason_code     varchar(40),
    reason_version  integer,
    at              timestamp with time zone not null,
    primary key (municipality_id, id),
    constraint referral_event_position unique (municipality_id, referral_id, position),
    foreign key (municipality_id, referral_id) references referral (municipality_id, id) on delete cascade
);

insert into reason_code (list, code, version, valid_from, label, decided_by, consequence) values
    ('REFERRAL', 'NO_FREE_PLACE', 1, date '2026-01-01', 'Ingen ledig plads', 'PROVIDER', 'WAITING_LIST'),
    ('REFERRAL', 'CITIZEN_DECLINES', 1, date '2026-01-01', 'Borgeren ønsker ikke', 'CITIZEN', 'BACK_TO_SENDER'),
    ('REFERRAL', 'NOT_TARGET_GROUP', 1, date '2026-01-01', 'Ikke i målgruppen', 'PROVIDER', 'BACK_TO_SENDER'),
    ('REFERRAL', 'NOT_REACHED', 1, date '2026-01-01', 'Kunne ikke kontaktes efter 3 forsøg', 'PROVIDER', 'BACK_TO_SENDER'),
    ('REFERRAL', 'SENT_BY_MISTAKE', 1, date '2026-01-01', 'Sendt ved en fejl', 'PROVIDER', 'NONE'),
    ('REFERRAL', 'NEED_CHANGED', 1, date '2026-01-01', 'Borgerens behov har ændret sig', 'CITIZEN', 'BACK_TO_SENDER'),
    ('REFERRAL', 'CASE_CLOSED', 1, date '2026-01-01', 'Borgerens sag er lukket', 'SYSTEM', 'NONE'),
    ('REFERRAL', 'WAITING_FOR_CITIZEN', 1, date '2026-01-01', 'Venter på borgeren', 'CITIZEN', 'NONE'),
    ('REFERRAL', 'WAITING_FOR_PLACE', 1, date '2026-01-01', 'Venter på en ledig plads', 'PROVIDER', 'WAITING_LIST');
