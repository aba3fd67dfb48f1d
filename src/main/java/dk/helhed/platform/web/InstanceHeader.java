package dk.helhed.platform.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * With {@code helhed.instance-id} set (HELHED_INSTANCE_ID), every answer carries the header
 * {@value #HEADER} naming the instance that served it, so that operators running several instances behind a load
 * balancer (and scripts/cluster.sh) can tell which one answered. Off by default: the header says nothing a visitor
 * needs, and the name of a server is better not published unless asked for.
 */
@Component
@ConditionalOnProperty(name = "helhed.instance-id")
@Order(Ordered.HIGHEST_PRECEDENCE)
class InstanceHeader extends OncePerRequestFilter {

	static final String HEADER = "X-Helhed-Instance";

	private final String instanceId;

	InstanceHeader(@Value("${helhed.instance-id}") String instanceId) {
		this.instanceId = instanceId;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		response.setHeader(HEADER, instanceId);
		chain.doFilter(request, response);
	}
}
