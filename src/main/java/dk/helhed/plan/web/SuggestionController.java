package dk.helhed.plan.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dk.helhed.catalog.ServiceStatus;
import dk.helhed.catalog.ServiceSuggestions.Suggestion;
import dk.helhed.catalog.Services;
import dk.helhed.citizen.CaseAccess;
import dk.helhed.citizen.CaseUse;
import dk.helhed.citizen.CaseView;
import dk.helhed.identity.CurrentStaff;
import dk.helhed.platform.InvalidRequestException;
import dk.helhed.platform.web.AccessRule;
import dk.helhed.platform.web.AccessRule.Audience;
import dk.helhed.platform.web.AccessRule.Scope;
import dk.helhed.platform.web.FormFields;
import dk.helhed.plan.internal.PlanResource;
import dk.helhed.plan.internal.Plans;
import dk.helhed.plan.internal.Suggestions;

/**
 * "Forslag til indsatser" for a goal of the plan: the services the catalog suggests, with the reasons each fits, and
 * one form per suggestion that adds it to the plan as an action under the goal (the service's owning unit
 * responsible, from today). The page works without JavaScript; with htmx the plan page loads the list under the goal.
 */
@Controller
class SuggestionController {

	private final CaseAccess caseAccess;
	private final Suggestions suggestions;
	private final Plans plans;
	private final Services services;
	private final MessageSource messages;
	private final Clock clock;

	SuggestionController(CaseAccess caseAccess, Suggestions suggestions, Plans plans, Services services,
			MessageSource messages, Clock clock) {
		this.services = services;
		this.caseAccess = caseAccess;
		this.suggestions = suggestions;
		this.plans = plans;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping("/personale/borgere/{id}/plan/maal/{goalId}/forslag")
	@AccessRule(value = Audience.CASE_WORKERS, scope = Scope.CITIZEN)
	String suggestions(@PathVariable UUID id, @PathVariable UUID goalId,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Model model,
			HttpServletResponse response) {
		var view = caseAccess.open(CurrentStaff.get(), id, CaseUse.read(PlanResource.PLAN));
		page(view, goalId, Map.of(), model);
		response.setHeader("Cache-Control", "no-store");
		return htmx != null ? "plan/suggestions :: list" : "plan/suggestions";
	}

	@PostMapping("/personale/borgere/{id}/plan/maal/{goalId}/forslag")
	@AccessRule(value = Audience.CASE_WORKERS, scope = Scope.CITIZEN_CASE)
	String add(@PathVariable UUID id, @PathVariable UUID goalId, @RequestParam Map<String, String> fields,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		var view = caseAccess.open(CurrentStaff.get(), id, CaseUse.update(PlanResource.PLAN, null));
		// the goal must be one the view shows; the service need not still be among the first suggestions (free
		// places and opening hours move them), only one of the municipality's active services
		suggestions.forGoal(view, goalId);
		var locale = LocaleContextHolder.getLocale();
		var chosen = FormFields.uuid(fields.get("ydelse"));
		var service = chosen == null ? null
				: services.find(view.municipalityId(), chosen)
					.filter(found -> found.status() == ServiceStatus.ACTIVE)
					.orElse(null);
		Map<String, String> errors = new LinkedHashMap<>();
		if (service == null) {
			errors.put("ydelse", messages.getMessage("suggestion.service.invalid", null, locale));
		}
		else {
			try {
				plans.addAction(view, CurrentStaff.get(), goalId, service.owningUnitId(), service.id(), service.name(),
						LocalDate.now(clock), null);
				redirect.addFlashAttribute("message",
						messages.getMessage("suggestion.added", new Object[] { service.name() }, locale));
				return "redirect:/personale/borgere/" + id + "/plan#maal-" + goalId;
			}
			catch (InvalidRequestException ex) {
				errors.put("ydelse", ex.getMessage());
			}
		}
		response.setStatus(400);
		page(view, goalId, errors, model);
		return "plan/suggestions";
	}

	private void page(CaseView view, UUID goalId, Map<String, String> errors, Model model) {
		var forGoal = suggestions.forGoal(view, goalId);
		var locale = LocaleContextHolder.getLocale();
		Map<UUID, List<String>> reasons = new LinkedHashMap<>();
		forGoal.suggestions().forEach(suggestion -> reasons.put(suggestion.service().id(), reasons(suggestion, locale)));
		model.addAttribute("citizen", view.citizen());
		model.addAttribute("goal", forGoal.goal());
		model.addAttribute("suggestions", forGoal.suggestions());
		model.addAttribute("reasons", reasons);
		model.addAttribute("canWork", view.ownCase());
		model.addAttribute("errors", errors);
	}

	private List<String> reasons(Suggestion suggestion, Locale locale) {
		return suggestion.reasons().stream().map(reason -> switch (reason) {
			case SITUATION -> message("suggestion.reason.SITUATION", locale, suggestion.situations()
				.stream()
				.map(situation -> messages.getMessage("situation." + situation, null, situation.name(), locale))
				.sorted()
				.collect(Collectors.joining(", ")));
			case AGE -> message("suggestion.reason.AGE", locale, age(suggestion, locale));
			case FREE_PLACES -> message("suggestion.reason.FREE_PLACES", locale, suggestion.freePlaces());
			default -> message("suggestion.reason." + reason.name(), locale);
		}).toList();
	}

	private String age(Suggestion suggestion, Locale locale) {
		if (suggestion.minimumAge() != null && suggestion.maximumAge() != null) {
			return message("suggestion.age.range", locale, suggestion.minimumAge(), suggestion.maximumAge());
		}
		return suggestion.minimumAge() != null ? message("suggestion.age.from", locale, suggestion.minimumAge())
				: message("suggestion.age.to", locale, suggestion.maximumAge());
	}

	private String message(String key, Locale locale, Object... arguments) {
		return messages.getMessage(key, arguments, locale);
	}
}
