package dk.helhed.platform;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.jdbc.core.mapping.JdbcMappingContext;

/**
 * Spring Data JDBC writes table and column names unquoted, so that the same lower-case schema works on PostgreSQL
 * and on H2 in PostgreSQL mode (where quoted names would be upper-cased by the H2 dialect).
 */
@Configuration(proxyBeanMethods = false)
class PersistenceConfiguration {

	@Bean
	static BeanPostProcessor unquotedIdentifiers() {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessBeforeInitialization(Object bean, String beanName) {
				if (bean instanceof JdbcMappingContext context) {
					context.setForceQuote(false);
				}
				return bean;
			}
		};
	}
}
