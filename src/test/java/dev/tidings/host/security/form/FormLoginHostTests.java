package dev.tidings.host.security.form;

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
 * A host with its own form-login chain: Tidings works as it does alone, and the host's
 * own routes still send an anonymous visitor to the login page.
 */
@SpringBootTest(classes = FormLoginHostApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
		"spring.datasource.url=jdbc:h2:mem:host-form-login;DB_CLOSE_DELAY=-1", "tidings.websockets.enabled=true" })
class FormLoginHostTests {

	@LocalServerPort
	int port;

	@Test
	void requestWhenHostUsesFormLoginThenTidingsRoutesWorkAndHostRoutesAskForLogin() throws Exception {
		HostRoutes.assertTidingsWorksUnchanged(this.port);

		HttpResponse<String> hello = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/hello")).build(),
					HttpResponse.BodyHandlers.ofString());
		assertThat(hello.statusCode()).isEqualTo(302);
		assertThat(hello.headers().firstValue("Location"))
			.hasValueSatisfying((to) -> assertThat(to).endsWith("/login"));
	}

}
