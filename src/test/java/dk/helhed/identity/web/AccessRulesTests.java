package dk.helhed.identity.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.context.support.StaticWebApplicationContext;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import dk.helhed.platform.web.AccessRule;
import dk.helhed.platform.web.AccessRule.Audience;
import dk.helhed.platform.web.AccessRule.Scope;

/**
 * What happens when someone adds an endpoint and forgets its access rule, or gives a staff endpoint an address
 * outside the signed-in area: the application refuses to start, naming the endpoint, and a request that reached
 * such a handler anyway would be refused.
 */
class AccessRulesTests {

	@Controller
	static class Forgotten {

		@GetMapping("/personale/glemt")
		@ResponseBody
		String forgotten() {
			return "personal data";
		}

		@GetMapping("/personale/regel")
		@AccessRule(Audience.CASE_WORKERS)
		@ResponseBody
		String ruled() {
			return "ok";
		}
	}

	@Controller
	@AccessRule(Audience.TEAM_LEADS)
	static class OutsideTheStaffArea {

		@GetMapping("/leder")
		@ResponseBody
		String lead() {
			return "for leads";
		}
	}

	@Controller
	static class PublicWithPersonalData {

		@GetMapping("/offentlig")
		@AccessRule(value = Audience.EVERYONE, scope = Scope.CITIZEN)
		@ResponseBody
		String open() {
			return "citizen";
		}
	}

	@Test
	void anEndpointWithoutAnAccessRuleStopsTheApplicationFromStarting() {
		var context = context(Forgotten.class);
		var rules = new AccessRules(context, event -> {
		}, Clock.systemUTC());
		assertThatThrownBy(rules::afterSingletonsInstantiated).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("/personale/glemt")
			.hasMessageContaining("declares no @AccessRule")
			.hasMessageNotContaining("/personale/regel");
	}

	@Test
	void aRequestThatReachesAHandlerWithoutARuleIsRefused() throws Exception {
		List<Object> events = new ArrayList<>();
		var rules = new AccessRules(context(Forgotten.class), events::add, Clock.systemUTC());
		var handler = new HandlerMethod(new Forgotten(), Forgotten.class.getDeclaredMethod("forgotten"));
		assertThatThrownBy(() -> rules.preHandle(new MockHttpServletRequest("GET", "/personale/glemt"),
				new MockHttpServletResponse(), handler))
			.isInstanceOf(AccessDeniedException.class);
	}

	@Test
	void aStaffEndpointOutsideTheSignedInAreaAndAPublicEndpointWithPersonalDataAreProblems() {
		var outside = mapping(context(OutsideTheStaffArea.class));
		assertThat(AccessRules.problems(outside.getHandlerMethods())).singleElement()
			.asString()
			.contains("/leder", "outside /personale");
		var open = mapping(context(PublicWithPersonalData.class));
		assertThat(AccessRules.problems(open.getHandlerMethods())).singleElement()
			.asString()
			.contains("/offentlig", "personal data");
	}

	private static StaticWebApplicationContext context(Class<?> controller) {
		var context = new StaticWebApplicationContext();
		context.registerSingleton("controller", controller);
		context.refresh();
		context.getBeanFactory().registerSingleton("requestMappingHandlerMapping", mapping(context));
		return context;
	}

	private static RequestMappingHandlerMapping mapping(StaticWebApplicationContext context) {
		var mapping = new RequestMappingHandlerMapping();
		mapping.setApplicationContext(context);
		mapping.afterPropertiesSet();
		return mapping;
	}
}
