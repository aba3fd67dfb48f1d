-- Failed logins per client address (a keyed hash of it, never the address), for throttling with growing delays
-- (security.md item 14a). Not a municipality's data: an address is nobody's tenant, so this is a reference table.

create table login_throttle (
    address_hash    varchar(64) primary key,
    failures        integer not null,
    next_allowed_at timestamp with time zone,
    last_failure_at timestamp with time zone
);
