package dev.tidings.autoconfigure;

import javax.sql.DataSource;

import dev.tidings.events.ActorSource;
import dev.tidings.events.ChangeAudit;
import dev.tidings.events.ChangeBus;
import dev.tidings.events.ChangeFeed;
import dev.tidings.events.ChangeLog;
import dev.tidings.events.EntityChangeListener;
import dev.tidings.events.LocalChangeBus;
import dev.tidings.events.NotificationCodec;
import dev.tidings.events.ValueCodec;
import dev.tidings.schema.SchemaRegistry;
import dev.tidings.security.SecurityMigrations;
import jakarta.persistence.EntityManagerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.io.ResourceLoader;

/**
 * Committed changes as notifications: the listener that records every write to a
 * collection entity, registered with Hibernate once, and the bus that carries the
 * notifications (local unless the host or the cluster module provides one).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TidingsChangeLogProperties.class)
class TidingsEventsConfiguration {

	@Bean
	@ConditionalOnMissingBean
	ChangeBus tidingsChangeBus() {
		return new LocalChangeBus();
	}

	/** After Tidings' migrations, which create the log's tables. */
	@Bean
	ChangeLog tidingsChangeLog(DataSource dataSource, SecurityMigrations migrations, ValueCodec values,
			SchemaRegistry schemas, TidingsChangeLogProperties properties) {
		return new ChangeLog(dataSource, new NotificationCodec(values, schemas),
				new ChangeLog.Retention(properties.retentionEvents(), properties.retentionTime()));
	}

	/**
	 * Started with the context, before any socket is served, even where beans are lazy:
	 * every change committed from then on reaches the instance's subscribers.
	 */
	@Bean(initMethod = "start", destroyMethod = "close")
	@Lazy(false)
	ChangeFeed tidingsChangeFeed(ChangeBus bus, ChangeLog log, TidingsChangeLogProperties properties) {
		return new ChangeFeed(bus, log, properties.overdue(), properties.poll(), properties.pruneInterval(),
				properties.recentInMemory());
	}

	@Bean
	@ConditionalOnMissingBean
	ValueCodec tidingsValueCodec(ResourceLoader resources) {
		return new ValueCodec(resources.getClassLoader());
	}

	/**
	 * Never lazy: nothing asks for the listener, and writes made before it exists would
	 * not be pushed.
	 */
	@Bean
	@Lazy(false)
	EntityChangeListener tidingsEntityChangeListener(EntityManagerFactory entityManagerFactory, SchemaRegistry schemas,
			ChangeBus bus, ChangeLog log, ActorSource actors, ObjectProvider<ChangeAudit> audit) {
		EntityChangeListener listener = new EntityChangeListener(entityManagerFactory, schemas, bus, log, actors,
				audit.getIfAvailable());
		listener.register();
		return listener;
	}

}
