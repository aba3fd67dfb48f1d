package dk.helhed.participation.web;

import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dk.helhed.catalog.Services;
import dk.helhed.identity.CurrentStaff;
import dk.helhed.identity.StaffMember;
import dk.helhed.municipality.Municipalities;
import dk.helhed.participation.internal.Bodies;
import dk.helhed.participation.internal.Body;
import dk.helhed.participation.internal.InvalidInput;
import dk.helhed.participation.internal.Meetings;
import dk.helhed.participation.internal.Meetings.NewMeeting;
import dk.helhed.participation.internal.Proposal;
import dk.helhed.participation.internal.Proposals;
import dk.helhed.participation.internal.Proposals.NewProposal;
import dk.helhed.platform.NotFoundException;
import dk.helhed.platform.web.AccessRule;
import dk.helhed.platform.web.AccessRule.Audience;
import dk.helhed.platform.web.AccessRule.Scope;

/**
 * The participation coordinator's pages: the proposals to answer and to moderate, entering a proposal on behalf of
 * a citizen met in person, planning meetings, their agenda and minutes.
 */
@Controller
@AccessRule(Audience.PARTICIPATION_COORDINATORS)
class ParticipationStaffController {

	private static final String ID = "{id:[0-9a-f-]{36}}";

	private final Bodies bodies;
	private final Meetings meetings;
	private final Proposals proposals;
	private final Municipalities municipalities;
	private final Services services;
	private final Clock clock;

	ParticipationStaffController(Bodies bodies, Meetings meetings, Proposals proposals, Municipalities municipalities,
			Services services, Clock clock) {
		this.services = services;
		this.bodies = bodies;
		this.meetings = meetings;
		this.proposals = proposals;
		this.municipalities = municipalities;
		this.clock = clock;
	}

	/** What the coordinator typed for a proposal entered on a citizen's behalf. */
	record OnBehalfForm(String body, String kind, String title, String text, String area, String service,
			String note) {
	}

	record MeetingForm(String body, String title, String date, String starts, String ends, String mode, String place,
			String onlineUrl, String registration, String slots) {
	}

	@GetMapping("/personale/dialog")
	String overview(Model model) {
		var staff = CurrentStaff.get();
		common(staff, model);
		var all = proposals.allOf(staff.municipalityId());
		model.addAttribute("held", all.stream().filter(Proposal::isHeld).toList());
		model.addAttribute("hidden", all.stream().filter(p -> p.isHidden() || p.reportCount() > 0 && p.isPublic()).toList());
		model.addAttribute("unanswered", all.stream()
			.filter(p -> !p.isWithdrawn() && (!p.hasPublishedAnswer() || p.answerWaiting()))
			.toList());
		model.addAttribute("meetings", meetings.of(staff.municipalityId(), null).reversed());
		return "participation/staff-overview";
	}

	@GetMapping("/personale/dialog/forslag/" + ID)
	@AccessRule(value = Audience.PARTICIPATION_COORDINATORS, scope = Scope.PARTICIPATION)
	String proposal(@PathVariable String id, Model model) {
		var staff = CurrentStaff.get();
		return proposalPage(staff, proposals.get(staff.municipalityId(), parse(id)), Map.of(), null, model);
	}

	@PostMapping("/personale/dialog/forslag/" + ID + "/svar")
	@AccessRule(value = Audience.PARTICIPATION_COORDINATORS, scope = Scope.PARTICIPATION)
	String answer(@PathVariable String id, @RequestParam(required = false) String state,
			@RequestParam(required = false) String answer, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		var staff = CurrentStaff.get();
		var proposal = proposals.get(staff.municipalityId(), parse(id));
		try {
			proposals.answer(staff, proposal.id(), state, answer);
			redirect.addFlashAttribute("message", "Svaret er gemt. Det er ikke offentligt, før du offentliggør det.");
			return "redirect:/personale/dialog/forslag/" + proposal.id();
		}
		catch (InvalidInput ex) {
			response.setStatus(ex.status());
			return proposalPage(staff, proposal, ex.errors(), Map.of("state", String.valueOf(state), "answer",
					String.valueOf(answer)), model);
		}
	}

	@PostMapping("/personale/dialog/forslag/" + ID + "/offentliggoer")
	@AccessRule(value = Audience.PARTICIPATION_COORDINATORS, scope = Scope.PARTICIPATION)
	String publish(@PathVariable String id, Model model, HttpServletResponse response, RedirectAttributes redirect) {
		var staff = CurrentStaff.get();
		var proposal = proposals.get(staff.municipalityId(), parse(id));
		try {
			proposals.publishAnswer(staff, proposal.id());
			redirect.addFlashAttribute("message", "Svaret er offentliggjort. Borgeren kan læse det med sin kode.");
			return "redirect:/personale/dialog/forslag/" + proposal.id();
		}
		catch (InvalidInput ex) {
			response.setStatus(ex.status());
			return proposalPage(staff, proposal, ex.errors(), null, model);
		}
	}

