package dk.helhed.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.servlet.resource.ResourceHttpRequestHandler;
import org.springframework.web.servlet.resource.ResourceResolver;
import org.springframework.web.servlet.resource.ResourceResolverChain;
import org.springframework.web.servlet.resource.ResourceUrlProvider;
import org.springframework.web.servlet.resource.ResourceUrlProviderExposingInterceptor;

/**
 * The links of a page get content-hashed names for the static files only; every other link is left as it is without
 * asking the resource resolvers, which looked for it in each static location of the class path (docs/scale.md,
 * "Catalog search").
 */
class StaticResourceUrlsTests {

	/**
	 * The resolvers of static files under {@code /**}, as Spring Boot configures them: a hashed name for the
	 * stylesheet and htmx, nothing for anything else; records what they were asked.
	 */
	static final class Resolvers implements ResourceResolver {

		final List<String> asked = new ArrayList<>();

		ResourceUrlProvider provider() {
			var handler = new ResourceHttpRequestHandler();
			handler.setResourceResolvers(List.of(this));
			var provider = new ResourceUrlProvider();
			provider.setHandlerMap(Map.of("/**", handler));
			return provider;
		}

		@Override
		public Resource resolveResource(HttpServletRequest request, String path, List<? extends Resource> locations,
				ResourceResolverChain chain) {
			return null;
		}

		@Override
		public String resolveUrlPath(String path, List<? extends Resource> locations, ResourceResolverChain chain) {
			this.asked.add(path);
			return switch (path) {
				case "css/helhed.css" -> "css/helhed-5265f48a.css";
				case "webjars/htmx.org/dist/htmx.min.js" -> "webjars/htmx.org/2.0.8/dist/htmx.min.js";
				default -> null;
			};
		}
	}

	static Map<String, String> encode(String contextPath, Resolvers resolvers, List<String> urls) throws Exception {
		var request = new MockHttpServletRequest("GET", contextPath + "/koebenhavn/indsatser");
		request.setContextPath(contextPath);
		Map<String, String> encoded = new LinkedHashMap<>();
		new StaticResourceUrls.StaticOnlyResourceUrlEncodingFilter().doFilter(request, new MockHttpServletResponse(),
				(inner, response) -> {
					// as ResourceUrlProviderExposingInterceptor does for every handler
					inner.setAttribute(ResourceUrlProviderExposingInterceptor.RESOURCE_URL_PROVIDER_ATTR,
							resolvers.provider());
					urls.forEach(url -> encoded.put(url, ((HttpServletResponse) response).encodeURL(url)));
				});
		return encoded;
	}

	@Test
	void onlyLinksToStaticFilesAreLookedUp() throws Exception {
		var resolvers = new Resolvers();
		var encoded = encode("", resolvers,
				List.of("/css/helhed.css", "/webjars/htmx.org/dist/htmx.min.js", "/js/session.js",
						"/koebenhavn/indsatser/boliger-paa-kirkeplads", "/koebenhavn/indsatser?q=bolig",
						"/personale/borgere", "https://www.borger.dk/"));
		assertThat(encoded).containsEntry("/css/helhed.css", "/css/helhed-5265f48a.css")
			.containsEntry("/webjars/htmx.org/dist/htmx.min.js", "/webjars/htmx.org/2.0.8/dist/htmx.min.js")
			.containsEntry("/js/session.js", "/js/session.js")
			.containsEntry("/koebenhavn/indsatser/boliger-paa-kirkeplads", "/koebenhavn/indsatser/boliger-paa-kirkeplads")
			.containsEntry("/koebenhavn/indsatser?q=bolig", "/koebenhavn/indsatser?q=bolig")
			.containsEntry("/personale/borgere", "/personale/borgere")
			.containsEntry("https://www.borger.dk/", "https://www.borger.dk/");
		assertThat(resolvers.asked).containsExactly("css/helhed.css", "webjars/htmx.org/dist/htmx.min.js", "js/session.js");
	}

	@Test
	void underAContextPathTheStaticPathsAreThoseBelowIt() throws Exception {
		var resolvers = new Resolvers();
		var encoded = encode("/helhed", resolvers, List.of("/helhed/css/helhed.css", "/helhed/koebenhavn", "/css/x.css"));
		assertThat(encoded).containsEntry("/helhed/css/helhed.css", "/helhed/css/helhed-5265f48a.css")
			.containsEntry("/helhed/koebenhavn", "/helhed/koebenhavn")
			.containsEntry("/css/x.css", "/css/x.css");
		assertThat(resolvers.asked).containsExactly("css/helhed.css");
	}
}
