package dk.helhed.referral.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dk.helhed.identity.CurrentStaff;
import dk.helhed.platform.InvalidRequestException;
import dk.helhed.platform.web.AccessRule;
import dk.helhed.platform.web.AccessRule.Audience;
import dk.helhed.platform.web.FormFields;
import dk.helhed.referral.internal.PlaceStore.Allocation;
import dk.helhed.referral.internal.PlaceStore.Kind;
import dk.helhed.referral.internal.PlaceStore.Urgency;
import dk.helhed.referral.internal.PlaceWork;

/**
 * The places of the services a unit gives out, and their waiting lists: the overview, one service's places with its
 * forms, and a confirmation page before each move that cannot be undone. Every form works without JavaScript; a form
 * with mistakes is shown again with a Danish message at the field and nothing changed. Citizens' names come only
 * through the access gate ({@link PlaceWork} asks it).
 */
@Controller
class PlacesController {

	static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d. MMMM yyyy", Locale.of("da"));

	static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("d. MMMM yyyy 'kl.' HH.mm",
			Locale.of("da"));

	static final ZoneId DANISH_TIME = ZoneId.of("Europe/Copenhagen");

	private final PlaceWork places;
	private final Clock clock;

	PlacesController(PlaceWork places, Clock clock) {
		this.places = places;
		this.clock = clock;
	}

	@GetMapping("/personale/pladser")
	@AccessRule(Audience.CASE_WORKERS)
	String overview(Model model) {
		model.addAttribute("services", places.overview(CurrentStaff.get()));
		return "referral/places";
	}

	@GetMapping("/personale/pladser/{serviceId}")
	@AccessRule(value = Audience.CASE_WORKERS, personalData = true)
	String service(@PathVariable UUID serviceId, @RequestParam(name = "borger", required = false) String citizen,
			@RequestParam(name = "henvisning", required = false) String referral, Model model) {
		Map<String, String> sent = new HashMap<>();
		var citizenId = FormFields.uuid(citizen);
		if (citizenId != null) {
			sent.put("borger", citizenId.toString());
		}
		var referralId = FormFields.uuid(referral);
		if (referralId != null) {
			sent.put("henvisning", referralId.toString());
		}
		return page(serviceId, Map.of(), sent, model);
	}

	private String page(UUID serviceId, Map<String, String> errors, Map<String, String> sent, Model model) {
		var view = places.servicePlaces(CurrentStaff.get(), serviceId);
		model.addAttribute("view", view);
		model.addAttribute("errors", errors);
		model.addAttribute("sent", sent);
		Map<String, String> urgencyLabels = new LinkedHashMap<>();
		for (var urgency : Urgency.values()) {
			urgencyLabels.put(urgency.name(), new Format().urgency(urgency));
		}
		model.addAttribute("urgencyLabels", urgencyLabels);
		model.addAttribute("today", LocalDate.now(clock));
		model.addAttribute("format", new Format());
		var chosen = FormFields.uuid(sent.get("borger"));
		model.addAttribute("chosenOutsideOwnCases",
				chosen != null && view.citizens().stream().noneMatch(candidate -> candidate.id().equals(chosen)));
		return "referral/service-places";
	}

	/** How the page writes dates, times and codes in Danish. */
	static final class Format {

		public String date(LocalDate date) {
			return date == null ? "" : DATE.format(date);
		}

		public String time(java.time.Instant instant) {
			return instant == null ? "" : DATE_TIME.format(instant.atZone(DANISH_TIME));
		}

		public String urgency(Urgency urgency) {
			return switch (urgency) {
				case ACUTE -> "Akut";
				case HIGH -> "Høj";
				case NORMAL -> "Almindelig";
			};
		}

		public String consequence(String code) {
			return switch (code == null ? "" : code) {
				case "BACK_ON_LIST" -> "Borgeren kommer tilbage på ventelisten på sin plads. Pladsen går til den næste.";
				case "OFF_LIST" -> "Borgeren tages af ventelisten. Pladsen går til den næste.";
				default -> "Pladsen går til den næste på ventelisten.";
			};
		}

		public String days(java.time.Duration duration) {
			long days = duration.toDays();
			return days == 1 ? "1 dag" : days + " dage";
		}
	}

	interface Step {

		/** Carries the form out and returns the receipt, or returns null with the form's mistakes in errors. */
		String apply(Map<String, String> errors);
	}

