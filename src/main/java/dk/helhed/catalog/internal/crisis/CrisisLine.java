package dk.helhed.catalog.internal.crisis;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * One place to turn to in a crisis (112, Livslinien, the violence hotline, the region's psychiatric emergency
 * service), with the public page that confirms it and the day that page was read.
 *
 * @param phone as dialled, or {@code null} for a place one goes to (then {@code text} says how)
 * @param hours when it answers, or {@code null} when the source does not say
 */
public record CrisisLine(String key, String name, String phone, String text, String hours, Set<CrisisTopic> topics,
		URI source, LocalDate checked) {

	public CrisisLine {
		topics = Set.copyOf(topics);
	}

	/** For a {@code tel:} link: the digits only. */
	public String dialled() {
		return phone == null ? null : phone.replaceAll("[^0-9+]", "");
	}

	/** A line for every crisis (112): marked only ALWAYS. */
	boolean isGeneral() {
		return topics.equals(Set.of(CrisisTopic.ALWAYS));
	}

	boolean isAbout(Set<CrisisTopic> wanted) {
		return isGeneral() || topics.stream().anyMatch(wanted::contains);
	}

	static List<CrisisLine> marked(List<CrisisLine> lines, CrisisTopic topic) {
		return lines.stream().filter(line -> line.topics().contains(topic)).toList();
	}
}
