-- A municipal unit involves a partner organisation in a citizen's case (issue 8: partner organisations do not join a
-- record by CPR number). The involvement keeps the unit's short reason (the unit that involved the partner is in
-- basis_ref), and the other parties of the case are told that a new party joined, or that its work ended. A notice
-- about a partner names the organisation in subject_id (about_unit_id is the unit that did it).

alter table involvement add column reason varchar(300);

alter table case_notice drop constraint case_notice_kind;
alter table case_notice add constraint case_notice_kind
    check (kind in ('CONSENT_WITHDRAWN', 'UNIT_JOINED', 'PARTNER_INVOLVED', 'PARTNER_ENDED'));
