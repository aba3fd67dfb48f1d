package dk.helhed.platform;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;

/**
 * What the OpenAPI description at /api/openapi says about the API as a whole.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiDescription {

	@Bean
	OpenAPI helhedApi() {
		return new OpenAPI().info(new Info().title("Helhed API")
			.version("1")
			.description("Kommunernes indsatskataloger som åbne data efter Open Referral HSDS 3.1. "
					+ "The municipalities' catalogs of services for socially vulnerable adults as open data "
					+ "(Open Referral HSDS 3.1). Errors are RFC 9457 Problem Details; texts are in Danish."));
	}
}
