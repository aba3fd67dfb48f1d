-- Separation of duties (security.md item 5a): criminal-matters access, the data-protection-officer role and the
-- case-work roles are granted only when a second administrator approves the first one's request.

alter table staff_user add constraint staff_user_tenant unique (municipality_id, id);

create table staff_role_request (
    municipality_id uuid not null references municipality (id),
    id              uuid not null,
    account_id      uuid not null,
    role            varchar(40) not null,
    requested_by    uuid not null,
    requested_at    timestamp with time zone not null,
    decided_by      uuid,
    decided_at      timestamp with time zone,
    approved        boolean,
    primary key (municipality_id, id),
    constraint staff_role_request_account foreign key (municipality_id, account_id)
        references staff_user (municipality_id, id),
    constraint staff_role_request_requester foreign key (municipality_id, requested_by)
        references staff_user (municipality_id, id),
    constraint staff_role_request_decider foreign key (municipality_id, decided_by)
        references staff_user (municipality_id, id),
    constraint staff_role_request_not_own check (decided_by is null or decided_by <> requested_by)
);
create index staff_role_request_account_idx on staff_role_request (municipality_id, account_id);
