package dev.tidings.autoconfigure;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import dev.tidings.events.ChangeBus;
import dev.tidings.events.ChangeNotification;
import dev.tidings.items.ItemsService;
import dev.tidings.realtime.internal.ChangeDispatcher;
import dev.tidings.realtime.internal.SubscriptionIndex;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

class TidingsDispatchAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, HibernateJpaAutoConfiguration.class,
				TransactionAutoConfiguration.class, TidingsAutoConfiguration.class,
				TidingsDispatchAutoConfiguration.class))
		.withUserConfiguration(TidingsAutoConfigurationTests.HostConfiguration.class)
		.withPropertyValues("spring.datasource.url=jdbc:h2:mem:dispatch-autoconfig;DB_CLOSE_DELAY=-1",
				"tidings.auth.secret=" + TidingsAutoConfigurationTests.SECRET,
				"spring.jpa.hibernate.ddl-auto=create-drop");

	@Test
	void contextWhenIndexAndBusExistThenDispatcherListensToTheBusUntilClosed() {
		RecordingBus bus = new RecordingBus();
		this.runner.withBean(SubscriptionIndex.class).withBean(ChangeBus.class, () -> bus).run((context) -> {
			assertThat(context).hasSingleBean(ChangeDispatcher.class).hasSingleBean(ItemsService.class);
			assertThat(bus.receivers).hasSize(1);
		});
		// the stripes stopped with the context: a late notification is dropped, not run
		assertThatNoException()
			.isThrownBy(() -> bus.publish(new ChangeNotification("notes", List.of(), Instant.now())));
	}

	@Test
	void contextWhenNoSubscriptionIndexThenNoDispatcher() {
		this.runner.withBean(ChangeBus.class, RecordingBus::new)
			.run((context) -> assertThat(context).doesNotHaveBean(ChangeDispatcher.class));
	}

	@Test
	void contextWhenHostDefinesDispatcherThenTidingsBacksOff() {
		this.runner.withBean(SubscriptionIndex.class)
			.withBean(ChangeBus.class, RecordingBus::new)
			.withUserConfiguration(HostDispatcher.class)
			.run((context) -> assertThat(context).hasSingleBean(ChangeDispatcher.class).hasBean("hostDispatcher"));
	}

	static class RecordingBus implements ChangeBus {

		final List<Consumer<ChangeNotification>> receivers = new ArrayList<>();

		@Override
		public void publish(ChangeNotification notification) {
			this.receivers.forEach((receiver) -> receiver.accept(notification));
		}

		@Override
		public void subscribe(Consumer<ChangeNotification> receiver) {
			this.receivers.add(receiver);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class HostDispatcher {

		@Bean
		ChangeDispatcher hostDispatcher(SubscriptionIndex index, ItemsService items) {
			return new ChangeDispatcher(index, items, 1, 10, Duration.ofMillis(200), ObservationRegistry.NOOP, null);
		}

	}

}
