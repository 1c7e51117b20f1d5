package dev.tidings.autoconfigure;

import java.time.Clock;

import dev.tidings.security.AccessTokens;
import dev.tidings.security.AdminBootstrap;
import dev.tidings.security.Accountabilities;
import dev.tidings.security.AuthFailures;
import dev.tidings.security.Authenticator;
import dev.tidings.security.HostIdentities;
import dev.tidings.security.LoginThrottle;
import dev.tidings.security.Logins;
import dev.tidings.security.PasswordHasher;
import dev.tidings.security.SecurityMigrations;
import dev.tidings.security.Sessions;
import dev.tidings.security.TokenAuthenticator;
import dev.tidings.security.TokenSecret;
import jakarta.persistence.EntityManagerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.orm.jpa.SharedEntityManagerCreator;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Authentication: password hashing, access tokens, login sessions, throttling and the
 * {@link Authenticator} that turns a request's token into its caller.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ TidingsAuthProperties.class, TidingsAdminProperties.class })
class TidingsAuthConfiguration {

	@Bean
	@ConditionalOnMissingBean
	PasswordHasher tidingsPasswordHasher() {
		return new PasswordHasher();
	}

	@Bean
	@ConditionalOnProperty("tidings.admin.email")
	AdminBootstrap tidingsAdminBootstrap(SecurityMigrations migrations, EntityManagerFactory entityManagerFactory,
			PlatformTransactionManager transactionManager, PasswordHasher passwords, TidingsAdminProperties admin) {
		return new AdminBootstrap(SharedEntityManagerCreator.createSharedEntityManager(entityManagerFactory),
				new TransactionTemplate(transactionManager), passwords,
				new AdminBootstrap.Admin(admin.email(), admin.password(), admin.token()));
	}

	@Bean
	TokenSecret tidingsTokenSecret(TidingsAuthProperties properties, TidingsAdminProperties admin,
			Environment environment) {
		RequiredSettings.check(environment, properties, admin);
		return TokenSecret.of(properties.secret());
	}

	@Bean
	AccessTokens tidingsAccessTokens(TokenSecret secret, TidingsAuthProperties properties) {
		return new AccessTokens(secret, properties.accessTokenTtl(), Clock.systemUTC());
	}

	@Bean
	@ConditionalOnMissingBean
	LoginThrottle tidingsLoginThrottle(TidingsAuthProperties properties) {
		TidingsAuthProperties.Throttle throttle = properties.throttle();
		return new LoginThrottle(new LoginThrottle.Limits(throttle.enabled(), throttle.failuresPerAddress(),
				throttle.failuresPerAccount(), throttle.refill(), throttle.maxBlock(), throttle.maxTrackedKeys()),
				Clock.systemUTC());
	}

	@Bean
	Sessions tidingsSessions(EntityManagerFactory entityManagerFactory, PlatformTransactionManager transactionManager,
			Accountabilities callers, AccessTokens accessTokens, PasswordHasher passwords, LoginThrottle throttle,
			TokenSecret secret, TidingsAuthProperties properties, ObjectProvider<AuthFailures> failures,
			ObjectProvider<Logins> logins) {
		return new Sessions(SharedEntityManagerCreator.createSharedEntityManager(entityManagerFactory),
				new TransactionTemplate(transactionManager), callers, accessTokens, passwords, throttle, secret,
				new Sessions.Settings(properties.refreshTokenTtl(), properties.refreshGracePeriod(),
						properties.loginStallTime()),
				Clock.systemUTC(), failures.getIfAvailable(() -> AuthFailures.NONE),
				logins.getIfAvailable(() -> Logins.NONE));
	}

	@Bean
	@ConditionalOnMissingBean
	Authenticator tidingsAuthenticator(AccessTokens accessTokens, Accountabilities callers,
			ObjectProvider<HostIdentities> host) {
		return new TokenAuthenticator(accessTokens, callers, host.getIfAvailable(() -> HostIdentities.NONE));
	}

}
