package dk.helhed.catalog.web;

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

import dk.helhed.catalog.hsds.HsdsImporter;

/**
 * Turns an upload to the import page away with 413 before anything reads it, when the browser says it is larger than
 * the web server accepts ({@code spring.servlet.multipart.max-request-size}). Without this, the web server's limit
 * stops the request while the CSRF check reads the form, and the editor gets an error page instead of being told the
 * file is too large. Runs before Spring Security for that reason, and reads nothing but the declared length. Files a
 * little over the import's own limit get through to the import, which says the same on its page.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 100)
class ImportUploadLimit extends OncePerRequestFilter {

	private final long limit;
	private final long megabytes;

	ImportUploadLimit(HsdsImporter importer,
			@Value("${spring.servlet.multipart.max-request-size:11MB}") DataSize serverLimit) {
		this.limit = serverLimit.toBytes();
		this.megabytes = importer.maxFileSize() / (1024 * 1024);
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !"POST".equals(request.getMethod())
				|| !(request.getContextPath() + "/personale/import").equals(request.getRequestURI());
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (request.getContentLengthLong() <= limit) {
			chain.doFilter(request, response);
			return;
		}
		response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
		response.setContentType("text/html;charset=UTF-8");
		response.setHeader("Connection", "close");
		response.getOutputStream()
			.write(("<!DOCTYPE html><html lang=\"da\"><head><meta charset=\"utf-8\"><title>Filen er for stor – Helhed"
					+ "</title></head><body><main><h1>Filen er for stor</h1><p>Filen kan ikke importeres. Den må højst "
					+ "fylde " + megabytes + " MB.</p><p><a href=\"" + request.getContextPath()
					+ "/personale/import\">Tilbage til import og eksport</a></p></main></body></html>")
				.getBytes(StandardCharsets.UTF_8));
	}
}
