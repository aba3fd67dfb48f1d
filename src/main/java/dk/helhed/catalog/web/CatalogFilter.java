package dk.helhed.catalog.web;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import dk.helhed.catalog.AccessMode;
import dk.helhed.catalog.Service;
import dk.helhed.catalog.internal.CatalogSnapshot;
import dk.helhed.catalog.internal.search.SearchText;
import dk.helhed.municipality.Strategy.FocusArea;

/**
 * The search and filters of the public catalog page, parsed leniently from the query string: a value that makes no
 * sense is not used and gives a message (a message key), never an error page.
 *
 * @param text what to search for
 * @param focusArea only services in this focus area (primary or not)
 * @param access only services with one of these access modes
 * @param accessKey the access filter as given in the URL (to re-select it in the form)
 * @param anonymous only services where the citizen can stay anonymous
 * @param age only services whose age range includes this age
 * @param free only services that are free to use
 * @param messages message keys for values that were not used
 */
record CatalogFilter(SearchText text, FocusArea focusArea, Set<AccessMode> access, String accessKey, boolean anonymous,
		Integer age, boolean free, List<String> messages) {

	/** The access filter's values in the URL (Danish, as citizens see them) and the modes each one selects. */
	enum AccessOption {
		AABEN(EnumSet.of(AccessMode.OPEN, AccessMode.OPEN_ANONYMOUS)),
		SELVHENVENDELSE(EnumSet.of(AccessMode.SELF_REFERRAL)),
		VISITATION(EnumSet.of(AccessMode.ASSESSMENT_DECISION)),
		FAGFOLK(EnumSet.of(AccessMode.FOR_PROFESSIONALS));

		final Set<AccessMode> modes;

		AccessOption(Set<AccessMode> modes) {
			this.modes = modes;
		}

		String key() {
			return name().toLowerCase();
		}
	}

	static CatalogFilter parse(CatalogSnapshot catalog, String q, String area, String access, String anonymous,
			String age, String free) {
		List<String> messages = new ArrayList<>();
		var text = SearchText.of(q);
		FocusArea focusArea = null;
		if (area != null && !area.isBlank()) {
			focusArea = catalog.focusArea(area.strip()).orElse(null);
			if (focusArea == null) {
				messages.add("catalog.filter.focus.invalid");
			}
		}
		Set<AccessMode> modes = EnumSet.allOf(AccessMode.class);
		String accessKey = null;
		if (access != null && !access.isBlank()) {
			var option = option(access.strip());
			if (option == null) {
				messages.add("catalog.filter.access.invalid");
			}
			else {
				modes = option.modes;
				accessKey = option.key();
			}
		}
		Integer parsedAge = null;
		if (age != null && !age.isBlank()) {
			try {
				parsedAge = Integer.valueOf(age.strip());
				if (parsedAge < 0 || parsedAge > 120) {
					parsedAge = null;
					messages.add("catalog.filter.age.invalid");
				}
			}
			catch (NumberFormatException ex) {
				messages.add("catalog.filter.age.invalid");
			}
		}
		return new CatalogFilter(text, focusArea, modes, accessKey, checked(anonymous), parsedAge, checked(free),
				List.copyOf(messages));
	}

	private static AccessOption option(String key) {
		for (var option : AccessOption.values()) {
			if (option.key().equals(key)) {
				return option;
			}
		}
		return null;
	}

	private static boolean checked(String value) {
		return value != null && (value.equals("ja") || value.equals("on") || value.equals("true"));
	}

	boolean accepts(Service service) {
		return (focusArea == null || service.focusAreaIds().contains(focusArea.id()))
				&& access.contains(service.accessMode())
				&& (!anonymous || service.accessMode().anonymousPossible())
				&& (age == null || service.acceptsAge(age))
				&& (!free || service.charge().freeToUse());
	}

	/** The same filter, saying also that a value was not used. */
	CatalogFilter withMessage(String key) {
		var all = new ArrayList<>(messages);
		all.add(key);
		return new CatalogFilter(text, focusArea, access, accessKey, anonymous, age, free, List.copyOf(all));
	}

	public boolean narrowed() {
		return focusArea != null || accessKey != null || anonymous || age != null || free;
	}

	static List<String> accessKeys() {
		return List.of(AccessOption.values()).stream().map(AccessOption::key).toList();
	}
}
