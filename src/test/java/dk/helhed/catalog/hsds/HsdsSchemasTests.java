package dk.helhed.catalog.hsds;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The schema check the conformance tests rely on is live: it accepts the specification's own examples and rejects
 * a missing required field, a value outside an enumeration, a malformed uuid, a wrong type inside a nested object
 * reached through a {@code $ref}, and a field the schema does not declare.
 */
@NeedsHsdsSpecification
class HsdsSchemasTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();
	private final HsdsSchemas schemas = HsdsSchemas.load();

	@Test
	void acceptsTheSpecificationsOwnExamples() {
		assertThatCode(() -> schemas.file("compiled/service.json").assertValid("service_full.json",
				example("service_full.json"))).doesNotThrowAnyException();
		assertThatCode(() -> schemas.page("compiled/service_list.json").assertValid("service_list.json",
				example("service_list.json"))).doesNotThrowAnyException();
		assertThatCode(() -> schemas.file("taxonomy_term.json").assertValid("taxonomy_term.json",
				example("taxonomy_term.json"))).doesNotThrowAnyException();
		assertThatCode(() -> schemas.apiInfo().assertValid("base.json", example("base.json")))
			.doesNotThrowAnyException();
	}

	@Test
	void rejectsAServiceWithoutItsRequiredName() {
		var service = service();
		service.remove("name");

		assertThatThrownBy(() -> schemas.file("compiled/service.json").assertValid("service", service.toString()))
			.hasMessageContaining("does not conform")
			.hasMessageContaining("name");
	}

	@Test
	void rejectsAStatusOutsideTheEnumeration() {
		var service = service();
		service.put("status", "open");

		assertThatThrownBy(() -> schemas.file("compiled/service.json").assertValid("service", service.toString()))
			.hasMessageContaining("status");
	}

	@Test
	void rejectsAMalformedUuid() {
		var service = service();
		service.put("id", "not-a-uuid");

		assertThatThrownBy(() -> schemas.file("compiled/service.json").assertValid("service", service.toString()))
			.hasMessageContaining("uuid");
	}

	@Test
	void followsReferencesBetweenTheTopLevelSchemas() {
		var term = (ObjectNode) JSON.readTree(example("taxonomy_term.json"));
		((ObjectNode) term.get("taxonomy_detail")).remove("name");

		assertThatThrownBy(() -> schemas.file("taxonomy_term.json").assertValid("term", term.toString()))
			.hasMessageContaining("taxonomy_detail")
			.hasMessageContaining("name");
	}

	@Test
	void rejectsAFieldTheSchemaDoesNotDeclare() {
		var service = service();
		service.put("organisation_id", "d9d5e0f5-d3ce-4f73-9a2f-4dd0ecc6c610");

		assertThatThrownBy(() -> schemas.file("compiled/service.json").assertValid("service", service.toString()))
			.hasMessageContaining("does not declare")
			.hasMessageContaining("organisation_id");
	}

	@Test
	void requiresEveryPageField() {
		var page = (ObjectNode) JSON.readTree(example("service_list.json"));
		page.remove("last_page");

		assertThatThrownBy(() -> schemas.page("compiled/service_list.json").assertValid("page", page.toString()))
			.hasMessageContaining("last_page");
	}

	private static ObjectNode service() {
		return (ObjectNode) JSON.readTree(example("service_full.json"));
	}

	private static String example(String name) {
		try {
			return Files.readString(HsdsSpecification.examples().resolve(name));
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}
}
