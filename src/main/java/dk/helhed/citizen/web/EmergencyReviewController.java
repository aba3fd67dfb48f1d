package dk.helhed.citizen.web;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dk.helhed.citizen.internal.EmergencyWork;
import dk.helhed.identity.CurrentStaff;
import dk.helhed.identity.StaffDirectory;
import dk.helhed.platform.web.AccessRule;
import dk.helhed.platform.web.AccessRule.Audience;
import dk.helhed.platform.web.AccessRule.Scope;

/**
 * The team lead's review of emergency access ("breaking the glass") by the staff of their units (security.md
 * item 4): who, when, why, until when; the lead marks each one as seen.
 */
@Controller
class EmergencyReviewController {

	private final EmergencyWork emergencyWork;
	private final StaffDirectory staffDirectory;

	EmergencyReviewController(EmergencyWork emergencyWork, StaffDirectory staffDirectory) {
		this.emergencyWork = emergencyWork;
		this.staffDirectory = staffDirectory;
	}

	@GetMapping("/personale/noedadgang")
	@AccessRule(value = Audience.TEAM_LEADS, personalData = true)
	String review(Model model) {
		var lead = CurrentStaff.get();
		model.addAttribute("accesses", emergencyWork.emergencyAccessesToReview(lead));
		Map<UUID, String> people = new HashMap<>();
		staffDirectory.staffOf(lead.municipalityId()).forEach(person -> people.put(person.id(), person.displayName()));
		model.addAttribute("people", people);
		return "citizen/emergency-review";
	}

	@PostMapping("/personale/noedadgang/{id}/set")
	@AccessRule(value = Audience.TEAM_LEADS, scope = Scope.EMERGENCY_ACCESS)
	String markSeen(@PathVariable UUID id, RedirectAttributes redirect) {
		emergencyWork.markEmergencyAccessSeen(CurrentStaff.get(), id);
		redirect.addFlashAttribute("message", "Nødadgangen er markeret som set.");
		return "redirect:/personale/noedadgang";
	}
}
