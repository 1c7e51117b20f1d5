package dev.tidings.autoconfigure;

import dev.tidings.events.ChangeBus;
import dev.tidings.events.EntityChangeListener;
import dev.tidings.events.LocalChangeBus;
import dev.tidings.schema.SchemaRegistry;
import jakarta.persistence.EntityManagerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/**
 * Committed changes as notifications: the listener that records every write to a
 * collection entity, registered with Hibernate once, and the bus that carries the
 * notifications (local unless the host or the cluster module provides one).
 */
@Configuration(proxyBeanMethods = false)
class TidingsEventsConfiguration {

	@Bean
	@ConditionalOnMissingBean
	ChangeBus tidingsChangeBus() {
		return new LocalChangeBus();
	}

	/**
	 * Never lazy: nothing asks for the listener, and writes made before it exists would
	 * not be pushed.
	 */
	@Bean
	@Lazy(false)
	EntityChangeListener tidingsEntityChangeListener(EntityManagerFactory entityManagerFactory, SchemaRegistry schemas,
			ChangeBus bus) {
		EntityChangeListener listener = new EntityChangeListener(entityManagerFactory, schemas, bus);
		listener.register();
		return listener;
	}

}
