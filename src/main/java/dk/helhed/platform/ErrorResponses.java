package dk.helhed.platform;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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

	@ExceptionHandler({ NotFoundException.class, NoResourceFoundException.class })
	ModelAndView notFound(HttpServletRequest request, Exception ex) {
		return respond(request, HttpStatus.NOT_FOUND, "Siden findes ikke",
				ex instanceof NotFoundException ? ex.getMessage() : "Der er intet på denne adresse.");
	}

	@ExceptionHandler({ MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class,
			HttpMessageNotReadableException.class, ServletRequestBindingException.class,
			HandlerMethodValidationException.class, InvalidRequestException.class })
	ModelAndView badRequest(HttpServletRequest request, Exception ex) {
		var detail = switch (ex) {
			case InvalidRequestException invalid -> invalid.getMessage();
			case MethodArgumentTypeMismatchException mismatch ->
				"Værdien af \"" + mismatch.getName() + "\" har ikke den rigtige form.";
			case MissingServletRequestParameterException missing ->
				"Parameteren \"" + missing.getParameterName() + "\" mangler.";
			default -> "Forespørgslen kunne ikke forstås.";
		};
		return respond(request, HttpStatus.BAD_REQUEST, "Forespørgslen er ugyldig", detail);
	}

	@ExceptionHandler(HttpRequestMethodNotSupportedException.class)
	ModelAndView methodNotAllowed(HttpServletRequest request, HttpServletResponse response,
			HttpRequestMethodNotSupportedException ex) {
		if (ex.getSupportedMethods() != null) {
			response.setHeader("Allow", String.join(", ", ex.getSupportedMethods()));
		}
		return respond(request, HttpStatus.METHOD_NOT_ALLOWED, "Metoden er ikke tilladt",
				"Denne adresse kan ikke bruges med " + ex.getMethod() + ".");
	}

	@ExceptionHandler(HttpMediaTypeNotSupportedException.class)
	ModelAndView unsupportedMediaType(HttpServletRequest request) {
		return respond(request, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Formatet understøttes ikke",
				"Indholdet er sendt i et format, Helhed ikke kan læse.");
	}

	@ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
	ModelAndView notAcceptable(HttpServletRequest request) {
		return respond(request, HttpStatus.NOT_ACCEPTABLE, "Formatet kan ikke leveres",
				"Svaret findes ikke i det format, der blev bedt om.");
	}

	@ExceptionHandler(Exception.class)
	ModelAndView unexpected(HttpServletRequest request, Exception ex) throws Exception {
		if (ex.getClass().getName().startsWith("org.springframework.security.")) {
			throw ex; // access decisions belong to Spring Security's own handling
		}
		var reference = Long.toString(System.nanoTime() % 1_000_000_000L, 36);
		log.error("Unexpected error {} on {} {}", reference, request.getMethod(), request.getRequestURI(), ex);
		return respond(request, HttpStatus.INTERNAL_SERVER_ERROR, "Der skete en fejl",
				"Der skete en uventet fejl. Prøv igen om lidt. Oplys fejlreference " + reference
						+ ", hvis du kontakter os.");
	}

	private static ModelAndView respond(HttpServletRequest request, HttpStatus status, String title, String detail) {
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
		view.setStatus(status);
		return view;
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
