package dk.helhed.municipality.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.stereotype.Component;

import dk.helhed.municipality.ContactPhones;
import dk.helhed.municipality.PhoneFact;
import dk.helhed.platform.SeedFiles;
import dk.helhed.platform.SeedFiles.InvalidSeedData;

/**
 * The municipalities' and units' telephone numbers from the seed folders' {@code municipality.yaml}, read once at
 * start. FACTS ONLY: a number without its public {@code source} and the day it was {@code checked}, or not written as
 * digits and spaces, stops the application (and the seed loader) with the problem named.
 */
@Component
class SeedContactPhones implements ContactPhones {

	private final Map<String, PhoneFact> municipalities = new HashMap<>();
	private final Map<String, PhoneFact> units = new HashMap<>();

	SeedContactPhones(SeedSettings settings, ResourcePatternResolver resources) {
		try {
			for (var file : resources.getResources(settings.location() + "/*/municipality.yaml")) {
				var seed = SeedFiles.read(file, MunicipalitySeed.class);
				if (seed.municipality() == null || seed.municipality().slug() == null) {
					continue; // the seed loader names that problem
				}
				var problems = problems(seed);
				if (!problems.isEmpty()) {
					throw new InvalidSeedData(file.getDescription() + ":\n - " + String.join("\n - ", problems));
				}
				var slug = seed.municipality().slug();
				if (seed.municipality().phone() != null) {
					municipalities.put(slug, seed.municipality().phone());
				}
				seed.units().stream().filter(unit -> unit.phone() != null)
					.forEach(unit -> units.put(slug + "/" + unit.key(), unit.phone()));
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	@Override
	public Optional<PhoneFact> ofMunicipality(String slug) {
		return Optional.ofNullable(municipalities.get(slug));
	}

	@Override
	public Optional<PhoneFact> ofUnit(String slug, String unitKey) {
		return Optional.ofNullable(units.get(slug + "/" + unitKey));
	}

	/** What is wrong with the seed's phone numbers: each needs digits and spaces, a public source and a date. */
	static List<String> problems(MunicipalitySeed seed) {
		var problems = new ArrayList<String>();
		if (seed.municipality() != null) {
			check("municipality.phone", seed.municipality().phone(), problems);
		}
		seed.units().forEach(unit -> check("enhed " + unit.key() + ": phone", unit.phone(), problems));
		return problems;
	}

	private static void check(String where, PhoneFact phone, List<String> problems) {
		if (phone == null) {
			return;
		}
		if (phone.number() == null || !phone.number().matches("\\+?[0-9][0-9 ]{1,18}[0-9]")) {
			problems.add(where + " skal være et telefonnummer med cifre og mellemrum");
		}
		if (phone.source() == null || !phone.source().startsWith("https://")) {
			problems.add(where + " mangler source (den offentlige side, der oplyser nummeret)");
		}
		if (phone.checked() == null) {
			problems.add(where + " mangler checked (dagen, siden blev læst)");
		}
	}
}
