package dk.helhed.scale;

import java.util.Locale;

/**
 * How much a synthetic Denmark holds. The counts of {@code national} are issue 14's; {@code municipality} is one
 * municipality (Aabenraa) with 1/98 of each; {@code tiny} is two municipalities with a few hundred rows, for a test.
 * A factor multiplies every count except the number of municipalities.
 *
 * <p>The shared plan is one per citizen ({@code shared_plan_citizen} is unique), so "300,000 plans" are 300,000 plan
 * versions ({@code shared_plan_version}) of 120,000 plans.
 */
record Scale(String name, int municipalities, int services, int staff, int citizens, long notes, long audit,
		int plans, int planVersions, int referrals) {

	static Scale of(String name, double factor) {
		var base = switch (name.toLowerCase(Locale.ROOT)) {
			case "national" -> new Scale("national", 98, 8_000, 20_000, 150_000, 3_000_000, 15_000_000, 120_000, 300_000,
					450_000);
			case "municipality" -> new Scale("municipality", 1, 82, 204, 1_531, 30_612, 153_061, 1_224, 3_061, 4_592);
			case "tiny" -> new Scale("tiny", 2, 24, 16, 40, 200, 400, 24, 60, 60);
			default -> throw new IllegalArgumentException("Ukendt størrelse (scale): " + name
					+ ". Vælg tiny, municipality eller national.");
		};
		if (factor <= 0) {
			throw new IllegalArgumentException("--factor skal være større end 0");
		}
		if (factor == 1) {
			return base;
		}
		return new Scale(base.name + "×" + factor, base.municipalities, scaled(base.services, factor, base.municipalities),
				scaled(base.staff, factor, 8 * base.municipalities), scaled(base.citizens, factor, 10 * base.municipalities),
				Math.round(base.notes * factor), Math.round(base.audit * factor), scaled(base.plans, factor, 1),
				scaled(base.planVersions, factor, 1), scaled(base.referrals, factor, 1));
	}

	private static int scaled(int count, double factor, int minimum) {
		return (int) Math.max(minimum, Math.round(count * factor));
	}

	/** The part of {@code total} that item {@code index} of {@code count} gets, so that the parts add up exactly. */
	static long share(long total, int index, int count) {
		return total * (index + 1) / count - total * index / count;
	}
}
