package dk.helhed.scale;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The console progress bar (per table: rows done of the total, rows per second, time left) and the closing table of
 * rows, seconds and rows per second per table.
 */
final class Progress implements AutoCloseable {

	private final PrintStream out;
	private final Map<String, Counter> counters = new LinkedHashMap<>();
	private final List<String[]> steps = new ArrayList<>();
	private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
		var thread = new Thread(runnable, "progress");
		thread.setDaemon(true);
		return thread;
	});
	private final long started = System.nanoTime();
	private volatile Counter current;

	Progress(PrintStream out, boolean live) {
		this.out = out;
		if (live) {
			ticker.scheduleAtFixedRate(this::draw, 1, 1, TimeUnit.SECONDS);
		}
	}

	synchronized Counter start(String table, long total) {
		var counter = new Counter(table, total);
		counters.put(table, counter);
		current = counter;
		return counter;
	}

	synchronized void finish(Counter counter) {
		counter.end = System.nanoTime();
		draw(counter, true);
	}

	/** A step that is not a table (an index built, a check): its name and seconds go into the closing table. */
	synchronized void step(String name, long nanos) {
		steps.add(new String[] { name, String.format(Locale.ROOT, "%.1f", nanos / 1e9) });
		out.printf(Locale.ROOT, "  %-42s %8.1f s%n", name, nanos / 1e9);
	}

	private synchronized void draw() {
		var counter = current;
		if (counter != null && counter.end == 0) {
			draw(counter, false);
		}
	}

	private void draw(Counter counter, boolean done) {
		long rows = counter.rows.get();
		double seconds = ((done ? counter.end : System.nanoTime()) - counter.begin) / 1e9;
		double rate = seconds > 0 ? rows / seconds : 0;
		double share = counter.total > 0 ? Math.min(1, rows / (double) counter.total) : 1;
		int filled = (int) Math.round(share * 30);
		String bar = "#".repeat(filled) + ".".repeat(30 - filled);
		String eta = done ? String.format(Locale.ROOT, "%6.1f s", seconds)
				: rate > 0 ? String.format(Locale.ROOT, "ETA %4.0f s", Math.max(0, (counter.total - rows) / rate)) : "ETA    ?";
		out.printf(Locale.ROOT, "%s%-26s [%s] %,12d / %,12d %,10.0f rows/s %s%s", done ? "\r" : "\r", counter.table, bar,
				rows, counter.total, rate, eta, done ? "\n" : "");
		out.flush();
	}

	/** The closing table. */
	synchronized void summary() {
		long total = 0;
		out.println();
		out.printf(Locale.ROOT, "%-30s %14s %10s %12s%n", "table", "rows", "seconds", "rows/s");
		for (var counter : counters.values()) {
			double seconds = (counter.end - counter.begin) / 1e9;
			total += counter.rows.get();
			out.printf(Locale.ROOT, "%-30s %,14d %10.1f %,12.0f%n", counter.table, counter.rows.get(), seconds,
					seconds > 0 ? counter.rows.get() / seconds : 0);
		}
		for (var step : steps) {
			out.printf(Locale.ROOT, "%-30s %14s %10s%n", step[0], "", step[1]);
		}
		double all = (System.nanoTime() - started) / 1e9;
		out.printf(Locale.ROOT, "%-30s %,14d %10.1f %,12.0f%n", "total", total, all, total / all);
	}

	Map<String, Long> rows() {
		var rows = new LinkedHashMap<String, Long>();
		counters.forEach((table, counter) -> rows.put(table, counter.rows.get()));
		return rows;
	}

	@Override
	public void close() {
		ticker.shutdownNow();
	}

	static final class Counter {

		final String table;
		final long total;
		final AtomicLong rows = new AtomicLong();
		final long begin = System.nanoTime();
		volatile long end;

		Counter(String table, long total) {
			this.table = table;
			this.total = total;
		}

		void add(long n) {
			rows.addAndGet(n);
		}
	}
}
