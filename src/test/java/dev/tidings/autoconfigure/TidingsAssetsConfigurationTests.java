package dev.tidings.autoconfigure;

import dev.tidings.files.AssetTransforms;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code tidings.assets.*}: Directus's defaults when unset, and a preset that a request
 * could not ask for stops the application at startup, naming the preset, rather than
 * failing each request for it.
 */
class TidingsAssetsConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, HibernateJpaAutoConfiguration.class,
				TransactionAutoConfiguration.class, TidingsAutoConfiguration.class))
		.withUserConfiguration(Host.class)
		.withPropertyValues("spring.datasource.url=jdbc:h2:mem:autoconfig-assets;DB_CLOSE_DELAY=-1",
				"tidings.auth.secret=" + TidingsAutoConfigurationTests.SECRET);

	@Test
	void contextWhenUnsetThenAllTransformsUpTo6000Pixels() {
		this.runner.run((context) -> {
			assertThat(context).hasNotFailed().hasSingleBean(AssetTransforms.class);
			TidingsAssetsProperties properties = context.getBean(TidingsAssetsProperties.class);
			assertThat(properties.transform()).isEqualTo(AssetTransforms.Mode.ALL);
			assertThat(properties.maxDimension()).isEqualTo(6000);
			assertThat(properties.presets()).isEmpty();
		});
	}

	@Test
	void contextWhenPresetsConfiguredThenBoundByKey() {
		this.runner
			.withPropertyValues("tidings.assets.transform=presets", "tidings.assets.presets.card.width=300",
					"tidings.assets.presets.card.fit=inside")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				TidingsAssetsProperties properties = context.getBean(TidingsAssetsProperties.class);
				assertThat(properties.transform()).isEqualTo(AssetTransforms.Mode.PRESETS);
				assertThat(properties.presets().get("card").width()).isEqualTo(300);
			});
	}

	@Test
	void contextWhenAPresetIsInvalidThenStartupFailsNamingIt() {
		this.runner.withPropertyValues("tidings.assets.presets.hero.width=-3")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.hasStackTraceContaining("Asset preset \"hero\": Invalid query. \"width\" must be between 1 and 6000"));
	}

	@Configuration(proxyBeanMethods = false)
	@AutoConfigurationPackage
	static class Host {

	}

}
