-- Participation: the municipality's dialogue forum and user councils, their meetings, and citizens' proposals.
-- Every table holds one municipality's data: municipality_id is part of each primary key, unique constraint and
-- foreign key between these tables (and of the keys by which they name focus areas, units and services), so that
-- the tables can be distributed by municipality.

create table participation_body (
    municipality_id   uuid not null references municipality (id),
    id                uuid not null,
    body_key          varchar(80)   not null,
    kind              varchar(30)   not null,
    name              varchar(200)  not null,
    purpose           varchar(4000) not null,
    meetings_note     varchar(1000),
    owning_unit_key   varchar(80),
    contact_role      varchar(200),
    contact_name      varchar(200),
    url               varchar(500),
    accepts_proposals boolean not null,
    position          integer not null,
    primary key (municipality_id, id),
    constraint participation_body_key unique (municipality_id, body_key),
    constraint participation_body_unit foreign key (municipality_id, owning_unit_key)
        references organisational_unit (municipality_id, unit_key),
    constraint participation_body_kind check (kind in ('DIALOGUE_FORUM', 'CONTACT_COUNCIL', 'USER_COUNCIL', 'LOCAL_COUNCIL'))
);

-- Members by role; a member's name is shown only when the member has agreed to it.
create table participation_member (
    municipality_id uuid not null,
    body_id         uuid not null,
    position        integer not null,
    role            varchar(30)  not null,
    represents      varchar(200) not null,
    name            varchar(200),
    name_public     boolean not null,
    primary key (municipality_id, body_id, position),
    foreign key (municipality_id, body_id) references participation_body (municipality_id, id),
    constraint participation_member_role check (role in ('CITIZEN_REPRESENTATIVE', 'VOLUNTEER_ORGANISATION', 'POLITICIAN', 'STAFF', 'RELATIVE'))
);

create table participation_body_focus_area (
    municipality_id uuid not null,
    body_id         uuid not null,
    area_key        varchar(80) not null,
    primary key (municipality_id, body_id, area_key),
    foreign key (municipality_id, body_id) references participation_body (municipality_id, id),
    foreign key (municipality_id, area_key) references focus_area (municipality_id, area_key)
);

-- The services a body concerns, by the catalog's key (the catalog may be loaded after the bodies).
create table participation_body_service (
    municipality_id uuid not null,
    body_id         uuid not null,
    service_key     varchar(80) not null,
    primary key (municipality_id, body_id, service_key),
    foreign key (municipality_id, body_id) references participation_body (municipality_id, id)
);

create table participation_meeting (
    municipality_id      uuid not null,
    id                   uuid not null,
    body_id              uuid not null,
    title                varchar(200) not null,
    starts_at            timestamp with time zone not null,
    ends_at              timestamp with time zone not null,
    mode                 varchar(20)  not null,
    place                varchar(300),
    online_url           varchar(500),
    registration_open    boolean not null,
    slots                integer,
    minutes              varchar(8000),
    attendee_count       integer,
    minutes_published_at timestamp with time zone,
    created_by           uuid not null,
    created_at           timestamp with time zone not null,
    primary key (municipality_id, id),
    foreign key (municipality_id, body_id) references participation_body (municipality_id, id),
    constraint participation_meeting_mode check (mode in ('IN_PERSON', 'ONLINE', 'HYBRID')),
    constraint participation_meeting_time check (ends_at > starts_at),
    constraint participation_meeting_slots check (slots is null or slots > 0),
    constraint participation_meeting_attendees check (attendee_count is null or attendee_count >= 0)
);
create index participation_meeting_body on participation_meeting (municipality_id, body_id, starts_at);

