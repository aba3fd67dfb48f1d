package dk.helhed.catalog.internal.crisis;

import java.util.List;
import java.util.Set;

/**
 * The "Akut hjælp" box at the top of the results of a search about a crisis: what it is about and where to turn.
 */
public record CrisisBox(Set<CrisisTopic> topics, List<CrisisLine> lines) {

	public CrisisBox {
		topics = Set.copyOf(topics);
		lines = List.copyOf(lines);
	}

	public boolean isAbout(String topic) {
		return topics.contains(CrisisTopic.valueOf(topic));
	}
}