	private String submit(UUID serviceId, Map<String, String> fields, String form, Step step, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		Map<String, String> errors = new LinkedHashMap<>();
		try {
			var receipt = step.apply(errors);
			if (receipt != null && errors.isEmpty()) {
				redirect.addFlashAttribute("message", receipt);
				return "redirect:/personale/pladser/" + serviceId + "#kvittering";
			}
		}
		catch (InvalidRequestException ex) {
			errors.put(form, ex.getMessage());
		}
		response.setStatus(400);
		Map<String, String> sent = new HashMap<>();
		fields.forEach((name, value) -> sent.put(name, value == null || value.length() > 200 ? "" : value));
		return page(serviceId, errors, sent, model);
	}

	private String now() {
		return DATE_TIME.format(clock.instant().atZone(DANISH_TIME));
	}

	private static UUID required(Map<String, String> errors, String field, String value, String message) {
		var id = FormFields.uuid(value);
		if (id == null) {
			errors.put(field, message);
		}
		return id;
	}

	// Offers and the waiting list

	@PostMapping("/personale/pladser/{serviceId}/tilbud")
	@AccessRule(value = Audience.CASE_WORKERS, personalData = true)
	String offer(@PathVariable UUID serviceId, @RequestParam Map<String, String> fields, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		return submit(serviceId, fields, "tilbud-borger", errors -> {
			var staff = CurrentStaff.get();
			Allocation hold;
			if ("ja".equals(fields.get("naeste"))) {
				hold = places.offerNext(staff, serviceId);
			}
			else {
				var citizen = required(errors, "tilbud-borger", fields.get("borger"),
						"Vælg den borger, der skal have tilbuddet.");
				if (citizen == null) {
					return null;
				}
				hold = places.offerPlace(staff, serviceId, citizen);
			}
			return "Kvittering: plads " + places.placeNumber(staff, hold.placeId()) + " er tilbudt "
					+ now() + ". Den holdes til " + DATE_TIME.format(hold.expiresAt().atZone(DANISH_TIME))
					+ ". Svarer borgeren ikke inden da, går pladsen til den næste på ventelisten.";
		}, model, response, redirect);
	}

	@PostMapping("/personale/pladser/{serviceId}/venteliste")
	@AccessRule(value = Audience.CASE_WORKERS, personalData = true)
	String waitingList(@PathVariable UUID serviceId, @RequestParam Map<String, String> fields, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		return submit(serviceId, fields, "venteliste-borger", errors -> {
			var citizen = required(errors, "venteliste-borger", fields.get("borger"),
					"Vælg den borger, der skal på ventelisten.");
			var urgency = FormFields.choice(errors, "hastegrad", fields.get("hastegrad"), Urgency.class,
					"Vælg, hvor meget sagen haster: akut, høj eller almindelig.");
			var requested = FormFields.date(errors, "soegt", fields.get("soegt"), true, "datoen for ansøgningen");
			if (!errors.isEmpty()) {
				return null;
			}
			var entry = places.putOnWaitingList(CurrentStaff.get(), serviceId, citizen, urgency, requested);
			return "Kvittering: borgeren er skrevet på ventelisten " + now() + " med hastegraden "
					+ new Format().urgency(entry.urgency()).toLowerCase(Locale.of("da")) + ".";
		}, model, response, redirect);
	}

	// Moves that cannot be undone: each asks first

	@PostMapping("/personale/pladser/{serviceId}/indflytning")
	@AccessRule(value = Audience.CASE_WORKERS, personalData = true)
	String moveIn(@PathVariable UUID serviceId, @RequestParam Map<String, String> fields, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		return move(serviceId, fields, "indflytning", Kind.HOLD, model, response, redirect);
	}

	@PostMapping("/personale/pladser/{serviceId}/afslag")
	@AccessRule(value = Audience.CASE_WORKERS, personalData = true)
	String decline(@PathVariable UUID serviceId, @RequestParam Map<String, String> fields, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		return move(serviceId, fields, "afslag", Kind.HOLD, model, response, redirect);
	}

	@PostMapping("/personale/pladser/{serviceId}/fraflytning")
	@AccessRule(value = Audience.CASE_WORKERS, personalData = true)
	String moveOut(@PathVariable UUID serviceId, @RequestParam Map<String, String> fields, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		return move(serviceId, fields, "fraflytning", Kind.OCCUPANCY, model, response, redirect);
	}

