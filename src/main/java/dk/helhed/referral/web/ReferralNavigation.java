package dk.helhed.referral.web;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import dk.helhed.identity.CurrentStaff;
import dk.helhed.referral.internal.ReferralWork;

/**
 * The staff navigation's link to the referrals, with how many new referrals and answers the staff member's units have
 * not yet opened: the notifications inside Helhed, shown on every staff page without JavaScript.
 */
@ControllerAdvice
class ReferralNavigation {

	private final ReferralWork referrals;

	ReferralNavigation(ReferralWork referrals) {
		this.referrals = referrals;
	}

	@ModelAttribute("referralsUnseen")
	ReferralWork.Unseen unseen(HttpServletRequest request) {
		var path = request.getRequestURI();
		if (path == null || !path.startsWith("/personale")) {
			return null;
		}
		return CurrentStaff.find()
			.filter(staff -> staff.isCaseWorker() && !staff.unitIds().isEmpty())
			.map(referrals::unseen)
			.orElse(null);
	}
}
