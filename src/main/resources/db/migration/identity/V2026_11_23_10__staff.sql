-- Staff users of a municipality (or of one of its partner organisations), their roles and unit memberships.

create table staff_user (
    id              uuid primary key,
    municipality_id uuid not null references municipality (id),
    username        varchar(80)  not null unique,
    display_name    varchar(200) not null,
    email           varchar(200),
    partner_id      uuid references partner_organisation (id),
    password_hash   varchar(200),
    enabled         boolean not null,
    failed_logins   integer not null,
    locked_until    timestamp with time zone,
    last_login_at   timestamp with time zone,
    created_at      timestamp with time zone not null
);
create index staff_user_municipality on staff_user (municipality_id);

create table staff_role (
    user_id         uuid not null references staff_user (id) on delete cascade,
    municipality_id uuid not null references municipality (id),
    role            varchar(40) not null,
    primary key (user_id, role)
);

create table staff_unit (
    user_id         uuid not null references staff_user (id) on delete cascade,
    municipality_id uuid not null references municipality (id),
    unit_id         uuid not null references organisational_unit (id),
    primary key (user_id, unit_id)
);
