package dk.helhed.platform.web;

import java.time.Duration;
import java.util.Locale;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * Danish first, English second: the interface is Danish unless the visitor chose English with {@code ?lang=en}
 * (remembered in a cookie).
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

	static final Locale DANISH = Locale.of("da");

	@Bean
	LocaleResolver localeResolver() {
		var resolver = new CookieLocaleResolver("helhed-sprog");
		resolver.setDefaultLocale(DANISH);
		resolver.setCookieMaxAge(Duration.ofDays(365));
		resolver.setCookieHttpOnly(true);
		resolver.setCookieSameSite("Lax");
		return resolver;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		var interceptor = new LocaleChangeInterceptor();
		interceptor.setParamName("lang");
		interceptor.setIgnoreInvalidLocale(true);
		registry.addInterceptor(new SupportedLocales()).addPathPatterns("/**");
		registry.addInterceptor(interceptor).addPathPatterns("/**");
	}
}
