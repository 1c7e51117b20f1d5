package dev.tidings.autoconfigure;

import java.time.Clock;

import dev.tidings.items.ItemsService;
import dev.tidings.rest.ErrorResponses;
import dev.tidings.rest.ItemsController;
import dev.tidings.rest.JsonCodec;
import dev.tidings.rest.ServerController;
import dev.tidings.schema.JpaSchemaRegistry;
import dev.tidings.schema.SchemaRegistry;
import jakarta.persistence.EntityManagerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Wires Tidings into a Boot application that has JPA: the schema of its
 * {@code @ContentCollection} entities, the items service and, in a servlet web
 * application, the REST controllers.
 */
@AutoConfiguration(after = HibernateJpaAutoConfiguration.class)
@ConditionalOnBean(EntityManagerFactory.class)
@EnableConfigurationProperties(TidingsRestProperties.class)
public final class TidingsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	SchemaRegistry tidingsSchemaRegistry(EntityManagerFactory entityManagerFactory) {
		return new JpaSchemaRegistry(entityManagerFactory);
	}

	@Bean
	@ConditionalOnMissingBean
	ItemsService tidingsItemsService(EntityManagerFactory entityManagerFactory, SchemaRegistry schemas,
			PlatformTransactionManager transactionManager) {
		return new ItemsService(entityManagerFactory, schemas, transactionManager, Clock.systemUTC());
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	@Import({ ItemsController.class, ServerController.class, ErrorResponses.class })
	static class RestConfiguration {

		@Bean
		JsonCodec tidingsJsonCodec(TidingsRestProperties properties) {
			return new JsonCodec(properties.maxPayloadSize());
		}

	}

}
