package dev.tidings.autoconfigure;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import javax.sql.DataSource;

import dev.tidings.activity.ActivityLog;
import dev.tidings.activity.LoginActivity;
import dev.tidings.events.Actor;
import dev.tidings.events.ChangeBus;
import dev.tidings.events.ChangeNotification;
import dev.tidings.events.ChangeType;
import dev.tidings.events.EntityChangeListener;
import dev.tidings.events.LocalChangeBus;
import dev.tidings.schema.ContentCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Id;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.orm.jpa.SharedEntityManagerCreator;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

class TidingsEventsConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, HibernateJpaAutoConfiguration.class,
				TransactionAutoConfiguration.class, TidingsAutoConfiguration.class))
		.withUserConfiguration(HostConfiguration.class)
		.withPropertyValues("spring.datasource.url=jdbc:h2:mem:events-autoconfig;DB_CLOSE_DELAY=-1",
				"tidings.auth.secret=" + TidingsAutoConfigurationTests.SECRET,
				"spring.jpa.hibernate.ddl-auto=create-drop");

	@Test
	void contextWhenHostHasJpaThenLocalBusAndListenerWired() {
		this.runner.run((context) -> assertThat(context).hasSingleBean(EntityChangeListener.class)
			.getBean(ChangeBus.class)
			.isInstanceOf(LocalChangeBus.class));
	}

	@Test
	void contextWhenHostDefinesChangeBusThenTidingsBacksOffAndPublishesToIt() {
		this.runner.withUserConfiguration(HostBusConfiguration.class).run((context) -> {
			assertThat(context).hasSingleBean(ChangeBus.class).hasSingleBean(ActivityLog.class);
			writeMemo(context);

			assertThat(HostBusConfiguration.published).extracting(ChangeNotification::collection)
				.containsExactly("memos", "directus_activity", "directus_revisions");
			assertThat(HostBusConfiguration.published.get(0)).satisfies((notification) -> {
				assertThat(notification.changes().get(0).type()).isEqualTo(ChangeType.CREATE);
				assertThat(notification.changes().get(0).after()).containsEntry("id", 1)
					.containsEntry("text", "remember");
				assertThat(notification.actor()).isEqualTo(Actor.SYSTEM);
			});
		});
	}

	@Test
	void contextWhenActivityDisabledThenNoActivityLogAndOnlyTheWriteIsPublished() {
		this.runner.withUserConfiguration(HostBusConfiguration.class)
			.withPropertyValues("tidings.activity.enabled=false")
			.run((context) -> {
				assertThat(context).doesNotHaveBean(ActivityLog.class).doesNotHaveBean(LoginActivity.class);
				JdbcTemplate jdbc = new JdbcTemplate(context.getBean(DataSource.class));
				Integer before = jdbc.queryForObject("select count(*) from tidings_activity", Integer.class);
				writeMemo(context);

				assertThat(HostBusConfiguration.published).extracting(ChangeNotification::collection)
					.containsExactly("memos");
				assertThat(jdbc.queryForObject("select count(*) from tidings_activity", Integer.class))
					.isEqualTo(before);
			});
	}

	@Test
	void contextWhenRevisionsDisabledThenActivityAlone() {
		this.runner.withUserConfiguration(HostBusConfiguration.class)
			.withPropertyValues("tidings.activity.revisions=false")
			.run((context) -> {
				writeMemo(context);

				assertThat(HostBusConfiguration.published).extracting(ChangeNotification::collection)
					.containsExactly("memos", "directus_activity");
			});
	}

	private static void writeMemo(ApplicationContext context) {
		HostBusConfiguration.published.clear();
		EntityManagerFactory entityManagerFactory = context.getBean(EntityManagerFactory.class);
		new TransactionTemplate(context.getBean(PlatformTransactionManager.class))
			.executeWithoutResult((status) -> SharedEntityManagerCreator.createSharedEntityManager(entityManagerFactory)
				.persist(new Memo(1, "remember")));
	}

	@Configuration(proxyBeanMethods = false)
	@AutoConfigurationPackage
	static class HostConfiguration {

	}

	@Configuration(proxyBeanMethods = false)
	static class HostBusConfiguration {

		static final List<ChangeNotification> published = new CopyOnWriteArrayList<>();

		@Bean
		ChangeBus hostChangeBus() {
			return new ChangeBus() {

				@Override
				public void publish(ChangeNotification notification) {
					published.add(notification);
				}

				@Override
				public void subscribe(Consumer<ChangeNotification> receiver) {
				}

			};
		}

	}

	@Entity(name = "Memo")
	@ContentCollection("memos")
	static class Memo {

		@Id
		Integer id;

		String text;

		Memo() {
		}

		Memo(Integer id, String text) {
			this.id = id;
			this.text = text;
		}

	}

}
