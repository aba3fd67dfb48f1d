package dk.helhed.platform.web;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

/**
 * The content-hashed names of the stylesheets, scripts and htmx in the links of a page (the resource chain of
 * {@code application.yaml}), looked up for those links only.
 * <p>
 * Spring's {@link ResourceUrlEncodingFilter} asks the resource resolvers about every link a page builds, since the
 * static files are served under {@code /**}, and remembers only the links it finds a file for. So every link to a
 * service, a citizen or another page was looked for as a file in each static location of the class path, on every
 * request: two thirds of the CPU time of a catalog search with 33 results at national scale (docs/scale.md, "Catalog
 * search"). This filter takes the place of Spring Boot's (which steps aside for any {@link ResourceUrlEncodingFilter})
 * and leaves every other link as it is, which is what the resolvers answered for them.
 */
@Configuration(proxyBeanMethods = false)
class StaticResourceUrls {

	/** Where the application's links to static files point: the only links that get a content-hashed name. */
	static final List<String> STATIC_PATHS = List.of("/css/", "/js/", "/webjars/");

	@Bean
	FilterRegistrationBean<ResourceUrlEncodingFilter> staticResourceUrlEncodingFilter() {
		var registration = new FilterRegistrationBean<ResourceUrlEncodingFilter>(
				new StaticOnlyResourceUrlEncodingFilter());
		registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR);
		return registration;
	}

	/** Spring's filter, for links to the static paths only. */
	static final class StaticOnlyResourceUrlEncodingFilter extends ResourceUrlEncodingFilter {

		@Override
		public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			if (!(request instanceof HttpServletRequest http && response instanceof HttpServletResponse plain)) {
				super.doFilter(request, response, chain);
				return;
			}
			var contextPath = http.getContextPath();
			super.doFilter(request, response, (inner, encoding) -> chain.doFilter(inner,
					new StaticOnly((HttpServletResponse) encoding, plain, contextPath)));
		}
	}

	/** Links to the static paths go through Spring's encoding, every other link straight to the response. */
	private static final class StaticOnly extends HttpServletResponseWrapper {

		private final HttpServletResponse plain;
		private final String contextPath;

		StaticOnly(HttpServletResponse encoding, HttpServletResponse plain, String contextPath) {
			super(encoding);
			this.plain = plain;
			this.contextPath = contextPath;
		}

		@Override
		public String encodeURL(String url) {
			return isStatic(url) ? super.encodeURL(url) : this.plain.encodeURL(url);
		}

		private boolean isStatic(String url) {
			if (url == null || !url.startsWith(this.contextPath)) {
				return false;
			}
			var path = url.substring(this.contextPath.length());
			return STATIC_PATHS.stream().anyMatch(path::startsWith);
		}
	}
}
