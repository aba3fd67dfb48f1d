package dk.helhed.identity.web;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import dk.helhed.identity.CurrentStaff;
import dk.helhed.identity.StaffMember;

/**
 * Every page's layout can show whether a member of staff is logged in.
 */
@ControllerAdvice
class CurrentStaffModel {

	@ModelAttribute("currentStaff")
	StaffMember currentStaff() {
		return CurrentStaff.find().orElse(null);
	}
}
