package dev.tidings.host.security.plain;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import dev.tidings.host.security.HostRoutes;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A host that only added Spring Security: Boot's default chain still guards the host's
 * routes (Tidings' chain must not make it back off), and Tidings works as it does alone.
 */
@SpringBootTest(classes = DefaultSecurityHostApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.url=jdbc:h2:mem:host-default-security;DB_CLOSE_DELAY=-1",
				"tidings.websockets.enabled=true" })
class DefaultSecurityHostTests {

	@LocalServerPort
	int port;

	@Test
	void requestWhenHostHasBootsDefaultSecurityThenTidingsRoutesWorkAndHostRoutesStayGuarded() throws Exception {
		HostRoutes.assertTidingsWorksUnchanged(this.port);

		HttpResponse<String> hello = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/hello")).build(),
					HttpResponse.BodyHandlers.ofString());
		assertThat(hello.statusCode()).isIn(302, 401);
	}

}
