package dk.helhed.identity.web;

import java.io.Serial;
import java.io.Serializable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

import dk.helhed.identity.StaffMember;

/**
 * When the signed-in member of staff last confirmed who they are (security.md item 6), kept in their session: an
 * administrator's change to a staff account is carried out only within {@link ReauthenticationSettings the window}
 * after a confirmation. Also kept here while they confirm: that they have gone to the identity provider to log in again,
 * and the form they had sent (never a password), so that it is not lost on the way.
 * <p>
 * Everything is kept with the staff member's id and counts only for that staff member, so that nothing carries over
 * if someone else logs in within the same session.
 */
@Component
class IdentityConfirmations {

	/** The page where a member of staff confirms who they are. */
	static final String PAGE = "/personale/bekraeft";

	static final String CONFIRMED = "dk.helhed.identity.confirmed";
	static final String PROVIDER_REQUEST = "dk.helhed.identity.providerConfirmation";
	static final String PENDING_FORM = "dk.helhed.identity.pendingForm";

	/** How far the identity provider's clock may be from ours. */
	static final Duration CLOCK_SKEW = Duration.ofMinutes(1);

	/** How long a trip to the identity provider to log in again may take. */
	static final Duration PROVIDER_ROUND_TRIP = Duration.ofMinutes(10);

	/**
	 * Where a confirmation may send the staff member back to: a page of the staff area, by a plain path (no other
	 * site, no query, nothing that a browser would read as another address).
	 */
	private static final Pattern RETURN_PATH = Pattern.compile("/personale(?:/[A-Za-z0-9_-]{1,40}){0,6}");

	record Confirmed(UUID staffId, Instant at) implements Serializable {

		@Serial
		private static final long serialVersionUID = 1L;
	}

	record ProviderRequest(UUID staffId, Instant startedAt) implements Serializable {

		@Serial
		private static final long serialVersionUID = 1L;
	}

	record PendingForm(UUID staffId, String path, Serializable form) implements Serializable {

		@Serial
		private static final long serialVersionUID = 1L;
	}

	private final ReauthenticationSettings settings;
	private final Clock clock;

	IdentityConfirmations(ReauthenticationSettings settings, Clock clock) {
		this.settings = settings;
		this.clock = clock;
	}

	Duration window() {
		return settings.reauthenticationWindow();
	}

	/** The window in Danish words, e.g. "5 minutter". */
	String windowInWords() {
		var window = window();
		if (window.toSeconds() % 60 != 0) {
			return window.toSeconds() + " sekunder";
		}
		var minutes = window.toMinutes();
		return minutes == 1 ? "1 minut" : minutes + " minutter";
	}

	/** Until when the staff member's last confirmation counts, if it still does. */
	Optional<Instant> confirmedUntil(HttpServletRequest request, StaffMember staff) {
		var session = request.getSession(false);
		if (session != null && session.getAttribute(CONFIRMED) instanceof Confirmed confirmed
				&& confirmed.staffId().equals(staff.id())) {
			var now = clock.instant();
			var until = confirmed.at().plus(window());
			if (!confirmed.at().isAfter(now.plus(CLOCK_SKEW)) && until.isAfter(now)) {
				return Optional.of(until);
			}
		}
		return Optional.empty();
	}

	boolean recent(HttpServletRequest request, StaffMember staff) {
		return confirmedUntil(request, staff).isPresent();
	}

	void confirmed(HttpServletRequest request, StaffMember staff, Instant at) {
		var now = clock.instant();
		request.getSession().setAttribute(CONFIRMED, new Confirmed(staff.id(), at.isAfter(now) ? now : at));
	}

	// The trip to the identity provider

	void providerRequested(HttpServletRequest request, StaffMember staff) {
		request.getSession().setAttribute(PROVIDER_REQUEST, new ProviderRequest(staff.id(), clock.instant()));
	}

	/** Whether a trip to the identity provider to log in again is under way in this session. */
	boolean providerRequestPending(HttpServletRequest request) {
		var session = request.getSession(false);
		return session != null && session.getAttribute(PROVIDER_REQUEST) instanceof ProviderRequest pending
				&& pending.startedAt().plus(PROVIDER_ROUND_TRIP).isAfter(clock.instant());
	}

	/**
	 * The trip to the identity provider under way in this session, if one is (one that began too long ago is not);
	 * it is over once taken. It may have been begun by another staff member who was logged in before.
	 */
	Optional<ProviderRequest> takeProviderRequest(HttpServletRequest request) {
		var session = request.getSession(false);
		if (session == null || !(session.getAttribute(PROVIDER_REQUEST) instanceof ProviderRequest pending)) {
			return Optional.empty();
		}
		session.removeAttribute(PROVIDER_REQUEST);
		return pending.startedAt().plus(PROVIDER_ROUND_TRIP).isAfter(clock.instant()) ? Optional.of(pending)
				: Optional.empty();
	}

	// The form that waits while the staff member confirms

	void keep(HttpServletRequest request, StaffMember staff, String path, Serializable form) {
		request.getSession().setAttribute(PENDING_FORM, new PendingForm(staff.id(), path, form));
	}

	/** The form the staff member sent from this page before confirming, if any; it is gone once taken. */
	Optional<Serializable> take(HttpServletRequest request, StaffMember staff, String path) {
		var session = request.getSession(false);
		if (session == null || !(session.getAttribute(PENDING_FORM) instanceof PendingForm pending)
				|| !pending.staffId().equals(staff.id()) || !pending.path().equals(path)) {
			return Optional.empty();
		}
		session.removeAttribute(PENDING_FORM);
		return Optional.of(pending.form());
	}

	// Addresses

	/** A safe place to send the staff member back to: the path asked for if it is a staff page, else the overview. */
	static String returnPath(String requested) {
		if (requested == null || requested.length() > 300 || !RETURN_PATH.matcher(requested).matches()) {
			return "/personale";
		}
		return requested;
	}

	/** The address of the confirmation page, which afterwards sends the staff member back to the given page. */
	static String pageReturningTo(String path) {
		return UriComponentsBuilder.fromPath(PAGE).queryParam("tilbage", returnPath(path)).encode().build().toUriString();
	}
}