	@PostMapping("/personale/dialog/forslag/" + ID + "/skjul")
	@AccessRule(value = Audience.PARTICIPATION_COORDINATORS, scope = Scope.PARTICIPATION)
	String hide(@PathVariable String id, @RequestParam(required = false) String reason, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		var staff = CurrentStaff.get();
		var proposal = proposals.get(staff.municipalityId(), parse(id));
		try {
			proposals.hide(staff, proposal.id(), reason);
			redirect.addFlashAttribute("message", "Forslaget er skjult. Borgeren kan se hvorfor med sin kode.");
			return "redirect:/personale/dialog/forslag/" + proposal.id();
		}
		catch (InvalidInput ex) {
			response.setStatus(ex.status());
			return proposalPage(staff, proposal, ex.errors(), Map.of("reason", String.valueOf(reason)), model);
		}
	}

	@PostMapping("/personale/dialog/forslag/" + ID + "/gendan")
	@AccessRule(value = Audience.PARTICIPATION_COORDINATORS, scope = Scope.PARTICIPATION)
	String restore(@PathVariable String id, Model model, HttpServletResponse response, RedirectAttributes redirect) {
		var staff = CurrentStaff.get();
		var proposal = proposals.get(staff.municipalityId(), parse(id));
		try {
			proposals.restore(staff, proposal.id());
			redirect.addFlashAttribute("message", "Forslaget er offentligt igen.");
			return "redirect:/personale/dialog/forslag/" + proposal.id();
		}
		catch (InvalidInput ex) {
			response.setStatus(ex.status());
			return proposalPage(staff, proposal, ex.errors(), null, model);
		}
	}

	@PostMapping("/personale/dialog/forslag/" + ID + "/ignorer")
	@AccessRule(value = Audience.PARTICIPATION_COORDINATORS, scope = Scope.PARTICIPATION)
	String ignoreReports(@PathVariable String id, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		var staff = CurrentStaff.get();
		var proposal = proposals.get(staff.municipalityId(), parse(id));
		try {
			proposals.ignoreReports(staff, proposal.id());
			redirect.addFlashAttribute("message", "Anmeldelserne tæller ikke længere.");
			return "redirect:/personale/dialog/forslag/" + proposal.id();
		}
		catch (InvalidInput ex) {
			response.setStatus(ex.status());
			return proposalPage(staff, proposal, ex.errors(), null, model);
		}
	}

	@GetMapping("/personale/dialog/forslag/ny")
	String onBehalfForm(Model model) {
		var staff = CurrentStaff.get();
		return onBehalfPage(staff, new OnBehalfForm(null, null, null, null, null, null, null), Map.of(), model);
	}

	@PostMapping("/personale/dialog/forslag")
	String enterOnBehalf(@ModelAttribute OnBehalfForm form, Model model, HttpServletResponse response) {
		var staff = CurrentStaff.get();
		try {
			var receipt = proposals.enterOnBehalf(staff, new NewProposal(form.body(), form.kind(), form.title(),
					form.text(), form.area(), form.service()), form.note());
			// Shown once, here, to be written down or printed for the citizen: only its hash is kept.
			common(staff, model);
			model.addAttribute("receipt", receipt);
			return "participation/staff-receipt";
		}
		catch (InvalidInput ex) {
			response.setStatus(ex.status());
			return onBehalfPage(staff, form, ex.errors(), model);
		}
	}

	@GetMapping("/personale/dialog/moeder/ny")
	String meetingForm(Model model) {
		var staff = CurrentStaff.get();
		return meetingFormPage(staff, new MeetingForm(null, null, null, "17:00", "19:00", "IN_PERSON", null, null, null,
				null), Map.of(), model);
	}

	@PostMapping("/personale/dialog/moeder")
	String plan(@ModelAttribute MeetingForm form, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		var staff = CurrentStaff.get();
		try {
			var id = meetings.plan(staff, new NewMeeting(form.body(), form.title(), form.date(), form.starts(), form.ends(),
					form.mode(), form.place(), form.onlineUrl(), form.registration(), form.slots()));
			redirect.addFlashAttribute("message", "Mødet er planlagt og kan ses på den offentlige side.");
			return "redirect:/personale/dialog/moeder/" + id;
		}
		catch (InvalidInput ex) {
			response.setStatus(ex.status());
			return meetingFormPage(staff, form, ex.errors(), model);
		}
	}

	@GetMapping("/personale/dialog/moeder/" + ID)
	@AccessRule(value = Audience.PARTICIPATION_COORDINATORS, scope = Scope.PARTICIPATION)
	String meeting(@PathVariable String id, Model model) {
		var staff = CurrentStaff.get();
		return meetingPage(staff, parse(id), Map.of(), Map.of(), model);
	}

