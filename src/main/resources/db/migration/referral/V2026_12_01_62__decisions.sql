-- Assessment decisions (afgørelser) with their legal basis, reasons and complaint guidance (klagevejledning).
-- Legal references are dated data: when the law changes, a new version is added with its valid-from date.

create table legal_reference (
    code            varchar(30) not null,
    version         integer not null,
    valid_from      date not null,
    valid_to        date,
    law             varchar(200) not null,
    paragraph       varchar(60) not null,
    plain_title     varchar(300) not null,
    complaint_body  varchar(200) not null,
    complaint_weeks integer not null,
    primary key (code, version),
    constraint legal_reference_weeks check (complaint_weeks > 0)
);
insert into legal_reference (code, version, valid_from, law, paragraph, plain_title, complaint_body, complaint_weeks) values
    ('SEL-85', 1, date '2025-09-22', 'Lov om social service, jf. lovbekendtgørelse nr. 1129 af 22. september 2025', '§ 85', 'Hjælp og støtte i dit hjem (socialpædagogisk støtte)', 'Ankestyrelsen', 4),
    ('SEL-85A', 1, date '2025-09-22', 'Lov om social service, jf. lovbekendtgørelse nr. 1129 af 22. september 2025', '§ 85 a', 'Støtte efter Housing First, når du har været hjemløs', 'Ankestyrelsen', 4),
    ('SEL-101', 1, date '2025-09-22', 'Lov om social service, jf. lovbekendtgørelse nr. 1129 af 22. september 2025', '§ 101', 'Behandling for misbrug af stoffer', 'Ankestyrelsen', 4),
    ('SEL-107', 1, date '2025-09-22', 'Lov om social service, jf. lovbekendtgørelse nr. 1129 af 22. september 2025', '§ 107', 'Et midlertidigt sted at bo med støtte', 'Ankestyrelsen', 4),
    ('SEL-108', 1, date '2025-09-22', 'Lov om social service, jf. lovbekendtgørelse nr. 1129 af 22. september 2025', '§ 108', 'Et længerevarende sted at bo med støtte', 'Ankestyrelsen', 4),
    ('SEL-110', 1, date '2025-09-22', 'Lov om social service, jf. lovbekendtgørelse nr. 1129 af 22. september 2025', '§ 110', 'Et midlertidigt ophold på et forsorgshjem eller herberg', 'Ankestyrelsen', 4);

create table decision (
    municipality_id   uuid not null references municipality (id),
    id                uuid not null,
    citizen_id        uuid not null,
    service_id        uuid not null,
    referral_id       uuid,
    outcome           varchar(20) not null,
    legal_code        varchar(30) not null,
    legal_version     integer not null,
    granted           varchar(1000),
    reasons           varchar(4000) not null,
    complaint_deadline date,
    deciding_unit_id  uuid not null,
    decided_on        date not null,
    decided_at        timestamp with time zone not null,
    decided_by        uuid not null,
    primary key (municipality_id, id),
    foreign key (legal_code, legal_version) references legal_reference (code, version),
    foreign key (municipality_id, referral_id) references referral (municipality_id, id),
    constraint decision_outcome check (outcome in ('GRANTED', 'PARTLY_GRANTED', 'REFUSED')),
    constraint decision_complaint check (outcome = 'GRANTED' or complaint_deadline is not null),
    constraint decision_granted check (outcome = 'REFUSED' or granted is not null)
);
create index decision_citizen on decision (municipality_id, citizen_id);
