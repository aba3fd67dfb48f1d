package dk.helhed.referral.web;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import dk.helhed.identity.CurrentStaff;
import dk.helhed.referral.internal.PlaceWork;

/**
 * The staff navigation's link to the places: for a caseworker whose unit keeps a service's places, how many places
 * are free while someone waits for one (the waiting-list owner's notification). Counted on staff pages only.
 */
@ControllerAdvice
class PlacesNavigation {

	private final PlaceWork places;

	PlacesNavigation(PlaceWork places) {
		this.places = places;
	}

	@ModelAttribute("freePlacesWhileWaiting")
	Integer freePlacesWhileWaiting(HttpServletRequest request) {
		if (!"GET".equals(request.getMethod()) || !request.getRequestURI().startsWith("/personale")) {
			return null;
		}
		return CurrentStaff.find()
			.filter(staff -> staff.isCaseWorker())
			.map(places::freeWhileWaiting)
			.orElse(null);
	}
}
