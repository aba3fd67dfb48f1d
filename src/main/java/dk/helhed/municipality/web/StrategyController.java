package dk.helhed.municipality.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import dk.helhed.municipality.Municipalities;
import dk.helhed.platform.web.AccessRule;
import dk.helhed.platform.web.AccessRule.Audience;

/**
 * A municipality's strategy as a public page: vision, values, target group, focus areas with their commitments,
 * partners and targets.
 */
@Controller
@AccessRule(Audience.EVERYONE)
class StrategyController {

	private final Municipalities municipalities;

	StrategyController(Municipalities municipalities) {
		this.municipalities = municipalities;
	}

	@GetMapping("/{slug:[a-z0-9-]{1,60}}/strategi")
	String strategy(@PathVariable String slug, Model model) {
		var municipality = municipalities.getBySlug(slug);
		model.addAttribute("municipality", municipality);
		model.addAttribute("strategy", municipalities.strategyOf(municipality.id()).orElse(null));
		return "municipality/strategy";
	}
}
