package dk.helhed.referral.internal;

import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;

import dk.helhed.catalog.ServiceCapacities;
import dk.helhed.citizen.InformationCategory;
import dk.helhed.citizen.DemoCitizensCreated;
import dk.helhed.identity.CurrentStaff;
import dk.helhed.identity.StaffMember;
import dk.helhed.municipality.Municipalities;
import dk.helhed.referral.internal.PlaceStore.Urgency;
import dk.helhed.referral.internal.ReferralMoves.Move;
import dk.helhed.referral.internal.ReferralWork.NewReferral;

/**
 * Demo data about the synthetic citizens, made through the same steps staff take: the job centre's referrals of Mads
 * to Visitation in three states (waiting for an answer, in progress, rejected with the loop not yet closed); Sofie
 * living in Boenhed Stubbæk and on the waiting list for Botilbud Bjerggade.
 */
@Component
class DemoReferrals {

	private final ReferralWork referrals;
	private final PlaceWork places;
	private final ServiceCapacities capacities;
	private final Municipalities municipalities;
	private final UserDetailsService accounts;
	private final java.time.Clock clock;
	private final PlaceSettings settings;

	DemoReferrals(ReferralWork referrals, PlaceWork places, ServiceCapacities capacities, Municipalities municipalities,
			UserDetailsService accounts, java.time.Clock clock, PlaceSettings settings) {
		this.settings = settings;
		this.referrals = referrals;
		this.places = places;
		this.capacities = capacities;
		this.municipalities = municipalities;
		this.accounts = accounts;
		this.clock = clock;
	}

	@EventListener
	void on(DemoCitizensCreated event) {
		var kept = capacities.of(event.municipalityId());
		java.util.function.Function<String, UUID> service = key -> kept.stream()
			.filter(capacity -> capacity.serviceKey().equals(key))
			.findFirst()
			.orElseThrow()
			.serviceId();
		var jobCentre = staff("jobcenter");
		var housing = staff("boligsag");
		var mads = event.citizens().get("mads");
		var sofie = event.citizens().get("sofie");
		var visitation = unit(event.municipalityId(), "visitation");
		var today = LocalDate.now(clock);
		var shared = Set.of(InformationCategory.HOUSING, InformationCategory.EMPLOYMENT);

		var flats = service.apply("overgangsbolig");
		referrals.send(jobCentre, new NewReferral(mads, flats, visitation,
				"Mads sover hos en ven. Kan han få en overgangsbolig? (syntetisk)", today.plusDays(14), shared, null));

		var kirkeplads = service.apply("boliger-paa-kirkeplads");
		var rejected = referrals.send(jobCentre, new NewReferral(mads, kirkeplads, visitation,
				"Er der en bolig på Kirkeplads til Mads? (syntetisk)", null, shared, null));
		referrals.move(housing, rejected.id(), Move.REJECT, "NO_FREE_PLACE", null, rejected.version());

		var stubbaek = service.apply("boenhed-stubbaek");
		var inProgress = referrals.send(jobCentre, new NewReferral(mads, stubbaek, visitation,
				"Mads har brug for meget støtte efter en indlæggelse. (syntetisk)", null, shared, null));
		var accepted = referrals.move(housing, inProgress.id(), Move.ACCEPT, null, null, inProgress.version());
		referrals.move(housing, inProgress.id(), Move.START, null, null, accepted.version());

		if (!settings.keepPlaces()) {
			return;
		}
		var hold = places.offerPlace(housing, stubbaek, sofie);
		places.moveIn(housing, hold.id(), today.plusMonths(5));
		var bjerggade = service.apply("botilbud-bjerggade");
		places.putOnWaitingList(housing, bjerggade, sofie, Urgency.HIGH, today.minusDays(20));
	}

	private UUID unit(UUID municipalityId, String key) {
		return municipalities.unitsOf(municipalityId)
			.stream()
			.filter(unit -> unit.key().equals(key))
			.findFirst()
			.orElseThrow()
			.id();
	}

	/** The demo account as a staff member, through the public identity API (the login's own principal). */
	private StaffMember staff(String username) {
		var account = accounts.loadUserByUsername(username);
		var previous = SecurityContextHolder.getContext();
		var context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(
				UsernamePasswordAuthenticationToken.authenticated(account, null, account.getAuthorities()));
		SecurityContextHolder.setContext(context);
		try {
			return CurrentStaff.get();
		}
		finally {
			SecurityContextHolder.setContext(previous);
		}
	}
}
