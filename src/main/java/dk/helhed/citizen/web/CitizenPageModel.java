package dk.helhed.citizen.web;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What every case-work page formats its values with: dates, times and codes in Danish.
 */
@ControllerAdvice(basePackageClasses = CitizenPageModel.class)
class CitizenPageModel {

	@ModelAttribute("labels")
	Labels labels() {
		return Labels.DANISH_LABELS;
	}
}