	private String move(UUID serviceId, Map<String, String> fields, String form, Kind kind, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		var staff = CurrentStaff.get();
		Map<String, String> errors = new LinkedHashMap<>();
		var field = form + "-anvisning";
		var id = FormFields.uuid(fields.get("anvisning"));
		var allocation = id == null ? null
				: places.allocationOf(staff, serviceId, id).filter(found -> found.kind() == kind).orElse(null);
		if (allocation == null) {
			errors.put(field, kind == Kind.HOLD ? "Vælg et tilbud, der stadig gælder, fra listen."
					: "Vælg en beboer fra listen.");
		}
		LocalDate plannedMoveOut = null;
		String reason = null;
		if (form.equals("indflytning")) {
			plannedMoveOut = FormFields.date(errors, "indflytning-fraflytning", fields.get("planlagt-fraflytning"),
					false, "den planlagte fraflytning");
			if (plannedMoveOut != null && !plannedMoveOut.isAfter(LocalDate.now(clock))) {
				errors.put("indflytning-fraflytning", "Den planlagte fraflytning skal ligge efter i dag.");
			}
		}
		if (form.equals("afslag")) {
			reason = FormFields.text(errors, "afslag-aarsag", fields.get("aarsag"), 40, true, false, "Årsagen");
			var chosen = reason;
			if (chosen != null && places.declineReasons().stream()
				.noneMatch(candidate -> candidate.code().equals(chosen))) {
				errors.put("afslag-aarsag", "Vælg en årsag fra listen.");
			}
		}
		if (!errors.isEmpty()) {
			response.setStatus(400);
			Map<String, String> sent = new HashMap<>();
			fields.forEach((name, value) -> sent.put(name, value == null || value.length() > 200 ? "" : value));
			return page(serviceId, errors, sent, model);
		}
		if (!"ja".equals(fields.get("bekraeft"))) {
			var pending = places.pending(staff, allocation);
			model.addAttribute("form", form);
			model.addAttribute("pending", pending);
			model.addAttribute("serviceId", serviceId);
			model.addAttribute("plannedMoveOut", plannedMoveOut);
			model.addAttribute("reason", reason == null ? null : places.declineReasons()
				.stream()
				.filter(candidate -> candidate.code().equals(fields.get("aarsag")))
				.findFirst()
				.orElse(null));
			model.addAttribute("format", new Format());
			model.addAttribute("fields", fields);
			return "referral/place-confirm";
		}
		var chosenReason = reason;
		var moveOutOn = plannedMoveOut;
		var target = allocation;
		return submit(serviceId, fields, field, ignored -> {
			var number = places.placeNumber(staff, target.placeId());
			return switch (form) {
				case "indflytning" -> {
					places.moveIn(staff, target.id(), moveOutOn);
					yield "Kvittering: borgeren er flyttet ind på plads " + number + " " + now() + "."
							+ (moveOutOn == null ? "" : " Planlagt fraflytning: " + DATE.format(moveOutOn) + ".");
				}
				case "afslag" -> {
					var declined = places.decline(staff, target.id(), chosenReason);
					yield "Kvittering: tilbuddet om plads " + number + " er afslået " + now() + " (" + declined.label()
							+ "). " + new Format().consequence(declined.consequence());
				}
				default -> {
					places.moveOut(staff, target.id());
					yield "Kvittering: borgeren er flyttet fra plads " + number + " " + now()
							+ ". Pladsen går til den næste på ventelisten.";
				}
			};
		}, model, response, redirect);
	}

	// Closing and opening a place: no citizen is concerned

	@PostMapping("/personale/pladser/{serviceId}/luk")
	@AccessRule(Audience.CASE_WORKERS)
	String close(@PathVariable UUID serviceId, @RequestParam Map<String, String> fields, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		return submit(serviceId, fields, "luk-plads", errors -> {
			var place = required(errors, "luk-plads", fields.get("plads"), "Vælg den plads, der skal lukkes.");
			var reason = FormFields.text(errors, "luk-begrundelse", fields.get("begrundelse"), 200, true, false,
					"Begrundelsen");
			if (!errors.isEmpty()) {
				return null;
			}
			var staff = CurrentStaff.get();
			places.close(staff, serviceId, place, reason);
			return "Kvittering: plads " + places.placeNumber(staff, place) + " er lukket " + now() + " (" + reason
					+ "). Den kan åbnes igen.";
		}, model, response, redirect);
	}

	@PostMapping("/personale/pladser/{serviceId}/genaabn")
	@AccessRule(Audience.CASE_WORKERS)
	String reopen(@PathVariable UUID serviceId, @RequestParam Map<String, String> fields, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		return submit(serviceId, fields, "genaabn-plads", errors -> {
			var place = required(errors, "genaabn-plads", fields.get("plads"), "Vælg den plads, der skal åbnes.");
			if (!errors.isEmpty()) {
				return null;
			}
			var staff = CurrentStaff.get();
			places.reopen(staff, serviceId, place);
			return "Kvittering: plads " + places.placeNumber(staff, place) + " er åbnet igen " + now()
					+ ". Står nogen på ventelisten, får den første tilbudt pladsen.";
		}, model, response, redirect);
	}
}
