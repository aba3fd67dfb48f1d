package dk.helhed.support;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The SQL statements the application sends while a test listens, for query-count tests: the data source is wrapped
 * (JDK proxies over {@link DataSource}, {@link Connection} and {@link Statement}) and every statement prepared or
 * executed on the listening thread is kept. Import {@link Config} into the test's context.
 */
public final class QueryLog {

	private static final ThreadLocal<List<String>> LISTENING = new ThreadLocal<>();

	private QueryLog() {
	}

	/** Starts keeping the statements of this thread. */
	public static void listen() {
		LISTENING.set(new ArrayList<>());
	}

	/** Stops, and gives the statements kept since {@link #listen()}. */
	public static List<String> stop() {
		var kept = LISTENING.get();
		LISTENING.remove();
		return kept == null ? List.of() : List.copyOf(kept);
	}

	private static final Pattern FIRST_FROM = Pattern.compile("\\bfrom\\s+(\\w+)");

	/** How many of the statements are selects that read the table first (their first {@code from}). */
	public static long reads(List<String> statements, String table) {
		return statements.stream().map(sql -> sql.toLowerCase(Locale.ROOT).strip()).filter(sql -> {
			var from = FIRST_FROM.matcher(sql);
			return sql.startsWith("select") && from.find() && from.group(1).equals(table);
		}).count();
	}

	private static void keep(String sql) {
		var kept = LISTENING.get();
		if (kept != null && sql != null) {
			kept.add(sql.replaceAll("\\s+", " "));
		}
	}

	@TestConfiguration(proxyBeanMethods = false)
	public static class Config {

		@Bean
		static BeanPostProcessor queryLogDataSource() {
			return new BeanPostProcessor() {
				@Override
				public Object postProcessAfterInitialization(Object bean, String beanName) {
					return bean instanceof DataSource dataSource ? wrap(dataSource, DataSource.class) : bean;
				}
			};
		}
	}

	@SuppressWarnings("unchecked")
	private static <T> T wrap(T target, Class<T> type) {
		InvocationHandler handler = (proxy, method, args) -> {
			if (method.getName().equals("unwrap") && args[0] instanceof Class<?> wanted && wanted.isInstance(target)) {
				return target;
			}
			if ((method.getName().startsWith("prepare") || method.getName().startsWith("execute")
					|| method.getName().equals("addBatch")) && args != null && args.length > 0
					&& args[0] instanceof String sql) {
				keep(sql);
			}
			Object result;
			try {
				result = method.invoke(target, args);
			}
			catch (InvocationTargetException ex) {
				throw ex.getCause();
			}
			return wrapResult(result, method);
		};
		return (T) Proxy.newProxyInstance(QueryLog.class.getClassLoader(), new Class<?>[] { type }, handler);
	}

	private static Object wrapResult(Object result, Method method) {
		if (result instanceof Connection connection && method.getReturnType() == Connection.class) {
			return wrap(connection, Connection.class);
		}
		if (result instanceof Statement statement && method.getReturnType() == Statement.class) {
			return wrap(statement, Statement.class);
		}
		return result;
	}

}
