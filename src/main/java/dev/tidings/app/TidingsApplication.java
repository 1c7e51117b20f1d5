package dev.tidings.app;

import dev.tidings.security.Authenticator;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.PropertySource;
import org.springframework.core.env.Environment;

/**
 * The standalone CMS: the demo content model served by Tidings like any host application
 * would; its rows and demo accounts only with {@code DEMO_CONTENT=true}
 * ({@link DemoContent}). Its defaults (port 8055, H2 under {@code ./data}, Directus's
 * environment names) come from a property source of this class alone, so a host with this
 * jar on its classpath never sees them, and environment variables or
 * {@code application.properties} override them here.
 */
@SpringBootApplication
@PropertySource("classpath:dev/tidings/app/standalone.properties")
public class TidingsApplication {

	/**
	 * Tomcat's WebSocket input, output and encoder buffers, per connection; the output
	 * buffer is also the most frames one batched socket write carries. Read once, when
	 * Tomcat's WebSocket classes load, so only a system property sets it; one given on
	 * the command line wins.
	 */
	static final String WEBSOCKET_BUFFER = "org.apache.tomcat.websocket.DEFAULT_BUFFER_SIZE";

	public static void main(String[] args) {
		if (System.getProperty(WEBSOCKET_BUFFER) == null) {
			System.setProperty(WEBSOCKET_BUFFER, "4096");
		}
		SpringApplication.run(TidingsApplication.class, args);
	}

	/**
	 * Administrators see the Actuator endpoints' details; everybody else only the status.
	 */
	@Bean
	FilterRegistrationBean<AdminHealthDetails> tidingsAdminHealthDetails(ObjectProvider<Authenticator> authenticator,
			@Value("${management.endpoints.web.base-path:/actuator}") String actuator) {
		FilterRegistrationBean<AdminHealthDetails> registration = new FilterRegistrationBean<>(
				new AdminHealthDetails(authenticator));
		registration.addUrlPatterns(actuator + "/*");
		return registration;
	}

	/**
	 * Only administrators and the holders of a metrics token read the meters.
	 */
	@Bean
	FilterRegistrationBean<MetricsAccess> tidingsMetricsAccess(ObjectProvider<Authenticator> authenticator,
			@Value("${management.endpoints.web.base-path:/actuator}") String actuator,
			@Value("${tidings.standalone.metrics-tokens:}") String tokens) {
		FilterRegistrationBean<MetricsAccess> registration = new FilterRegistrationBean<>(
				new MetricsAccess(authenticator, tokens));
		registration.addUrlPatterns(actuator + "/prometheus", actuator + "/prometheus/*");
		return registration;
	}

	/**
	 * Resolves the database URL before any bean exists, so that an unsupported
	 * {@code DB_CLIENT} fails the start-up naming the missing
	 * {@code tidings.standalone.db.<client>.url}; property binding would keep the
	 * placeholder and the data source would only say that its URL must start with "jdbc".
	 */
	@Bean
	static BeanFactoryPostProcessor tidingsStandaloneDatabaseUrl(Environment environment) {
		return (beanFactory) -> environment.getProperty("spring.datasource.url");
	}

}
