-- A staff account (with its roles and units) is saved as one aggregate through Spring Data JDBC. Its version keeps two
-- administrators who change one account at the same time from overwriting each other unseen. The login counters
-- (failed logins, lock, last login) are updated by the login alone, in single atomic statements, and never written
-- by the aggregate, so a new account's count starts from the column's default.
alter table staff_user add column version integer default 0 not null;
alter table staff_user alter column failed_logins set default 0;
