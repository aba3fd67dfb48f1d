-- Some services keep no records of the people they help (a relatives' counsellor who takes no minutes): Helhed must
-- then refuse notes about a person written as part of them (security.md item 13).
alter table service add column keeps_no_records boolean default false not null;
