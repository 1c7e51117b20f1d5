package dev.tidings.autoconfigure;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import dev.tidings.items.ItemsService;
import dev.tidings.query.InputLimits;
import dev.tidings.realtime.RealtimeSettings;
import dev.tidings.rest.ItemsController;
import dev.tidings.schema.CollectionSchema;
import dev.tidings.schema.ContentCollection;
import dev.tidings.schema.SchemaRegistry;
import dev.tidings.security.SecurityCache;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

class TidingsAutoConfigurationTests {

	private static final AutoConfigurations JPA = AutoConfigurations.of(DataSourceAutoConfiguration.class,
			HibernateJpaAutoConfiguration.class, TransactionAutoConfiguration.class, TidingsAutoConfiguration.class);

	static final String SECRET = "autoconfiguration-tests-secret-of-32-bytes";

	private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(JPA)
		.withUserConfiguration(HostConfiguration.class)
		.withPropertyValues("spring.datasource.url=jdbc:h2:mem:autoconfig;DB_CLOSE_DELAY=-1",
				"tidings.auth.secret=" + TidingsAutoConfigurationTests.SECRET,
				"spring.jpa.hibernate.ddl-auto=create-drop");

	@Test
	void contextWhenHostHasJpaThenSchemaAndItemsServiceAreWired() {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(ItemsService.class).doesNotHaveBean(ItemsController.class);
			assertThat(context.getBean(SchemaRegistry.class).find("notes")).isPresent();
		});
	}

	@Test
	void contextWhenCacheDisabledThenTheSecurityCacheRemembersNothing() {
		this.runner.run((context) -> assertThat(context.getBean(SecurityCache.class).enabled()).isTrue());
		this.runner.withPropertyValues("tidings.cache.enabled=false")
			.run((context) -> assertThat(context.getBean(SecurityCache.class).enabled()).isFalse());
	}

	@Test
	void contextWhenServletWebApplicationThenRestControllersAreRegistered() {
		new WebApplicationContextRunner().withConfiguration(JPA)
			.withUserConfiguration(HostConfiguration.class)
			.withPropertyValues("spring.datasource.url=jdbc:h2:mem:autoconfig-web;DB_CLOSE_DELAY=-1",
					"tidings.auth.secret=" + TidingsAutoConfigurationTests.SECRET)
			.run((context) -> assertThat(context).hasSingleBean(ItemsController.class));
	}

	@Test
	void contextWhenRestDisabledThenNoRoutesButServicesAndRealtime() {
		new WebApplicationContextRunner().withConfiguration(JPA)
			.withUserConfiguration(HostConfiguration.class)
			.withPropertyValues("spring.datasource.url=jdbc:h2:mem:autoconfig-rest-off;DB_CLOSE_DELAY=-1",
					"tidings.auth.secret=" + TidingsAutoConfigurationTests.SECRET, "tidings.rest.enabled=false",
					"tidings.websockets.enabled=true")
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(ItemsController.class)
				.hasSingleBean(ItemsService.class)
				.hasSingleBean(RealtimeSettings.class));
	}

	@Test
	void contextWhenWebSocketsNotEnabledThenNoRealtimeEndpoint() {
		new WebApplicationContextRunner().withConfiguration(JPA)
			.withUserConfiguration(HostConfiguration.class)
			.withPropertyValues("spring.datasource.url=jdbc:h2:mem:autoconfig-ws-off;DB_CLOSE_DELAY=-1",
					"tidings.auth.secret=" + TidingsAutoConfigurationTests.SECRET)
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(RealtimeSettings.class));
	}

	@Test
	void contextWhenWebSocketsEnabledThenEndpointAtTheRootWithSecondsAsDirectus() {
		new WebApplicationContextRunner().withConfiguration(JPA)
			.withUserConfiguration(HostConfiguration.class)
			.withPropertyValues("spring.datasource.url=jdbc:h2:mem:autoconfig-ws-on;DB_CLOSE_DELAY=-1",
					"tidings.auth.secret=" + TidingsAutoConfigurationTests.SECRET, "tidings.websockets.enabled=true",
					"tidings.rest.base-path=/cms", "tidings.websockets.auth-timeout=5",
					"tidings.websockets.auth-mode=STRICT")
			.run((context) -> {
				assertThat(context).hasNotFailed().hasSingleBean(RealtimeSettings.class);
				RealtimeSettings settings = context.getBean(RealtimeSettings.class);
				// the SDK connects to /websocket at the root, whatever the REST base path
				assertThat(settings.path()).isEqualTo("/websocket");
				assertThat(settings.authTimeout()).isEqualTo(java.time.Duration.ofSeconds(5));
				assertThat(settings.authMode()).isEqualTo(RealtimeSettings.AuthMode.STRICT);
				assertThat(settings.maxMessageSize()).isEqualTo(1024 * 1024);
				assertThat(context).hasBean("tidingsWebSocketHandlerMapping");
			});
	}

	@Test
	void contextWhenNotAWebApplicationThenNoRealtimeEndpointEvenIfEnabled() {
		this.runner.withPropertyValues("tidings.websockets.enabled=true")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(RealtimeSettings.class));
	}

	@Test
	void contextWhenHostDefinesSchemaRegistryThenTidingsBacksOff() {
		this.runner.withUserConfiguration(CustomRegistryConfiguration.class).run((context) -> {
			assertThat(context).hasSingleBean(SchemaRegistry.class);
			assertThat(context.getBean(SchemaRegistry.class)).isSameAs(CustomRegistryConfiguration.REGISTRY);
		});
	}

	@Test
	void contextWhenNoJpaThenNothingIsWired() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(TidingsAutoConfiguration.class))
			.run((context) -> assertThat(context).doesNotHaveBean(SchemaRegistry.class)
				.doesNotHaveBean(ItemsService.class));
	}

	@Test
	void propertiesWhenUnsetThenRootPathAndOneMegabyteLimit() {
		this.runner.run((context) -> {
			TidingsRestProperties properties = context.getBean(TidingsRestProperties.class);
			assertThat(properties.basePath()).isEmpty();
			assertThat(properties.maxPayloadSize().toBytes()).isEqualTo(1024 * 1024);
		});
	}

	@Test
	void inputLimitsWhenUnsetThenDocumentedDefaultsAndALimitCeilingOf1000() {
		this.runner.run((context) -> assertThat(context.getBean(InputLimits.class))
			.isEqualTo(new InputLimits(32, 1_000_000, 100, 400, 1000)));
	}

	@Test
	void inputLimitsWhenSetThenBoundFromTidingsLimitsAndRest() {
		this.runner
			.withPropertyValues("tidings.limits.max-depth=8", "tidings.limits.max-string-length=500",
					"tidings.limits.max-number-length=30", "tidings.limits.max-number-exponent=50",
					"tidings.rest.query-limit-max=-1")
			.run((context) -> assertThat(context.getBean(InputLimits.class))
				.isEqualTo(new InputLimits(8, 500, 30, 50, -1)));
	}

	@Test
	void inputLimitsWhenAboveTheCeilingsThenTheContextFails() {
		this.runner.withPropertyValues("tidings.limits.max-number-exponent=1001")
			.run((context) -> assertThat(context).hasFailed());
		this.runner.withPropertyValues("tidings.rest.query-limit-max=0")
			.run((context) -> assertThat(context).hasFailed());
	}

	@Configuration(proxyBeanMethods = false)
	@AutoConfigurationPackage
	static class HostConfiguration {

	}

	@Configuration(proxyBeanMethods = false)
	static class CustomRegistryConfiguration {

		static final SchemaRegistry REGISTRY = new SchemaRegistry() {

			@Override
			public Optional<CollectionSchema> find(String collection) {
				return Optional.empty();
			}

			@Override
			public Optional<CollectionSchema> forEntity(Class<?> entityType) {
				return Optional.empty();
			}

			@Override
			public Collection<CollectionSchema> collections() {
				return List.of();
			}

		};

		@Bean
		SchemaRegistry hostSchemaRegistry() {
			return REGISTRY;
		}

	}

	@Entity(name = "Note")
	@ContentCollection("notes")
	static class Note {

		@Id
		Integer id;

		String text;

	}

}
