package dk.helhed.identity.web;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.RequestDataValueProcessor;

import dk.helhed.identity.CurrentStaff;

/**
 * Every form a logged-in staff member sends with a CSRF token also names who filled it in, in a hidden field, so that a
 * form arriving after the session expired can be given back to the same person only ({@link UnsentForm}). The field
 * is added where Spring Security adds the CSRF token, to Spring Security's own processor of form data; it decides
 * nothing else (a page holding it is the person's own).
 */
@Component
class FormOwnerField implements BeanPostProcessor {

	/** Spring Security's bean, which Thymeleaf asks for a form's hidden fields. */
	private static final String PROCESSOR = "requestDataValueProcessor";

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (PROCESSOR.equals(beanName) && bean instanceof RequestDataValueProcessor processor) {
			return new WithOwner(processor);
		}
		return bean;
	}

	private record WithOwner(RequestDataValueProcessor delegate) implements RequestDataValueProcessor {

		@Override
		public String processAction(HttpServletRequest request, String action, String httpMethod) {
			return delegate.processAction(request, action, httpMethod);
		}

		@Override
		public String processFormFieldValue(HttpServletRequest request, String name, String value, String type) {
			return delegate.processFormFieldValue(request, name, value, type);
		}

		@Override
		public Map<String, String> getExtraHiddenFields(HttpServletRequest request) {
			var fields = delegate.getExtraHiddenFields(request);
			var staff = CurrentStaff.find();
			if (fields == null || fields.isEmpty() || staff.isEmpty()) {
				return fields;
			}
			var withOwner = new LinkedHashMap<>(fields);
			withOwner.put(UnsentForm.OWNER_FIELD, staff.get().id().toString());
			return withOwner;
		}

		@Override
		public String processUrl(HttpServletRequest request, String url) {
			return delegate.processUrl(request, url);
		}
	}
}
