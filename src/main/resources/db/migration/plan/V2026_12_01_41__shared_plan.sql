-- The one shared plan (handleplan, SEL § 141) per citizen, across units. Every change makes a new version: the whole
-- plan as it then stood (JSON), what kind of change it was, who made it and when. Earlier versions are never changed.

create table shared_plan (
    municipality_id uuid not null references municipality (id),
    id              uuid not null,
    citizen_id      uuid not null,
    current_version integer not null,
    next_follow_up  date,
    created_at      timestamp with time zone not null,
    primary key (municipality_id, id),
    constraint shared_plan_citizen unique (municipality_id, citizen_id)
);

create table shared_plan_version (
    municipality_id uuid not null,
    plan_id         uuid not null,
    number          integer not null,
    content         varchar(1000000) not null,
    change_kind     varchar(20) not null,
    change_item     uuid,
    changed_by      uuid not null references staff_user (id),
    unit_id         uuid references organisational_unit (id),
    partner_id      uuid references partner_organisation (id),
    changed_at      timestamp with time zone not null,
    primary key (municipality_id, plan_id, number),
    foreign key (municipality_id, plan_id) references shared_plan (municipality_id, id),
    constraint shared_plan_change check (change_kind in ('BASICS', 'GOAL', 'ACTION', 'FOLLOW_UP', 'READY'))
);
