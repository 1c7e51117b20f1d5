package dev.tidings.autoconfigure;

import java.util.Map;
import java.util.function.Function;

import dev.tidings.security.DefaultIdentityBridge;
import dev.tidings.security.HostIdentities;
import dev.tidings.security.HostTokenVerifier;
import dev.tidings.security.HostUsers;
import dev.tidings.security.IdentityBridge;
import dev.tidings.security.JwtTokenVerifier;
import dev.tidings.security.SecurityCache;
import dev.tidings.security.SpringSecurityIdentities;
import jakarta.persistence.EntityManagerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.orm.jpa.SharedEntityManagerCreator;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.ClaimAccessor;
import org.springframework.security.oauth2.core.OAuth2AuthenticatedPrincipal;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The identity bridge: with Spring Security in the host, the users it authenticates are
 * Tidings users, on REST requests, WebSocket upgrades and {@code auth} messages alike.
 * When the host is an OAuth2 resource server, its JWTs are accepted wherever Tidings
 * takes a token, verified by the host's own {@link JwtDecoder}.
 */
@AutoConfiguration(after = TidingsAutoConfiguration.class, afterName = {
		"org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration" })
@ConditionalOnClass(SecurityContextHolder.class)
@ConditionalOnBean(TidingsAuthProperties.class)
@ConditionalOnBooleanProperty(name = "tidings.auth.bridge.enabled", matchIfMissing = true)
public final class TidingsIdentityBridgeAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	HostIdentities tidingsHostIdentities(IdentityBridge bridge, EntityManagerFactory entityManagerFactory,
			PlatformTransactionManager transactionManager, SecurityCache cache,
			ObjectProvider<HostTokenVerifier> tokens) {
		return new SpringSecurityIdentities(bridge,
				new HostUsers(SharedEntityManagerCreator.createSharedEntityManager(entityManagerFactory),
						new TransactionTemplate(transactionManager), cache),
				tokens.getIfAvailable());
	}

	@Bean
	@ConditionalOnMissingBean
	IdentityBridge tidingsIdentityBridge(TidingsAuthProperties properties, ObjectProvider<PrincipalClaims> claims) {
		TidingsAuthProperties.Bridge bridge = properties.bridge();
		return new DefaultIdentityBridge(
				new DefaultIdentityBridge.Settings(bridge.provider(), bridge.subjectClaim(), bridge.emailClaim(),
						bridge.rolesClaim(), bridge.roleMapping(), bridge.defaultRole()),
				claims.getIfAvailable(() -> (authentication) -> Map.of()));
	}

	/** The claims of a principal, empty when it has none. */
	interface PrincipalClaims extends Function<Authentication, Map<String, Object>> {

	}

	/** Principals with claims: JWTs, OIDC and OAuth2 users, introspected tokens. */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(ClaimAccessor.class)
	static class Claims {

		@Bean
		PrincipalClaims tidingsPrincipalClaims() {
			return (authentication) -> {
				Object principal = authentication.getPrincipal();
				if (principal instanceof ClaimAccessor claims) {
					return claims.getClaims();
				}
				if (principal instanceof OAuth2AuthenticatedPrincipal oauth) {
					return oauth.getAttributes();
				}
				return Map.of();
			};
		}

	}

	/** A resource server's JWTs. */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ JwtDecoder.class, JwtAuthenticationConverter.class })
	static class Jwts {

		@Bean
		@ConditionalOnMissingBean
		@ConditionalOnBean(JwtDecoder.class)
		HostTokenVerifier tidingsHostTokenVerifier(JwtDecoder decoder,
				ObjectProvider<JwtAuthenticationConverter> converter) {
			return new JwtTokenVerifier(decoder, converter.getIfAvailable(JwtAuthenticationConverter::new));
		}

	}

}
