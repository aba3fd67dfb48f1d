package dk.helhed.catalog.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * History, proposals and conflicts show field values as people read them, not as the codes the history keeps.
 */
class CatalogFormatTests {

	private static final Locale DANISH = Locale.of("da");

	private final CatalogFormat format = new CatalogFormat(messages());

	private static ResourceBundleMessageSource messages() {
		var messages = new ResourceBundleMessageSource();
		messages.setBasename("i18n/messages");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		return messages;
	}

	@Test
	void codesInTheHistoryAreShownInDanish() {
		assertThat(format.fieldValue("access_mode", "ASSESSMENT_DECISION", DANISH)).isEqualTo("Kommunen vurderer først");
		assertThat(format.fieldValue("charge", "FREE", DANISH)).isEqualTo("Gratis");
		assertThat(format.fieldValue("situations", "ADDICTION; HOMELESSNESS", DANISH))
			.isEqualTo("Misbrug af alkohol eller stoffer; Hjemløshed");
		assertThat(format.fieldValue("schedules", "MO,TU,WE,TH,FR 08:30-15:00; SA 10:00-null Kun i lige uger",
				DANISH)).isEqualTo("mandag–fredag kl. 8.30–15; lørdag kl. 10 (Kun i lige uger)");
	}

	@Test
	void anythingElseIsShownAsItIs() {
		assertThat(format.fieldValue("name", "ADDICTION", DANISH)).isEqualTo("ADDICTION");
		assertThat(format.fieldValue("schedules", "hver anden tirsdag", DANISH)).isEqualTo("hver anden tirsdag");
		assertThat(format.fieldValue("charge", "SOMETHING_NEW", DANISH)).isEqualTo("SOMETHING_NEW");
		assertThat(format.fieldValue("access_mode", null, DANISH)).isNull();
	}
}
