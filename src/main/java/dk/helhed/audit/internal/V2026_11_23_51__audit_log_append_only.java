package dk.helhed.audit.internal;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.stereotype.Component;

/**
 * On PostgreSQL the audit log is append-only inside the database itself: a trigger refuses every UPDATE, DELETE and
 * TRUNCATE, except the deletion of rows past the retention period by {@code helhed_purge_audit}, which runs with the
 * owner's rights and never removes rows younger than six months, whatever it is asked. (H2, the embedded trial database, has no such
 * triggers without Java code in the database; the application never updates or deletes audit rows there either.)
 */
@Component
class V2026_11_23_51__audit_log_append_only extends BaseJavaMigration {

	@Override
	public void migrate(Context context) throws Exception {
		var connection = context.getConnection();
		if (!connection.getMetaData().getDatabaseProductName().toLowerCase().contains("postgresql")) {
			return;
		}
		try (var statement = connection.createStatement()) {
			statement.execute("""
					create or replace function helhed_audit_append_only() returns trigger
					language plpgsql as $$
					begin
					  if tg_op = 'DELETE' and current_setting('helhed.audit_purge', true) = 'on' then
					    return old;
					  end if;
					  raise exception 'The audit log cannot be changed or deleted (%)', tg_op using errcode = '42501';
					end $$""");
			statement.execute("""
					create trigger audit_event_append_only before update or delete on audit_event
					for each row execute function helhed_audit_append_only()""");
			statement.execute("""
					create trigger audit_event_no_truncate before truncate on audit_event
					for each statement execute function helhed_audit_append_only()""");
			statement.execute("""
					create or replace function helhed_purge_audit(target uuid, before timestamptz)
					returns integer language plpgsql security definer set search_path = public as $$
					declare
					  removed integer;
					  oldest_kept timestamptz := least(before, now() - interval '6 months');
					begin
					  perform set_config('helhed.audit_purge', 'on', true);
					  if target is null then
					    delete from audit_event where municipality_id is null and occurred_at < oldest_kept;
					  else
					    delete from audit_event where municipality_id = target and occurred_at < oldest_kept;
					  end if;
					  get diagnostics removed = row_count;
					  perform set_config('helhed.audit_purge', 'off', true);
					  return removed;
					end $$""");
			statement.execute("revoke all on function helhed_purge_audit(uuid, timestamptz) from public");
		}
	}
}