-- Proposal states as data per municipality (after Decidim's ProposalState): a name and a plain-language
-- explanation in Danish and English that the sender and the public read with the answer.
create table participation_state (
    municipality_id uuid not null references municipality (id),
    state_key       varchar(40)   not null,
    position        integer not null,
    name_da         varchar(100)  not null,
    name_en         varchar(100)  not null,
    explanation_da  varchar(1000) not null,
    explanation_en  varchar(1000) not null,
    closed          boolean not null,
    valid_from      date not null,
    primary key (municipality_id, state_key)
);

create table participation_proposal (
    municipality_id     uuid not null,
    id                  uuid not null,
    number              integer not null,
    receipt_hash        varchar(64)  not null,
    body_id             uuid not null,
    kind                varchar(20)  not null,
    title               varchar(150) not null,
    text                varchar(4000) not null,
    area_key            varchar(80),
    service_key         varchar(80),
    submitted_at        timestamp with time zone not null,
    entered_by          uuid,
    entered_note        varchar(300),
    state_key           varchar(40)  not null,
    answer              varchar(4000),
    answered_at         timestamp with time zone,
    answered_by         uuid,
    published_state_key varchar(40)  not null,
    published_answer    varchar(4000),
    answer_published_at timestamp with time zone,
    meeting_id          uuid,
    held_reason         varchar(20),
    hidden_at           timestamp with time zone,
    hidden_reason       varchar(1000),
    hidden_automatically boolean not null,
    report_count        integer not null,
    withdrawn_at        timestamp with time zone,
    version             integer not null,
    primary key (municipality_id, id),
    constraint participation_proposal_number unique (municipality_id, number),
    constraint participation_proposal_receipt unique (municipality_id, receipt_hash),
    foreign key (municipality_id, body_id) references participation_body (municipality_id, id),
    foreign key (municipality_id, state_key) references participation_state (municipality_id, state_key),
    foreign key (municipality_id, published_state_key) references participation_state (municipality_id, state_key),
    foreign key (municipality_id, meeting_id) references participation_meeting (municipality_id, id),
    foreign key (municipality_id, area_key) references focus_area (municipality_id, area_key),
    constraint participation_proposal_kind check (kind in ('PROPOSAL', 'EXPERIENCE')),
    constraint participation_proposal_held check (held_reason is null or held_reason in ('CPR_NUMBER', 'PHONE_NUMBER', 'EMAIL_ADDRESS'))
);
create index participation_proposal_body on participation_proposal (municipality_id, body_id, submitted_at);

create table participation_agenda_item (
    municipality_id uuid not null,
    meeting_id      uuid not null,
    position        integer not null,
    title           varchar(200)  not null,
    description     varchar(2000),
    proposal_id     uuid,
    decision        varchar(2000),
    primary key (municipality_id, meeting_id, position),
    foreign key (municipality_id, meeting_id) references participation_meeting (municipality_id, id),
    foreign key (municipality_id, proposal_id) references participation_proposal (municipality_id, id)
);

-- One report per visitor and proposal: the visitor is kept only as a keyed hash of their address.
create table participation_report (
    municipality_id uuid not null,
    proposal_id     uuid not null,
    reporter_hash   varchar(64) not null,
    reason          varchar(500),
    reported_at     timestamp with time zone not null,
    ignored_at      timestamp with time zone,
    primary key (municipality_id, proposal_id, reporter_hash),
    foreign key (municipality_id, proposal_id) references participation_proposal (municipality_id, id)
);

-- Every moderation action, by whom (null: by the rules, e.g. the report threshold) and why.
create table participation_moderation (
    municipality_id uuid not null,
    id              uuid not null,
    proposal_id     uuid not null,
    action          varchar(30) not null,
    reason          varchar(1000),
    staff_id        uuid,
    acted_at        timestamp with time zone not null,
    primary key (municipality_id, id),
    foreign key (municipality_id, proposal_id) references participation_proposal (municipality_id, id),
    constraint participation_moderation_action check (action in ('HELD', 'AUTO_HIDDEN', 'HIDDEN', 'RESTORED', 'REPORTS_IGNORED', 'RELEASED'))
);
create index participation_moderation_proposal on participation_moderation (municipality_id, proposal_id, acted_at);

-- Registrations for a meeting: a first name or nickname only, and only if the visitor wants to give one.
create table participation_registration (
    municipality_id uuid not null,
    meeting_id      uuid not null,
    id              uuid not null,
    name            varchar(100),
    people          integer not null,
    registered_at   timestamp with time zone not null,
    primary key (municipality_id, meeting_id, id),
    foreign key (municipality_id, meeting_id) references participation_meeting (municipality_id, id),
    constraint participation_registration_people check (people between 1 and 5)
);

-- Anonymous submissions per client (a keyed hash of the address) for rate limiting; rows older than a day go.
create table participation_submission (
    municipality_id uuid not null references municipality (id),
    client_hash     varchar(64) not null,
    id              uuid not null,
    submitted_at    timestamp with time zone not null,
    primary key (municipality_id, client_hash, id)
);
create index participation_submission_time on participation_submission (submitted_at);
