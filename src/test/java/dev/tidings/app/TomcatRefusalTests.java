package dev.tidings.app;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What Tomcat refuses before any servlet runs is answered in the Directus envelope too,
 * as the fuzz suite requires of every answer.
 */
@SpringBootTest(classes = TidingsApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "spring.datasource.url=jdbc:h2:mem:tomcat-refusal-tests;DB_CLOSE_DELAY=-1")
class TomcatRefusalTests {

	@LocalServerPort
	private int port;

	@Test
	void readWhenQueryStringOverTheHeaderLimitThenEnvelope() throws Exception {
		String filter = "%7B%22title%22%3A%7B%22_eq%22%3A%22" + "a".repeat(20_000) + "%22%7D%7D";
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest
				.newBuilder(URI.create("http://localhost:" + this.port + "/items/articles?filter=" + filter))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/json"));
		assertThat(response.body()).isEqualTo(
				"{\"errors\":[{\"message\":\"The request could not be read.\",\"extensions\":{\"code\":\"INVALID_PAYLOAD\"}}]}");
	}

}
