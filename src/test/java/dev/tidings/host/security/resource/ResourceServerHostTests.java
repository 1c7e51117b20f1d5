package dev.tidings.host.security.resource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.tidings.host.security.HostRoutes;
import dev.tidings.realtime.SocketClient;
import dev.tidings.rest.ApiClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The identity bridge on a resource-server host: a JWT from the host's identity provider
 * (signed by a key this test owns) is a Tidings user on REST, at the WebSocket upgrade
 * and in an {@code auth} message, with the role its {@code groups} claim maps to.
 */
@SpringBootTest(classes = ResourceServerHostApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.url=jdbc:h2:mem:host-resource-server;DB_CLOSE_DELAY=-1",
				"tidings.websockets.enabled=true", "tidings.auth.bridge.roles-claim=realm_access.groups",
				"tidings.auth.bridge.role-mapping.keepers=" + HostRoutes.KEEPERS })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ResourceServerHostTests {

	@LocalServerPort
	int port;

	@Autowired
	KeyPair identityProviderKeys;

	@BeforeAll
	void keepersRole() {
		HostRoutes.createKeepersRole(this.port);
	}

	@Test
	void requestWhenHostIsResourceServerThenTidingsOwnTokensStillWork() {
		HostRoutes.assertTidingsWorksUnchanged(this.port);
	}

	@Test
	void restWhenHostJwtThenUserWithMappedRole() {
		ApiClient alice = new ApiClient(this.port).withToken(jwt("alice", "alice@idp.test", List.of("staff", "keepers"),
				Instant.now().plusSeconds(300), this.identityProviderKeys));
		alice.post("/items/pets", "{\"name\":\"Alice's cat\"}").item();
		assertThat(alice.get("/items/pets?fields=name").items()).contains(Map.of("name", "Alice's cat"));
		Map<String, Object> stored = new ApiClient(this.port).asAdmin()
			.get("/users/" + alice.get("/users/me?fields=id").item().get("id")
					+ "?fields=email,provider,external_identifier,role.name")
			.item();
		assertThat(stored).containsEntry("email", "alice@idp.test")
			.containsEntry("provider", "host")
			.containsEntry("external_identifier", "alice")
			.containsEntry("role", Map.of("name", HostRoutes.KEEPERS));
	}

	@Test
	void restWhenHostJwtMapsToNoRoleThenPublicPermissionsOnly() {
		ApiClient bob = new ApiClient(this.port).withToken(jwt("bob", "bob@idp.test", List.of("staff"),
				Instant.now().plusSeconds(300), this.identityProviderKeys));
		assertThat(bob.get("/items/pets").error(403, "FORBIDDEN")).isNotNull();
		Object id = bob.get("/users/me?fields=id").item().get("id");
		assertThat(new ApiClient(this.port).asAdmin().get("/users/" + id + "?fields=email,role").item())
			.containsEntry("email", "bob@idp.test")
			.containsEntry("role", null);
	}

	@Test
	void restWhenHostJwtExpiredOrForgedThenRefused() throws Exception {
		ApiClient expired = new ApiClient(this.port).withToken(jwt("carol", null, List.of("keepers"),
				Instant.now().minus(Duration.ofMinutes(10)), this.identityProviderKeys));
		assertThat(expired.get("/items/pets").error(401, "TOKEN_EXPIRED")).isNotNull();

		KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
		generator.initialize(2048);
		ApiClient forged = new ApiClient(this.port).withToken(
				jwt("carol", null, List.of("keepers"), Instant.now().plusSeconds(300), generator.generateKeyPair()));
		assertThat(forged.get("/items/pets").error(403, "INVALID_TOKEN")).isNotNull();
	}

	@Test
	void realtimeWhenHostJwtAtUpgradeOrInAuthThenUserReceivesPushes() {
		String token = jwt("dave", "dave@idp.test", List.of("keepers"), Instant.now().plusSeconds(300),
				this.identityProviderKeys);
		try (SocketClient upgraded = SocketClient.open(this.port, "?access_token=" + token);
				SocketClient authenticated = SocketClient.open(this.port, "")) {
			assertThat(authenticated.ask(Map.of("type", "auth", "access_token", token))).containsEntry("type", "auth")
				.containsEntry("status", "ok");
			for (SocketClient socket : List.of(upgraded, authenticated)) {
				assertThat(socket
					.ask(Map.of("type", "subscribe", "collection", "pets", "query", Map.of("fields", List.of("name")))))
					.containsEntry("event", "init");
			}
			new ApiClient(this.port).asAdmin().post("/items/pets", "{\"name\":\"Pushed\"}").item();
			for (SocketClient socket : List.of(upgraded, authenticated)) {
				assertThat(socket.next()).containsEntry("event", "create")
					.containsEntry("data", List.of(Map.of("name", "Pushed")));
			}
		}
	}

	@Test
	void hostRoutesWhenHostJwtThenHostAcceptsItAndWithoutOneRefuses() throws Exception {
		String token = jwt("erin", null, List.of(), Instant.now().plusSeconds(300), this.identityProviderKeys);
		HttpClient http = HttpClient.newHttpClient();
		URI hello = URI.create("http://localhost:" + this.port + "/hello");
		assertThat(http
			.send(HttpRequest.newBuilder(hello).header("Authorization", "Bearer " + token).build(),
					HttpResponse.BodyHandlers.ofString())
			.statusCode()).isEqualTo(200);
		assertThat(http.send(HttpRequest.newBuilder(hello).build(), HttpResponse.BodyHandlers.ofString()).statusCode())
			.isEqualTo(401);
	}

	/** An access token of the identity provider, signed with the given keys. */
	static String jwt(String subject, String email, List<String> groups, Instant expires, KeyPair keys) {
		JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().subject(subject)
			.issuer("https://idp.test")
			.issueTime(Date.from(expires.minusSeconds(600)))
			.expirationTime(Date.from(expires))
			.claim("realm_access", Map.of("groups", groups));
		if (email != null) {
			claims.claim("email", email);
		}
		try {
			SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims.build());
			jwt.sign(new RSASSASigner((RSAPrivateKey) keys.getPrivate()));
			return jwt.serialize();
		}
		catch (com.nimbusds.jose.JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
