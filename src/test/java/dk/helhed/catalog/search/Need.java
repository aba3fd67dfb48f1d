package dk.helhed.catalog.search;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

import tools.jackson.core.type.TypeReference;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * A need as a person would type it, and the services that are good answers to it, from
 * {@code src/test/resources/search/needs.yaml}.
 *
 * @param query what is typed into the search box
 * @param who who typically types it: borger, pårørende or medarbejder
 * @param expected the keys of the services that answer it, best first
 * @param below the keys of services (for professionals) that must not come before the first expected one; none
 *        when the file gives none
 */
record Need(String query, String who, List<String> expected, List<String> below) {

	Need {
		below = below == null ? List.of() : List.copyOf(below);
	}

	static List<Need> all() {
		try (InputStream in = Need.class.getResourceAsStream("/search/needs.yaml")) {
			if (in == null) {
				throw new IllegalStateException("search/needs.yaml is not on the test class path");
			}
			return new YAMLMapper().readValue(in, new TypeReference<List<Need>>() {
			});
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}
}
