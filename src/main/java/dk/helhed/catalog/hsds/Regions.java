package dk.helhed.catalog.hsds;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import dk.helhed.municipality.Municipality;

/**
 * The Danish region each of the 98 municipalities lies in: an HSDS address requires a {@code state_province}, and the
 * region is Denmark's nearest equivalent. A municipality not found here gets no address rather than a guessed one.
 * <p>
 * The health reform merges Region Hovedstaden and Region Sjælland into Region Østdanmark on 1 January 2027, so the
 * answer depends on the date.
 */
final class Regions {

	static final LocalDate EAST_DENMARK_FROM = LocalDate.of(2027, 1, 1);
	private static final String EAST_DENMARK = "Region Østdanmark";

	private static final Map<String, List<String>> MUNICIPALITIES = Map.of(
			"Region Nordjylland", List.of("Brønderslev", "Frederikshavn", "Hjørring", "Jammerbugt", "Læsø",
					"Mariagerfjord", "Morsø", "Rebild", "Thisted", "Vesthimmerland", "Aalborg"),
			"Region Midtjylland", List.of("Favrskov", "Hedensted", "Herning", "Holstebro", "Horsens", "Ikast-Brande",
					"Lemvig", "Norddjurs", "Odder", "Randers", "Ringkøbing-Skjern", "Samsø", "Silkeborg",
					"Skanderborg", "Skive", "Struer", "Syddjurs", "Viborg", "Aarhus"),
			"Region Syddanmark", List.of("Assens", "Billund", "Esbjerg", "Fanø", "Fredericia", "Faaborg-Midtfyn",
					"Haderslev", "Kerteminde", "Kolding", "Langeland", "Middelfart", "Nordfyn", "Nyborg", "Odense",
					"Svendborg", "Sønderborg", "Tønder", "Varde", "Vejen", "Vejle", "Ærø", "Aabenraa"),
			"Region Sjælland", List.of("Faxe", "Greve", "Guldborgsund", "Holbæk", "Kalundborg", "Køge", "Lejre",
					"Lolland", "Næstved", "Odsherred", "Ringsted", "Roskilde", "Slagelse", "Solrød", "Sorø", "Stevns",
					"Vordingborg"),
			"Region Hovedstaden", List.of("Albertslund", "Allerød", "Ballerup", "Bornholm", "Brøndby", "Dragør",
					"Egedal", "Fredensborg", "Frederiksberg", "Frederikssund", "Furesø", "Gentofte", "Gladsaxe",
					"Glostrup", "Gribskov", "Halsnæs", "Helsingør", "Herlev", "Hillerød", "Hvidovre", "Høje-Taastrup",
					"Hørsholm", "Ishøj", "København", "Lyngby-Taarbæk", "Rudersdal", "Rødovre", "Tårnby",
					"Vallensbæk"));

	private static final Map<String, String> BY_NAME = byName();

	private Regions() {
	}

	static int municipalityCount() {
		return BY_NAME.size();
	}

	/** The region of the municipality on the given day, found by its slug, short name or name. */
	static Optional<String> of(Municipality municipality, LocalDate day) {
		return Stream.of(municipality.slug(), municipality.shortName(), municipality.name())
			.filter(java.util.Objects::nonNull)
			.map(Regions::normalised)
			.flatMap(name -> Stream.of(name, name.replaceFirst("-(regions)?kommune$", ""),
					name.replaceFirst("s-(regions)?kommune$", "")))
			.map(BY_NAME::get)
			.filter(java.util.Objects::nonNull)
			.findFirst()
			.map(region -> day.isBefore(EAST_DENMARK_FROM) || !mergedIntoEastDenmark(region) ? region
					: EAST_DENMARK);
	}

	private static boolean mergedIntoEastDenmark(String region) {
		return region.equals("Region Hovedstaden") || region.equals("Region Sjælland");
	}

	/** The form slugs are written in: "Høje-Taastrup" and "hoeje-taastrup" both become "hoeje-taastrup". */
	static String normalised(String name) {
		return name.strip()
			.toLowerCase(Locale.ROOT)
			.replace("æ", "ae")
			.replace("ø", "oe")
			.replace("å", "aa")
			.replaceAll("[^a-z0-9]+", "-");
	}

	private static Map<String, String> byName() {
		Map<String, String> byName = new HashMap<>();
		MUNICIPALITIES.forEach((region, names) -> names.forEach(name -> byName.put(normalised(name), region)));
		return Map.copyOf(byName);
	}
}
