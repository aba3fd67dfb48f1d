package dk.helhed.catalog.hsds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dk.helhed.platform.InvalidRequestException;

class HsdsParametersTests {

	private static final ZoneId DANISH_TIME = ZoneId.of("Europe/Copenhagen");

	@Test
	void readsACanonicalUuidAndNothingElse() {
		var id = UUID.randomUUID();

		assertThat(HsdsParameters.optionalId("organization_id", " " + id + " ")).isEqualTo(id);
		assertThat(HsdsParameters.optionalId("organization_id", "")).isNull();
		assertThatThrownBy(() -> HsdsParameters.optionalId("organization_id", "1-2-3-4-5"))
			.isInstanceOf(InvalidRequestException.class)
			.hasMessageStartingWith("Parameteren \"organization_id\" skal være et id i UUID-format");
		assertThatThrownBy(() -> HsdsParameters.id("boligforhold")).isInstanceOf(InvalidRequestException.class);
	}

	@Test
	void readsAMomentWithAnOffsetAsDanishLocalTimeOrAsADate() {
		assertThat(HsdsParameters.optionalDateTime("modified_after", "2026-07-01T08:00:00Z", DANISH_TIME))
			.isEqualTo(Instant.parse("2026-07-01T08:00:00Z"));
		assertThat(HsdsParameters.optionalDateTime("modified_after", "2026-07-01T08:00:00+02:00", DANISH_TIME))
			.isEqualTo(Instant.parse("2026-07-01T06:00:00Z"));
		assertThat(HsdsParameters.optionalDateTime("modified_after", "2026-07-01T08:00:00 02:00", DANISH_TIME))
			.as("a '+' the client did not encode arrives as a space")
			.isEqualTo(Instant.parse("2026-07-01T06:00:00Z"));
		assertThat(HsdsParameters.optionalDateTime("modified_after", "2026-01-15T08:00", DANISH_TIME))
			.as("winter time").isEqualTo(Instant.parse("2026-01-15T07:00:00Z"));
		assertThat(HsdsParameters.optionalDateTime("modified_after", "2026-07-01", DANISH_TIME))
			.isEqualTo(Instant.parse("2026-06-30T22:00:00Z"));
		assertThat(HsdsParameters.optionalDateTime("modified_after", null, DANISH_TIME)).isNull();
	}

	@Test
	void refusesWhatIsNotAMoment() {
		for (var value : List.of("i går", "01-07-2026", "2026-02-30", "1751356800")) {
			assertThatThrownBy(() -> HsdsParameters.optionalDateTime("modified_after", value, DANISH_TIME))
				.isInstanceOf(InvalidRequestException.class)
				.hasMessageStartingWith("Parameteren \"modified_after\" skal være et tidspunkt i ISO 8601-format");
		}
	}
}
