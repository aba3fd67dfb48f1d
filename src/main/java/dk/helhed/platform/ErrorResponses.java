package dk.helhed.platform;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import org.springframework.web.servlet.support.RequestContextUtils;

import dk.helhed.platform.web.PageModel;

import tools.jackson.databind.json.JsonMapper;

/**
 * Every error ends here: the API answers with RFC 9457 Problem Details, pages with a friendly Danish page. Neither
 * shows internals; unexpected errors are logged with a reference the visitor can quote.
 */
@ControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class ErrorResponses {

	private static final Logger log = LoggerFactory.getLogger(ErrorResponses.class);
	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final MessageSource messages;

	ErrorResponses(MessageSource messages) {
		this.messages = messages;
	}

	@ExceptionHandler({ NotFoundException.class, NoResourceFoundException.class })
	ModelAndView notFound(HttpServletRequest request, Exception ex) {
		return ex instanceof NotFoundException ? respond(request, HttpStatus.NOT_FOUND, "error.notfound", ex.getMessage(), true)
				: respond(request, HttpStatus.NOT_FOUND, "error.notfound", text(request, "error.notfound.detail"), false);
	}

	@ExceptionHandler({ MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class,
			HttpMessageNotReadableException.class, ServletRequestBindingException.class,
			HandlerMethodValidationException.class, InvalidRequestException.class, RuleViolation.class })
	ModelAndView badRequest(HttpServletRequest request, Exception ex) {
		var detail = switch (ex) {
			case InvalidRequestException invalid -> invalid.getMessage();
			case RuleViolation violation -> violation.getMessage();
			case MethodArgumentTypeMismatchException mismatch -> text(request, "error.badrequest.value", mismatch.getName());
			case MissingServletRequestParameterException missing ->
				text(request, "error.badrequest.missing", missing.getParameterName());
			default -> text(request, "error.badrequest.detail");
		};
		return respond(request, HttpStatus.BAD_REQUEST, "error.badrequest", detail,
				ex instanceof InvalidRequestException || ex instanceof RuleViolation);
	}

	/**
	 * A field name that fits no form field as it is used ({@code cpr[0]} on a text field): the binder's message
	 * quotes the value, which may be a CPR number, so only the kind of problem is logged, as one line
	 * (security.md item 14a).
	 */
	@ExceptionHandler(org.springframework.beans.InvalidPropertyException.class)
	ModelAndView unknownField(HttpServletRequest request, Exception ex) {
		log.warn("Refused a malformed request: {} {} ({})", request.getMethod(),
				request.getRequestURI().replaceAll("[^A-Za-z0-9/_.-]", "?"), ex.getClass().getSimpleName());
		return respond(request, HttpStatus.BAD_REQUEST, "error.badrequest", text(request, "error.badrequest.detail"),
				false);
	}

	@ExceptionHandler(HttpRequestMethodNotSupportedException.class)
	ModelAndView methodNotAllowed(HttpServletRequest request, HttpServletResponse response,
			HttpRequestMethodNotSupportedException ex) {
		if (ex.getSupportedMethods() != null) {
			response.setHeader("Allow", String.join(", ", ex.getSupportedMethods()));
		}
		return respond(request, HttpStatus.METHOD_NOT_ALLOWED, "error.method",
				text(request, "error.method.detail", ex.getMethod()), false);
	}

	@ExceptionHandler(org.springframework.web.multipart.MultipartException.class)
	ModelAndView uploadRefused(HttpServletRequest request) {
		return respond(request, HttpStatus.CONTENT_TOO_LARGE, "error.upload", text(request, "error.upload.detail"),
				false);
	}

	@ExceptionHandler(HttpMediaTypeNotSupportedException.class)
	ModelAndView unsupportedMediaType(HttpServletRequest request) {
		return respond(request, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "error.mediatype",
				text(request, "error.mediatype.detail"), false);
	}

	@ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
	ModelAndView notAcceptable(HttpServletRequest request) {
		return respond(request, HttpStatus.NOT_ACCEPTABLE, "error.notacceptable",
				text(request, "error.notacceptable.detail"), false);
	}

	@ExceptionHandler(Exception.class)
	ModelAndView unexpected(HttpServletRequest request, Exception ex) throws Exception {
		if (ex.getClass().getName().startsWith("org.springframework.security.")) {
			throw ex; // access decisions belong to Spring Security's own handling
		}
		var reference = Long.toString(System.nanoTime() % 1_000_000_000L, 36);
		log.error("Unexpected error {} on {} {}", reference, request.getMethod(), request.getRequestURI(), ex);
		return respond(request, HttpStatus.INTERNAL_SERVER_ERROR, "error.unexpected",
				text(request, "error.unexpected.detail", reference), false);
	}

	/**
	 * @param detailInDanish the detail is a domain message, written in Danish whatever the visitor's language
	 */
	private ModelAndView respond(HttpServletRequest request, HttpStatus status, String titleKey, String detail,
			boolean detailInDanish) {
		var title = text(request, titleKey);
		if (isApi(request)) {
			Map<String, Object> problem = new LinkedHashMap<>();
			problem.put("type", "about:blank");
			problem.put("title", title);
			problem.put("status", status.value());
			problem.put("detail", detail);
			problem.put("instance", request.getRequestURI());
			var view = new ModelAndView(new ProblemView(problem));
			view.setStatus(status);
			return view;
		}
		var view = new ModelAndView("error/page");
		view.addObject("languageLinks", PageModel.LanguageLinks.of(request));
		view.addObject("status", status.value());
		view.addObject("title", title);
		view.addObject("detail", detail);
		view.addObject("detailLanguage", detailInDanish ? "da" : RequestContextUtils.getLocale(request).getLanguage());
		view.setStatus(status);
		return view;
	}

	/** A text in the visitor's language (the API always answers in Danish). */
	private String text(HttpServletRequest request, String key, Object... arguments) {
		var locale = isApi(request) ? Locale.of("da") : RequestContextUtils.getLocale(request);
		return messages.getMessage(key, arguments, key, locale);
	}

	static boolean isApi(HttpServletRequest request) {
		var path = request.getRequestURI();
		return path.startsWith("/api/") || path.equals("/api");
	}

	/** Writes a Problem Details object as {@code application/problem+json}. */
	private record ProblemView(Map<String, Object> problem) implements View {

		@Override
		public String getContentType() {
			return "application/problem+json";
		}

		@Override
		public void render(Map<String, ?> model, HttpServletRequest request, HttpServletResponse response)
				throws Exception {
			response.setContentType(getContentType());
			response.setCharacterEncoding("UTF-8");
			JSON.writeValue(response.getOutputStream(), problem);
		}
	}
}
