package dk.helhed.identity.web;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import dk.helhed.identity.CurrentStaff;
import dk.helhed.identity.Role;
import dk.helhed.identity.StaffAccessRefused;
import dk.helhed.identity.StaffMember;
import dk.helhed.platform.web.AccessRule;
import dk.helhed.platform.web.AccessRule.Audience;

/**
 * Enforces the {@link AccessRule} of every request handler of the application, before it runs: a handler without a
 * rule is refused (deny by default), an endpoint for staff needs a signed-in staff member whom its audience admits,
 * and a refusal at an endpoint with personal data is published for the audit log. At start-up it checks that every
 * handler declares a rule and that every staff endpoint lies under {@code /personale}, where signing in is required;
 * the application does not start otherwise.
 */
@Component
public class AccessRules implements HandlerInterceptor, WebMvcConfigurer, SmartInitializingSingleton {

	private static final Logger log = LoggerFactory.getLogger(AccessRules.class);

	private static final String APPLICATION_PACKAGE = "dk.helhed.";

	private static final String STAFF_AREA = "/personale";

	private final ApplicationContext context;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	AccessRules(ApplicationContext context, ApplicationEventPublisher events, Clock clock) {
		this.context = context;
		this.events = events;
		this.clock = clock;
	}

	/** The roles of which a staff member needs one to be in the audience; empty when any staff member will do. */
	public static Set<Role> rolesOf(Audience audience) {
		return switch (audience) {
			case EVERYONE, STAFF -> Set.of();
			case CATALOG_EDITORS -> Set.of(Role.CATALOG_EDITOR);
			case CASE_WORKERS -> Set.of(Role.CASEWORKER, Role.OUTREACH_WORKER, Role.TEAM_LEAD);
			case TEAM_LEADS -> Set.of(Role.TEAM_LEAD);
			case DATA_PROTECTION_OFFICERS -> Set.of(Role.DATA_PROTECTION_OFFICER);
			case ADMINISTRATORS -> Set.of(Role.ADMINISTRATOR);
			case PARTICIPATION_COORDINATORS -> Set.of(Role.PARTICIPATION_COORDINATOR);
		};
	}

	/** The staff member is in the audience (nobody signed in is in any audience but everyone). */
	public static boolean admits(Audience audience, StaffMember staff) {
		var roles = rolesOf(audience);
		return audience == Audience.EVERYONE || roles.isEmpty() || roles.stream().anyMatch(staff::has);
	}

	/** The rule a handler declares on its method or its class, or null. */
	public static AccessRule ruleOf(HandlerMethod handler) {
		var rule = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), AccessRule.class);
		return rule != null ? rule : AnnotatedElementUtils.findMergedAnnotation(handler.getBeanType(), AccessRule.class);
	}

	/** The handler belongs to the application (not to a library such as the OpenAPI documentation). */
	public static boolean isApplicationHandler(HandlerMethod handler) {
		return handler.getBeanType().getName().startsWith(APPLICATION_PACKAGE);
	}

	/** Requests to this endpoint show, search, change or export personal data. */
	public static boolean touchesPersonalData(AccessRule rule) {
		return rule.personalData() || rule.scope().isCitizen();
	}

	/** What is wrong with the rules of these handlers: one line per endpoint, empty when all is well. */
	public static List<String> problems(Map<RequestMappingInfo, HandlerMethod> handlers) {
		List<String> problems = new ArrayList<>();
		handlers.forEach((mapping, handler) -> {
			if (!isApplicationHandler(handler)) {
				return;
			}
			var rule = ruleOf(handler);
			if (rule == null) {
				problems.add(mapping + " (" + handler.getShortLogMessage() + ") declares no @AccessRule");
				return;
			}
			if (rule.value() != Audience.EVERYONE) {
				for (var pattern : mapping.getPatternValues()) {
					if (!pattern.equals(STAFF_AREA) && !pattern.startsWith(STAFF_AREA + "/")) {
						problems.add(mapping + " (" + handler.getShortLogMessage() + ") is for " + rule.value()
								+ " but lies outside " + STAFF_AREA + ", where signing in is not required");
					}
				}
			}
			else if (touchesPersonalData(rule)) {
				problems.add(mapping + " (" + handler.getShortLogMessage() + ") is open to everyone but touches personal data");
			}
			else if (rule.scope() != AccessRule.Scope.NONE) {
				problems.add(mapping + " (" + handler.getShortLogMessage() + ") is open to everyone but names a scope");
			}
		});
		return problems;
	}

	@Override
	public void afterSingletonsInstantiated() {
		// Looked up here rather than injected: the handler mapping is built with this interceptor in it.
		var handlerMapping = context.getBean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class);
		var problems = problems(handlerMapping.getHandlerMethods());
		if (!problems.isEmpty()) {
			throw new IllegalStateException("Every endpoint needs a sound access rule:\n  " + String.join("\n  ", problems));
		}
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(this);
	}

	/** The citizen a request is about: the {@code {id}} of an endpoint whose scope is one citizen. */
	private static UUID citizenOf(AccessRule rule, HttpServletRequest request) {
		if (rule.scope() != AccessRule.Scope.CITIZEN && rule.scope() != AccessRule.Scope.CITIZEN_CASE) {
			return null;
		}
		if (request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?, ?> variables
				&& variables.get("id") instanceof String id) {
			try {
				return UUID.fromString(id);
			}
			catch (IllegalArgumentException ex) {
				return null;
			}
		}
		return null;
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		if (!(handler instanceof HandlerMethod method) || !isApplicationHandler(method)) {
			return true;
		}
		var rule = ruleOf(method);
		if (rule == null) {
			log.error("Refused a request to {}, which declares no access rule", method.getShortLogMessage());
			throw new AccessDeniedException("No access rule declared");
		}
		if (rule.value() == Audience.EVERYONE) {
			return true;
		}
		var staff = CurrentStaff.find()
			.orElseThrow(() -> new AuthenticationCredentialsNotFoundException("Signing in is required"));
		if (!admits(rule.value(), staff)) {
			var endpoint = request.getMethod() + " "
					+ request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
			events.publishEvent(new StaffAccessRefused(staff, endpoint, touchesPersonalData(rule),
					"GET".equals(request.getMethod()), clock.instant(), citizenOf(rule, request)));
			throw new AccessDeniedException(rule.value() + " only");
		}
		return true;
	}
}
