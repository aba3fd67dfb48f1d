package dk.helhed.identity.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The staff login page. Spring Security handles the form's POST to the same address.
 */
@Controller
class LoginController {

	@GetMapping("/log-ind")
	String login() {
		return "identity/login";
	}
}
