-- What administrators have done to staff accounts: who, when, which account and what. For roles, units and the partner
-- organisation the new value is kept; for the name and e-mail address only that they changed. Passwords never appear,
-- only that one was set.

create table staff_account_change (
    id              uuid primary key,
    municipality_id uuid not null references municipality (id),
    account_id      uuid not null references staff_user (id),
    changed_by      uuid not null references staff_user (id),
    changed_by_name varchar(200) not null,
    changed_at      timestamp with time zone not null,
    action          varchar(20) not null
);
create index staff_account_change_account on staff_account_change (account_id, changed_at);

create table staff_account_change_field (
    change_id uuid not null references staff_account_change (id) on delete cascade,
    position  integer not null,
    field     varchar(40) not null,
    new_value varchar(4000),
    primary key (change_id, position)
);
