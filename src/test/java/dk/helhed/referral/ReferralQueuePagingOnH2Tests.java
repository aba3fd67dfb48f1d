package dk.helhed.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;

import dk.helhed.referral.internal.ReferralStore.Referral;
import dk.helhed.referral.internal.ReferralWork;
import dk.helhed.support.StaffFixture;

/**
 * The referral queue at a unit with many referrals: every referral whose loop is open is shown, oldest first; those
 * whose loop is closed come a page at a time, newest first, with how many there are and a plain link to the next
 * page (keyset); the filters work in SQL. The rows are synthetic, for a service id of their own, and rolled back.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Transactional
class ReferralQueuePagingOnH2Tests {

	@Autowired
	StaffFixture demo;

	@Autowired
	ReferralWork referrals;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService accounts;

	@Test
	void closedReferralsComePagedNewestFirstAndOpenOnesAllOldestFirst() throws Exception {
		var housing = demo.staff("boligsag");
		var visitation = demo.unit("visitation");
		var jobCentre = demo.unit("jobcenteret");
		var service = UUID.randomUUID();
		var waitingBefore = referrals.queue(housing, visitation, true, null, null).waitingForAnswer();
		var start = Instant.parse("2026-01-05T08:00:00Z");
		List<UUID> closed = new ArrayList<>();
		for (int i = 0; i < 30; i++) {
			closed.add(insert(housing.municipalityId(), jobCentre, visitation, service, i % 2 == 0 ? "COMPLETED" : "REJECTED",
					start.plus(i, ChronoUnit.HOURS), true));
		}
		var requested = insert(housing.municipalityId(), jobCentre, visitation, service, "REQUESTED",
				start.plus(40, ChronoUnit.HOURS), false);
		var endedOpenLoop = insert(housing.municipalityId(), jobCentre, visitation, service, "COMPLETED",
				start.minus(1, ChronoUnit.DAYS), false);

		var first = referrals.queue(housing, visitation, true, null, service);
		assertThat(first.open()).extracting(Referral::id).containsExactly(endedOpenLoop, requested);
		assertThat(first.closed()).hasSize(ReferralWork.CLOSED_PAGE);
		assertThat(first.closed()).extracting(Referral::id)
			.containsExactlyElementsOf(closed.reversed().subList(0, ReferralWork.CLOSED_PAGE));
		assertThat(first.closedTotal()).isEqualTo(30);
		assertThat(first.closedOlder()).isEqualTo(5);
		assertThat(first.waitingForAnswer()).as("the counts ignore the filters").isEqualTo(waitingBefore + 1);

		var second = referrals.queue(housing, visitation, true, null, service, first.next());
		assertThat(second.closed()).extracting(Referral::id).containsExactlyElementsOf(closed.reversed().subList(25, 30));
		assertThat(second.next()).isNull();
		assertThat(second.closedOlder()).isZero();
		assertThat(second.open()).hasSize(2);

		var rejected = referrals.queue(housing, visitation, true, ReferralStatus.REJECTED, service);
		assertThat(rejected.open()).isEmpty();
		assertThat(rejected.closed()).hasSize(15).allMatch(r -> r.status() == ReferralStatus.REJECTED);
		assertThat(rejected.next()).isNull();
		assertThat(referrals.queue(housing, visitation, false, null, service).referrals()).isEmpty();

		// The page says how many there are and links to the next page without JavaScript; the link leads to the rest.
		var page = page("/personale/henvisninger?indsats=" + service);
		assertThat(page).contains("Viser 25 af 30 afsluttede", "Vis de næste 5 ældre (5 flere)")
			.doesNotContain(closed.getFirst().toString());
		var next = page.substring(page.indexOf("href=\"", page.indexOf("Vis de næste") - 300) + 6);
		next = next.substring(0, next.indexOf('"')).replace("&amp;", "&");
		assertThat(next).contains("enhed=" + visitation, "side=modtaget", "efter=");
		var nextPage = page(next);
		assertThat(nextPage).contains("Viser 5 af 30 afsluttede", "Til de nyeste", closed.getFirst().toString())
			.doesNotContain("Vis de næste");

		var broken = mvc.perform(get("/personale/henvisninger").param("enhed", visitation.toString())
			.param("side", "modtaget").param("efter", "igår")
			.with(user(accounts.loadUserByUsername("boligsag")))).andReturn().getResponse();
		assertThat(broken.getStatus()).isEqualTo(400);
		assertThat(broken.getContentAsString()).contains("Siden med afsluttede henvisninger findes ikke.");
	}

	private String page(String path) throws Exception {
		var response = mvc.perform(get(java.net.URI.create(path)).with(user(accounts.loadUserByUsername("boligsag"))))
			.andReturn()
			.getResponse();
		assertThat(response.getStatus()).isEqualTo(200);
		return response.getContentAsString();
	}

	private UUID insert(UUID municipalityId, UUID sender, UUID receiver, UUID service, String status, Instant at,
			boolean loopClosed) {
		var id = UUID.randomUUID();
		boolean ended = !status.equals("REQUESTED");
		jdbc.sql("""
				insert into referral (municipality_id, id, citizen_id, service_id, sender_unit_id, receiver_unit_id,
				    question, status, reason_code, outcome, created_at, created_by, first_answer_at, outcome_at,
				    loop_closed_at, version)
				values (?, ?, ?, ?, ?, ?, 'Syntetisk testhenvisning.', ?, ?, ?, ?, ?, ?, ?, ?, 0)
				""")
			.params(municipalityId, id, UUID.randomUUID(), service, sender, receiver, status,
					status.equals("REJECTED") ? "NO_FREE_PLACE" : null, status.equals("COMPLETED") ? "Syntetisk." : null,
					utc(at), UUID.randomUUID(), ended ? utc(at.plus(2, ChronoUnit.DAYS)) : null,
					ended ? utc(at.plus(9, ChronoUnit.DAYS)) : null,
					loopClosed ? utc(at.plus(10, ChronoUnit.DAYS)) : null)
			.update();
		return id;
	}

	private static OffsetDateTime utc(Instant at) {
		return at.atOffset(ZoneOffset.UTC);
	}
}
