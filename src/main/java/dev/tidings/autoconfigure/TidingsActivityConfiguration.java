package dev.tidings.autoconfigure;

import java.time.Clock;

import dev.tidings.activity.ActivityLog;
import dev.tidings.activity.CallerActors;
import dev.tidings.activity.LoginActivity;
import dev.tidings.events.ActorSource;
import dev.tidings.schema.SchemaRegistry;
import jakarta.persistence.EntityManagerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.orm.jpa.SharedEntityManagerCreator;

/**
 * Who made each change (the actor every notification carries, whether or not activity is
 * recorded) and, unless switched off, the activity and revisions written with each
 * writing transaction and each login.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TidingsActivityProperties.class)
class TidingsActivityConfiguration {

	@Bean
	@ConditionalOnMissingBean
	ActorSource tidingsActorSource() {
		return new CallerActors();
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBooleanProperty(name = "tidings.activity.enabled", matchIfMissing = true)
	static class ActivityRecording {

		@Bean
		ActivityLog tidingsActivityLog(SchemaRegistry schemas, TidingsActivityProperties properties) {
			return new ActivityLog(schemas, properties.revisions(), Clock.systemUTC());
		}

		@Bean
		LoginActivity tidingsLoginActivity(EntityManagerFactory entityManagerFactory) {
			return new LoginActivity(SharedEntityManagerCreator.createSharedEntityManager(entityManagerFactory),
					Clock.systemUTC());
		}

	}

}
