package dk.helhed.plan.web;

import java.util.ArrayList;
import java.util.List;

import dk.helhed.plan.internal.Assessments.Trend;

/**
 * The trend as an SVG line chart drawn by the template: one line per rated sub-theme, the assessments along the x
 * axis and the level (0 = ingen, 4 = fuldstændig nedsat funktionsevne) down the y axis. The same figures stand in the
 * table beside it, which is what screen readers and people who cannot tell the lines apart read.
 */
public record TrendChart(int width, int height, List<Tick> xTicks, List<Tick> yTicks, List<Line> lines) {

	static final int LEFT = 150;
	static final int TOP = 20;
	static final int PLOT_WIDTH = 460;
	static final int PLOT_HEIGHT = 200;
	static final String[] Y_LABELS = { "0 Ingen", "1 Let", "2 Moderat", "3 Svært", "4 Fuldstændig" };
	/** Colours with at least 3:1 contrast on white; lines are told apart by their marker and end label too. */
	static final String[] COLOURS = { "#1b5e9c", "#a4262c", "#2e7d32", "#6a1b9a", "#8a4b00", "#00626f", "#444444" };
	static final String[] MARKERS = { "circle", "square", "diamond" };

	public record Tick(int x, int y, String label) {
	}

	public record Point(int x, int y, String label) {

		/** The corners of a diamond marker around the point. */
		public String diamond() {
			return x + "," + (y - 6) + " " + (x + 6) + "," + y + " " + x + "," + (y + 6) + " " + (x - 6) + "," + y;
		}
	}

	public record Line(String name, String colour, String marker, String points, List<Point> dots, Point end) {
	}

	static TrendChart of(Trend trend) {
		int count = trend.assessments().size();
		List<Tick> xTicks = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			xTicks.add(new Tick(x(i, count), TOP + PLOT_HEIGHT + 18,
					PlanLabels.DANISH.shortDate(trend.assessments().get(i).assessedOn())));
		}
		List<Tick> yTicks = new ArrayList<>();
		for (int score = 0; score <= 4; score++) {
			yTicks.add(new Tick(LEFT - 8, y(score), Y_LABELS[score]));
		}
		List<Line> lines = new ArrayList<>();
		int index = 0;
		for (var row : trend.rows()) {
			List<Point> dots = new ArrayList<>();
			var points = new StringBuilder();
			for (int i = 0; i < row.levels().size(); i++) {
				var level = row.levels().get(i);
				if (level == null || level.score() == null) {
					continue;
				}
				var point = new Point(x(i, count), y(level.score()), row.theme().name() + ", "
						+ PlanLabels.DANISH.shortDate(trend.assessments().get(i).assessedOn()) + ": " + level.name());
				dots.add(point);
				points.append(point.x()).append(',').append(point.y()).append(' ');
			}
			if (!dots.isEmpty()) {
				var last = dots.getLast();
				lines.add(new Line(row.theme().name(), COLOURS[index % COLOURS.length], MARKERS[index % MARKERS.length],
						points.toString().strip(), dots, new Point(last.x() + 8, last.y() + 4, row.theme().name())));
				index++;
			}
		}
		return new TrendChart(LEFT + PLOT_WIDTH + 200, TOP + PLOT_HEIGHT + 40, xTicks, yTicks, lines);
	}

	private static int x(int index, int count) {
		return count <= 1 ? LEFT + PLOT_WIDTH / 2 : LEFT + index * PLOT_WIDTH / (count - 1);
	}

	private static int y(int score) {
		return TOP + score * PLOT_HEIGHT / 4;
	}
}
