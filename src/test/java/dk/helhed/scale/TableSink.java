package dk.helhed.scale;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Where the rows of one table go: PostgreSQL {@code COPY ... FROM STDIN} (text format, streamed in 256 KiB chunks)
 * or, on H2, batched inserts. Nothing is held beyond one chunk or one batch.
 */
abstract class TableSink implements AutoCloseable {

	final String table;
	final List<String> columns;
	final Progress.Counter counter;

	TableSink(String table, List<String> columns, Progress.Counter counter) {
		this.table = table;
		this.columns = columns;
		this.counter = counter;
	}

	abstract void row(Object... values);

	@Override
	public abstract void close();

	static TableSink open(Connection connection, boolean postgres, String table, List<String> columns,
			Progress.Counter counter) {
		try {
			return postgres ? new Copy(connection, table, columns, counter) : new Batch(connection, table, columns, counter);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not start loading " + table, ex);
		}
	}

	static final class Copy extends TableSink {

		private static final int CHUNK = 256 * 1024;

		private final CopyIn copy;
		private final StringBuilder text = new StringBuilder(CHUNK + 16 * 1024);

		Copy(Connection connection, String table, List<String> columns, Progress.Counter counter) throws SQLException {
			super(table, columns, counter);
			this.copy = connection.unwrap(PGConnection.class)
				.getCopyAPI()
				.copyIn("copy " + table + " (" + String.join(", ", columns) + ") from stdin");
		}

		@Override
		void row(Object... values) {
			if (values.length != columns.size()) {
				throw new IllegalArgumentException(table + ": " + values.length + " values for " + columns.size() + " columns");
			}
			for (int i = 0; i < values.length; i++) {
				if (i > 0) {
					text.append('\t');
				}
				append(values[i]);
			}
			text.append('\n');
			counter.add(1);
			if (text.length() >= CHUNK) {
				flush();
			}
		}

		private void append(Object value) {
			switch (value) {
				case null -> text.append("\\N");
				case Boolean b -> text.append(b ? 't' : 'f');
				case Instant instant -> text.append(instant);
				case OffsetDateTime time -> text.append(time);
				case String s -> escape(s);
				default -> text.append(value);
			}
		}

		private void escape(String s) {
			for (int i = 0; i < s.length(); i++) {
				char c = s.charAt(i);
				switch (c) {
					case '\\' -> text.append("\\\\");
					case '\t' -> text.append("\\t");
					case '\n' -> text.append("\\n");
					case '\r' -> text.append("\\r");
					default -> text.append(c);
				}
			}
		}

		private void flush() {
			try {
				var bytes = text.toString().getBytes(StandardCharsets.UTF_8);
				copy.writeToCopy(bytes, 0, bytes.length);
				text.setLength(0);
			}
			catch (SQLException ex) {
				throw new IllegalStateException("COPY into " + table + " failed", ex);
			}
		}

		@Override
		public void close() {
			flush();
			try {
				copy.endCopy();
			}
			catch (SQLException ex) {
				throw new IllegalStateException("COPY into " + table + " failed", ex);
			}
		}
	}

	static final class Batch extends TableSink {

		private static final int SIZE = 500;

		private final PreparedStatement insert;
		private int pending;

		Batch(Connection connection, String table, List<String> columns, Progress.Counter counter) throws SQLException {
			super(table, columns, counter);
			this.insert = connection.prepareStatement("insert into " + table + " (" + String.join(", ", columns)
					+ ") values (" + String.join(", ", columns.stream().map(c -> "?").toList()) + ")");
		}

		@Override
		void row(Object... values) {
			try {
				for (int i = 0; i < values.length; i++) {
					insert.setObject(i + 1, switch (values[i]) {
						case Instant instant -> instant.atOffset(ZoneOffset.UTC);
						case null -> null;
						default -> values[i];
					});
				}
				insert.addBatch();
				counter.add(1);
				if (++pending == SIZE) {
					insert.executeBatch();
					pending = 0;
				}
			}
			catch (SQLException ex) {
				throw new IllegalStateException("Insert into " + table + " failed", ex);
			}
		}

		@Override
		public void close() {
			try {
				if (pending > 0) {
					insert.executeBatch();
				}
				insert.close();
			}
			catch (SQLException ex) {
				throw new IllegalStateException("Insert into " + table + " failed", ex);
			}
		}
	}
}
