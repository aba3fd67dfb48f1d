-- Closing the holes an attacker found in case work (security.md items 3a and 4).
--
-- A consent shows a recipient what another unit holds only when that holding unit recorded or confirmed it, or a
-- team lead recorded it with a reference to the signed consent; a legal basis, recorded by a lead, covers what the
-- lead's unit holds. So a consent remembers
-- the party it was recorded for, the lead's reference, and the holding parties that confirmed it; a withdrawal keeps
-- the citizen's own words. Closing is per unit: a lead may close the whole record, with a reason. Every emergency
-- access names the lead who must review it.

alter table consent add column recorded_unit_id uuid references organisational_unit (id);
alter table consent add column recorded_partner_id uuid references partner_organisation (id);
alter table consent add column signed_reference varchar(100);
alter table consent add column withdrawal_words varchar(500);
alter table consent add constraint consent_tenant unique (municipality_id, id);

-- Consents recorded before this change: the party is the recorder's first unit (or organisation).
update consent set recorded_partner_id = (select s.partner_id from staff_user s where s.id = consent.recorded_by);
update consent set recorded_unit_id = (select su.unit_id from staff_unit su where su.user_id = consent.recorded_by
                                       order by su.unit_id limit 1)
where recorded_partner_id is null;

alter table legal_basis add column recorded_unit_id uuid references organisational_unit (id);
update legal_basis set recorded_unit_id = (select su.unit_id from staff_unit su
                                           where su.user_id = legal_basis.recorded_by order by su.unit_id limit 1);

-- A holding party's confirmation that what it holds may be shared under a consent.
create table consent_confirmation (
    municipality_id uuid not null references municipality (id),
    id              uuid not null,
    consent_id      uuid not null,
    unit_id         uuid references organisational_unit (id),
    partner_id      uuid references partner_organisation (id),
    confirmed_by    uuid not null references staff_user (id),
    confirmed_at    timestamp with time zone not null,
    primary key (municipality_id, id),
    constraint consent_confirmation_consent foreign key (municipality_id, consent_id)
        references consent (municipality_id, id),
    constraint consent_confirmation_party check ((unit_id is null) <> (partner_id is null))
);
create index consent_confirmation_consent_idx on consent_confirmation (municipality_id, consent_id);

alter table citizen add column closed_reason varchar(300);
alter table citizen add constraint citizen_tenant unique (municipality_id, id);

-- What a unit must be told about a citizen it worked with: a consent that concerned it was withdrawn, another unit
-- joined the record by CPR number. Only codes and ids: the words stay on the consent.
create table case_notice (
    municipality_id uuid not null references municipality (id),
    id              uuid not null,
    citizen_id      uuid not null,
    unit_id         uuid references organisational_unit (id),
    partner_id      uuid references partner_organisation (id),
    kind            varchar(30) not null,
    subject_id      uuid,
    about_unit_id   uuid references organisational_unit (id),
    created_at      timestamp with time zone not null,
    primary key (municipality_id, id),
    constraint case_notice_citizen foreign key (municipality_id, citizen_id) references citizen (municipality_id, id),
    constraint case_notice_party check ((unit_id is null) <> (partner_id is null)),
    constraint case_notice_kind check (kind in ('CONSENT_WITHDRAWN', 'UNIT_JOINED'))
);
create index case_notice_party_idx on case_notice (municipality_id, unit_id, partner_id, created_at);

alter table emergency_access add column reviewer_id uuid references staff_user (id);
