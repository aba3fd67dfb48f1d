-- The data-protection officer searches the log by a staff member's user name, a page at a time, newest first
-- (JdbcAuditLog.page): the database finds the rows through this index instead of the application reading the
-- municipality's whole log. The id at the end orders rows of the same moment for keyset paging.
create index audit_event_actor_name on audit_event (municipality_id, actor_name, occurred_at, id);
create index audit_event_time_id on audit_event (municipality_id, occurred_at, id);
