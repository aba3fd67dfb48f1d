package dk.helhed.participation.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dk.helhed.municipality.Municipalities;
import dk.helhed.municipality.MunicipalitySeeded;
import dk.helhed.platform.DeterministicIds;
import dk.helhed.platform.SeedFiles;
import dk.helhed.platform.SeedFiles.InvalidSeedData;

/**
 * Loads a seeded municipality's {@code participation.yaml} in the same transaction as the municipality. Every
 * municipality gets the states of proposals: its own from that file, or the default ones
 * ({@code seed/participation-states.yaml}).
 */
@Component
class ParticipationSeedLoader {

	private static final Logger log = LoggerFactory.getLogger(ParticipationSeedLoader.class);

	static final String DEFAULT_STATES = "seed/participation-states.yaml";

	private final Municipalities municipalities;
	private final JdbcClient jdbc;

	ParticipationSeedLoader(Municipalities municipalities, JdbcClient jdbc) {
		this.municipalities = municipalities;
		this.jdbc = jdbc;
	}

	@EventListener
	void on(MunicipalitySeeded event) throws IOException {
		var file = event.folder().createRelative("participation.yaml");
		var seed = file.exists() ? SeedFiles.read(file, ParticipationSeed.class) : new ParticipationSeed(null, null);
		var states = seed.states().isEmpty()
				? SeedFiles.read(new ClassPathResource(DEFAULT_STATES), ParticipationSeed.class).states()
				: seed.states();
		var where = file.exists() ? file.getDescription() : DEFAULT_STATES;
		List<String> problems = new ArrayList<>();
		var municipalityId = event.municipalityId();
		var areas = new HashSet<String>();
		municipalities.strategyOf(municipalityId)
			.ifPresent(strategy -> strategy.allFocusAreas().forEach(area -> areas.add(area.key())));
		var units = new HashSet<String>();
		municipalities.unitsOf(municipalityId).forEach(unit -> units.add(unit.key()));

		Set<String> stateKeys = new HashSet<>();
		int position = 0;
		for (var state : states) {
			var at = "state " + state.key();
			if (state.key() == null || !state.key().matches("[a-z0-9-]{2,40}") || !stateKeys.add(state.key())) {
				problems.add(at + ": nøglen mangler, er ugyldig eller findes to gange");
				continue;
			}
			if (state.name() == null || blank(state.name().da()) || blank(state.name().en()) || state.explanation() == null
					|| blank(state.explanation().da()) || blank(state.explanation().en()) || state.validFrom() == null) {
				problems.add(at + ": name.da, name.en, explanation.da, explanation.en og validFrom skal udfyldes");
				continue;
			}
			jdbc.sql("""
					insert into participation_state (municipality_id, state_key, position, name_da, name_en, explanation_da,
					    explanation_en, closed, valid_from)
					values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
				.params(municipalityId, state.key(), ++position, state.name().da(), state.name().en(),
						state.explanation().da(), state.explanation().en(), Boolean.TRUE.equals(state.closed()),
						state.validFrom())
				.update();
		}
		for (var required : List.of(ProposalState.RECEIVED, ProposalState.WITHDRAWN)) {
			if (!stateKeys.contains(required)) {
				problems.add("states: tilstanden „" + required + "“ skal findes");
			}
		}

		Set<String> bodyKeys = new HashSet<>();
		position = 0;
		for (var body : seed.bodies()) {
			var at = "body " + body.key();
			if (body.key() == null || !body.key().matches("[a-z0-9-]{2,80}") || !bodyKeys.add(body.key())) {
				problems.add(at + ": nøglen mangler, er ugyldig eller findes to gange");
				continue;
			}
			if (body.kind() == null || blank(body.name()) || blank(body.purpose())) {
				problems.add(at + ": kind, name og purpose skal udfyldes");
				continue;
			}
			if (body.owningUnit() != null && !units.contains(body.owningUnit())) {
				problems.add(at + ": owningUnit " + body.owningUnit() + " findes ikke");
				continue;
			}
			var unknownAreas = body.focusAreas().stream().filter(area -> !areas.contains(area)).toList();
			if (!unknownAreas.isEmpty()) {
				problems.add(at + ": focusAreas " + unknownAreas + " findes ikke");
				continue;
			}
			var id = DeterministicIds.of(event.slug(), "participation-body", body.key());
			jdbc.sql("""
					insert into participation_body (municipality_id, id, body_key, kind, name, purpose, meetings_note,
					    owning_unit_key, contact_role, contact_name, url, accepts_proposals, position)
					values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
				.params(municipalityId, id, body.key(), body.kind().name(), body.name(), body.purpose(),
						body.meetingsNote(), body.owningUnit(), body.contact() == null ? null : body.contact().role(),
						body.contact() == null ? null : body.contact().name(), body.url(),
						!Boolean.FALSE.equals(body.acceptsProposals()), ++position)
				.update();
			int seat = 0;
			for (var member : body.members()) {
				if (member.role() == null || blank(member.represents())) {
					problems.add(at + ": members skal have role og represents");
					continue;
				}
				jdbc.sql("""
						insert into participation_member (municipality_id, body_id, position, role, represents, name, name_public)
						values (?, ?, ?, ?, ?, ?, ?)""")
					.params(municipalityId, id, ++seat, member.role().name(), member.represents(), member.name(),
							member.name() != null && Boolean.TRUE.equals(member.namePublic()))
					.update();
			}
			for (var area : body.focusAreas()) {
				jdbc.sql("insert into participation_body_focus_area (municipality_id, body_id, area_key) values (?, ?, ?)")
					.params(municipalityId, id, area)
					.update();
			}
			for (var service : new java.util.LinkedHashSet<>(body.services())) {
				jdbc.sql("insert into participation_body_service (municipality_id, body_id, service_key) values (?, ?, ?)")
					.params(municipalityId, id, service)
					.update();
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidSeedData(where + ":\n - " + String.join("\n - ", problems));
		}
		if (!seed.bodies().isEmpty()) {
			log.info("Loaded {} participation bodies for {}", seed.bodies().size(), event.slug());
		}
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}
}