	@PostMapping("/personale/dialog/moeder/" + ID + "/punkter")
	@AccessRule(value = Audience.PARTICIPATION_COORDINATORS, scope = Scope.PARTICIPATION)
	String addItem(@PathVariable String id, @RequestParam(required = false) String title,
			@RequestParam(required = false) String description, @RequestParam(required = false) String proposal,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		var staff = CurrentStaff.get();
		var meeting = meetings.get(staff.municipalityId(), parse(id));
		try {
			meetings.addItem(staff, meeting.id(), title, description, proposal);
			redirect.addFlashAttribute("message", "Punktet er sat på dagsordenen.");
			return "redirect:/personale/dialog/moeder/" + meeting.id();
		}
		catch (InvalidInput ex) {
			response.setStatus(ex.status());
			Map<String, String> typed = new HashMap<>();
			typed.put("title", title);
			typed.put("description", description);
			typed.put("proposal", proposal);
			return meetingPage(staff, meeting.id(), ex.errors(), typed, model);
		}
	}

	@PostMapping("/personale/dialog/moeder/" + ID + "/referat")
	@AccessRule(value = Audience.PARTICIPATION_COORDINATORS, scope = Scope.PARTICIPATION)
	String publishMinutes(@PathVariable String id, @RequestParam Map<String, String> params, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		var staff = CurrentStaff.get();
		var meeting = meetings.get(staff.municipalityId(), parse(id));
		Map<Integer, String> decisions = new LinkedHashMap<>();
		for (var item : meeting.agenda()) {
			decisions.put(item.position(), params.get("decision-" + item.position()));
		}
		try {
			meetings.publishMinutes(staff, meeting.id(), params.get("minutes"), params.get("attendees"), decisions);
			redirect.addFlashAttribute("message", "Referatet er offentliggjort.");
			return "redirect:/personale/dialog/moeder/" + meeting.id();
		}
		catch (InvalidInput ex) {
			response.setStatus(ex.status());
			Map<String, String> typed = new HashMap<>(params);
			return meetingPage(staff, meeting.id(), ex.errors(), typed, model);
		}
	}

	// Pages

	private String proposalPage(StaffMember staff, Proposal proposal, Map<String, String> errors,
			Map<String, String> typed, Model model) {
		common(staff, model);
		model.addAttribute("proposal", proposal);
		model.addAttribute("body", bodies.find(staff.municipalityId(), proposal.bodyId()).orElseThrow());
		model.addAttribute("moderation", proposals.moderationOf(staff.municipalityId(), proposal.id()));
		model.addAttribute("discussedAt", meetings.discussing(proposal).orElse(null));
		model.addAttribute("ownProposal", staff.id().equals(proposal.enteredBy()));
		model.addAttribute("errors", errors);
		model.addAttribute("typed", typed == null ? Map.of() : typed);
		return "participation/staff-proposal";
	}

	private String onBehalfPage(StaffMember staff, OnBehalfForm form, Map<String, String> errors, Model model) {
		common(staff, model);
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("maxTitle", Proposals.MAX_TITLE);
		model.addAttribute("maxText", Proposals.MAX_TEXT);
		return "participation/staff-on-behalf";
	}

	private String meetingFormPage(StaffMember staff, MeetingForm form, Map<String, String> errors, Model model) {
		common(staff, model);
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		return "participation/staff-meeting-new";
	}

	private String meetingPage(StaffMember staff, UUID id, Map<String, String> errors, Map<String, String> typed,
			Model model) {
		common(staff, model);
		var meeting = meetings.get(staff.municipalityId(), id);
		model.addAttribute("meeting", meeting);
		model.addAttribute("body", bodies.find(staff.municipalityId(), meeting.bodyId()).orElseThrow());
		model.addAttribute("errors", errors);
		model.addAttribute("typed", typed);
		model.addAttribute("started", !meeting.startsAt().isAfter(clock.instant()));
		return "participation/staff-meeting";
	}

	private void common(StaffMember staff, Model model) {
		var municipality = municipalities.findById(staff.municipalityId()).orElseThrow();
		model.addAttribute("municipality", municipality);
		model.addAttribute("zone", Meetings.LOCAL_TIME);
		List<Body> all = bodies.of(staff.municipalityId());
		model.addAttribute("bodies", all);
		Map<UUID, String> names = new HashMap<>();
		all.forEach(body -> names.put(body.id(), body.name()));
		model.addAttribute("bodyNames", names);
		model.addAttribute("states", proposals.statesByKey(staff.municipalityId()));
		Map<String, String> areas = new LinkedHashMap<>();
		municipalities.strategyOf(staff.municipalityId())
			.ifPresent(strategy -> strategy.focusAreas().forEach(area -> areas.put(area.key(), area.name())));
		model.addAttribute("areas", areas);
		Map<String, String> serviceNames = new LinkedHashMap<>();
		services.activeOf(staff.municipalityId()).forEach(service -> serviceNames.put(service.key(), service.name()));
		model.addAttribute("serviceNames", serviceNames);
	}

	private static UUID parse(String id) {
		try {
			return UUID.fromString(id);
		}
		catch (IllegalArgumentException ex) {
			throw new NotFoundException("Findes ikke.");
		}
	}
}
