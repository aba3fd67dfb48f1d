-- Published editions of a municipality's catalog: numbered, dated and frozen. The content column holds everything
-- the printed catalog shows (the active services with the names of the units, partners and focus areas they refer to,
-- the focus areas in order, the partner organisations, title and edition) as one JSON document, so that an edition
-- reads the same however the services change later. Rows are only ever inserted, never updated.

create table catalog_edition (
    id               uuid primary key,
    municipality_id  uuid not null references municipality (id),
    edition_number   integer not null,
    label            varchar(60) not null,
    published        date not null,
    -- SEED: the edition the municipality's data file describes, stored when the data file was loaded;
    -- PUBLISHED: published in Helhed by a catalog editor.
    origin           varchar(20) not null,
    recorded_at      timestamp with time zone not null,
    recorded_by      uuid references staff_user (id),
    recorded_by_name varchar(200),
    note             varchar(1000),
    service_count    integer not null,
    content          text not null,
    constraint catalog_edition_number unique (municipality_id, edition_number),
    constraint catalog_edition_number_positive check (edition_number > 0)
);
