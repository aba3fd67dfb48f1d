package dk.helhed.catalog.editing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import dk.helhed.catalog.Service;
import dk.helhed.catalog.ServiceFormParams;
import dk.helhed.catalog.internal.Catalogs;
import dk.helhed.support.StaffFixture;

/**
 * The staff pages of the catalog through HTTP: login, the form with its checks, proposals and decisions, and the
 * rules that keep anonymous visitors, other roles and forged requests out.
 */
@SpringBootTest
@AutoConfigureMockMvc
class StaffCatalogPagesTests {

	@Autowired
	StaffFixture demo;

	@Autowired
	MockMvc mvc;

	@Autowired
	Catalogs catalogs;

	Service service(String key) {
		return catalogs.of("aabenraa").service(key).orElseThrow();
	}

	@Test
	void staffPagesNeedALogin() throws Exception {
		mvc.perform(get("/personale")).andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/log-ind"));
		mvc.perform(get("/personale/indsatser/" + service("overgangsbolig").id()))
			.andExpect(status().is3xxRedirection());
	}

	@Test
	void loginWithTheDemoAccountLeadsToTheOverview() throws Exception {
		mvc.perform(post("/log-ind").param("username", "redaktoer").param("password", "demo-Helhed-2026").with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/personale"));
		mvc.perform(post("/log-ind").param("username", "redaktoer").param("password", "forkert").with(csrf()))
			.andExpect(redirectedUrl("/log-ind?fejl"));
	}

	@Test
	void formsWithoutCsrfTokenAreRefused() throws Exception {
		var flats = service("overgangsbolig");
		mvc.perform(post("/personale/indsatser/" + flats.id() + "/kontrolleret").with(user(demo.login("redaktoer"))))
			.andExpect(status().isForbidden());
	}

	@Test
	void theOverviewListsWhatNeedsDoing() throws Exception {
		var page = html(get("/personale"), "redaktoer");
		assertThat(page).contains("Ændringsforslag til godkendelse", "Skal gennemgås", "Demo Katalogredaktør");
	}

	@Test
	void anEditorChangesOpeningHoursAndThePublicPageShowsThem() throws Exception {
		var service = service("fuldtraefferen");
		var form = ServiceFormParams.of(service);
		form.set("scheduleNote", "Lukket i uge 29 og 30.");

		mvc.perform(post("/personale/indsatser/" + service.id()).params(form).with(user(demo.login("redaktoer"))).with(csrf()))
			.andExpect(status().is3xxRedirection());

		assertThat(service("fuldtraefferen").scheduleNote()).isEqualTo("Lukket i uge 29 og 30.");
		var history = html(get("/personale/indsatser/" + service.id() + "/historik"), "redaktoer");
		assertThat(history).contains("Note om åbningstider", "Lukket i uge 29 og 30.");
		var publicPage = mvc.perform(get("/aabenraa/indsatser/fuldtraefferen")).andReturn().getResponse()
			.getContentAsString();
		assertThat(publicPage).contains("Lukket i uge 29 og 30.");
	}

	@Test
	void previewShowsThePublicPageWithoutSaving() throws Exception {
		var service = service("socialtandpleje");
		var form = ServiceFormParams.of(service);
		form.set("summary", "Forhåndsvist resumé");
		form.set("handling", "vis");

		var page = mvc.perform(post("/personale/indsatser/" + service.id()).params(form)
			.with(user(demo.login("redaktoer"))).with(csrf())).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString();

		assertThat(page).contains("Forhåndsvisning af den offentlige side", "Forhåndsvist resumé", "Sådan får du hjælpen");
		assertThat(service("socialtandpleje").summary()).isNotEqualTo("Forhåndsvist resumé");
	}

	@Test
	void aUnitEditorsProposalIsApprovedByTheCatalogEditor() throws Exception {
		var service = service("boliger-paa-kirkeplads");
		var form = ServiceFormParams.of(service);
		form.set("scheduleNote", "Den sociale vicevært træffes hverdage 8-15.");

		mvc.perform(post("/personale/indsatser/" + service.id()).params(form).with(user(demo.login("visitation"))).with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(service("boliger-paa-kirkeplads").scheduleNote()).isNull();

		var overview = html(get("/personale"), "redaktoer");
		assertThat(overview).contains("Boliger på Kirkeplads");
		var requestId = overview.replaceAll("(?s).*?/personale/aendringer/([0-9a-f-]{36}).*", "$1");

		mvc.perform(post("/personale/aendringer/" + requestId + "/godkend").with(user(demo.login("visitation"))).with(csrf()))
			.andExpect(status().isForbidden());
		mvc.perform(post("/personale/aendringer/" + requestId + "/godkend").with(user(demo.login("redaktoer"))).with(csrf()))
			.andExpect(status().is3xxRedirection());

		assertThat(service("boliger-paa-kirkeplads").scheduleNote()).isEqualTo("Den sociale vicevært træffes hverdage 8-15.");
	}

	@Test
	void unitEditorsCannotOpenOtherUnitsServices() throws Exception {
		mvc.perform(get("/personale/indsatser/" + service("socialtandpleje").id()).with(user(demo.login("visitation"))))
			.andExpect(status().isForbidden());
		mvc.perform(get("/personale/indsatser/ny").with(user(demo.login("visitation")))).andExpect(status().isForbidden());
	}

	@Test
	void anotherMunicipalitysServiceIsNotFound() throws Exception {
		mvc.perform(get("/personale/indsatser/" + service("socialtandpleje").id()).with(user(demo.login("redaktoer-aarhus"))))
			.andExpect(status().isNotFound());
		mvc.perform(get("/personale/indsatser/not-a-uuid").with(user(demo.login("redaktoer"))))
			.andExpect(status().isBadRequest());
	}

	@Test
	void freePlacesAreCheckedAgainstTheCapacity() throws Exception {
		var flats = service("overgangsbolig");
		var capacity = flats.capacities().getFirst();
		mvc.perform(post("/personale/indsatser/" + flats.id() + "/ledige-pladser").param("pladstype",
				capacity.id().toString()).param("ledige", "99").with(user(demo.login("visitation"))).with(csrf()))
			.andExpect(status().isBadRequest());
		mvc.perform(post("/personale/indsatser/" + flats.id() + "/ledige-pladser").param("pladstype",
				capacity.id().toString()).param("ledige", "abc").with(user(demo.login("visitation"))).with(csrf()))
			.andExpect(status().isBadRequest());
		// Helhed keeps Overgangsbolig's places, so its free places are counted, not reported
		mvc.perform(post("/personale/indsatser/" + flats.id() + "/ledige-pladser").param("pladstype",
				capacity.id().toString()).param("ledige", "3").with(user(demo.login("visitation"))).with(csrf()))
			.andExpect(status().isBadRequest());
		assertThat(service("overgangsbolig").capacities().getFirst().available()).isEqualTo(6);
		assertThat(mvc.perform(get("/aabenraa/indsatser/overgangsbolig")).andReturn().getResponse()
			.getContentAsString()).contains("6 af 6 boliger ledige");
	}

	@ParameterizedTest
	@MethodSource("hostileValues")
	void hostileInputIsRefusedWithAMessageAndNothingIsSaved(String field, String value) throws Exception {
		var service = service("den-sociale-vejviser");
		var form = ServiceFormParams.of(service);
		form.set(field, value);

		var page = mvc.perform(post("/personale/indsatser/" + service.id()).params(form)
			.with(user(demo.login("redaktoer"))).with(csrf())).andExpect(status().isBadRequest()).andReturn().getResponse()
			.getContentAsString();

		assertThat(page).contains("Indsatsen er ikke gemt").doesNotContain("<script>alert");
		var after = service("den-sociale-vejviser");
		assertThat(after.version()).isEqualTo(service.version());
	}

	static Stream<org.junit.jupiter.params.provider.Arguments> hostileValues() {
		return Stream.of(args("name", ""), args("name", "x".repeat(100_000)), args("name", "Navn\u0000med nul"),
				args("summary", "linje\u0007klokke"), args("minimumAge", "-1"), args("minimumAge", "1e9"),
				args("maximumAge", "'; drop table service; --"), args("url", "javascript:alert(1)"),
				args("email", "<script>alert(1)</script>"), args("phone", "ring mig"), args("postalCode", "62OO"),
				args("accessMode", "ADMIN"), args("charge", "<b>"), args("owningUnitId", "not-a-uuid"),
				args("focusAreaIds", "00000000-0000-0000-0000-000000000000"),
				args("schedules[0].opens", "25:99"), args("capacities[0].maximum", "mange"),
				args("costs[0].amount", "35 kr"), args("description", "\u202Eomvendt"));
	}

	private static org.junit.jupiter.params.provider.Arguments args(String field, String value) {
		return org.junit.jupiter.params.provider.Arguments.of(field, value);
	}

	@Test
	void restoringAnActiveServiceAnswers400WithTheAggregatesOwnSentence() throws Exception {
		var service = service("den-sociale-vejviser");

		var page = refusedForTheEditor(post("/personale/indsatser/" + service.id() + "/genaktiver"));

		assertThat(page).contains("Indsatsen er allerede aktiv.");
		assertThat(service("den-sociale-vejviser").version()).isEqualTo(service.version());
	}

	@Test
	void aWrongEmailOrPhoneIsReportedAtItsOwnFieldWithTheOneRulesMessage() throws Exception {
		var service = service("den-sociale-vejviser");
		var form = ServiceFormParams.of(service);
		form.set("email", "info@aabenraa");
		form.set("phone", "ring til Hanne");
		form.set("contacts[0].name", "Hanne Kruse");
		form.set("contacts[0].email", "hanne@");
		form.set("contacts[0].phone", "12");

		var page = refusedForTheEditor(post("/personale/indsatser/" + service.id()).params(form));

		var email = dk.helhed.platform.FieldRules.Problem.EMAIL.message();
		var phone = dk.helhed.platform.FieldRules.Problem.PHONE.message();
		assertThat(page).contains("id=\"f-email-error\">" + email, "id=\"f-phone-error\">" + phone,
				"id=\"f-contacts-0-email-error\">" + email, "id=\"f-contacts-0-phone-error\">" + phone);
		assertThat(service("den-sociale-vejviser").version()).isEqualTo(service.version());
	}

	@Test
	void scriptTagsAreStoredAsTextAndNeverRenderedAsHtml() throws Exception {
		var service = service("den-sociale-vejviser");
		var form = ServiceFormParams.of(service);
		form.set("summary", "<script>alert('x')</script> & \"citat\"");
		mvc.perform(post("/personale/indsatser/" + service.id()).params(form).with(user(demo.login("redaktoer"))).with(csrf()))
			.andExpect(status().is3xxRedirection());
		var publicPage = mvc.perform(get("/aabenraa/indsatser/den-sociale-vejviser")).andReturn().getResponse()
			.getContentAsString();
		assertThat(publicPage).doesNotContain("<script>alert").contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;");
	}

	@Test
	void staffPagesAreNeverCached() throws Exception {
		mvc.perform(get("/personale").with(user(demo.login("redaktoer"))))
			.andExpect(header().string("Cache-Control", org.hamcrest.Matchers.containsString("no-store")));
	}

	/** The page a catalog editor gets for a request that must be refused with 400. */
	private String refusedForTheEditor(MockHttpServletRequestBuilder request) throws Exception {
		return mvc.perform(request.with(user(demo.login("redaktoer"))).with(csrf()))
			.andExpect(status().isBadRequest())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private String html(MockHttpServletRequestBuilder request, String username) throws Exception {
		return mvc.perform(request.with(user(demo.login(username)))).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString();
	}
}
