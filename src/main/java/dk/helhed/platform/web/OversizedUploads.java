package dk.helhed.platform.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A form upload larger than the web server accepts gets 413 before anything reads it. Without this, the server's
 * limit would stop the request while the CSRF check reads the form, and the visitor would get an error page. The
 * import page has a filter of its own with a more specific message (it runs first).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 110)
class OversizedUploads extends OncePerRequestFilter {

	private final long limit;

	OversizedUploads(@Value("${spring.servlet.multipart.max-request-size:11MB}") DataSize limit) {
		this.limit = limit.toBytes();
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		var type = request.getContentType();
		return type == null || !type.toLowerCase().startsWith("multipart/");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (request.getContentLengthLong() <= limit) {
			chain.doFilter(request, response);
			return;
		}
		response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
		response.setHeader("Connection", "close");
		if (request.getRequestURI().startsWith("/api/")) {
			response.setContentType("application/problem+json;charset=UTF-8");
			response.getOutputStream()
				.write(("{\"type\":\"about:blank\",\"title\":\"For stor\",\"status\":413,"
						+ "\"detail\":\"Det sendte er større, end Helhed tager imod.\"}").getBytes(StandardCharsets.UTF_8));
			return;
		}
		response.setContentType("text/html;charset=UTF-8");
		response.getOutputStream()
			.write(("<!DOCTYPE html><html lang=\"da\"><head><meta charset=\"utf-8\"><title>For stor – Helhed</title>"
					+ "</head><body><main><h1>Det sendte er for stort</h1><p>Helhed tager ikke imod så store filer. "
					+ "Gå tilbage, og prøv med en mindre fil.</p><p><a href=\"/\">Gå til forsiden</a></p></main>"
					+ "</body></html>").getBytes(StandardCharsets.UTF_8));
	}
}
