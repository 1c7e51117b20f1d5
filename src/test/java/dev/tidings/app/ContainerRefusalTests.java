package dev.tidings.app;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.util.ClassUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the servlet container refuses before any servlet runs is answered in the Directus
 * envelope too, as the fuzz suite requires of every answer: on Tomcat in the default test
 * run, on Jetty in the {@code on-jetty} one.
 */
@SpringBootTest(classes = TidingsApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "spring.datasource.url=jdbc:h2:mem:container-refusal-tests;DB_CLOSE_DELAY=-1")
class ContainerRefusalTests {

	private static final String UNREADABLE = "{\"errors\":[{\"message\":\"The request could not be read.\",\"extensions\":{\"code\":\"INVALID_PAYLOAD\"}}]}";

	private static final boolean JETTY = ClassUtils.isPresent("org.eclipse.jetty.server.Server", null);

	private final int port;

	ContainerRefusalTests(@LocalServerPort int port) {
		this.port = port;
	}

	@Test
	void readWhenQueryStringOverTheHeaderLimitThenEnvelope() throws Exception {
		String filter = "%7B%22title%22%3A%7B%22_eq%22%3A%22" + "a".repeat(20_000) + "%22%7D%7D";
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest
				.newBuilder(URI.create("http://localhost:" + this.port + "/items/articles?filter=" + filter))
				.build(), HttpResponse.BodyHandlers.ofString());
		// Tomcat answers a request line over its limit with 400, Jetty with 414 (URI too
		// long)
		assertThat(response.statusCode()).isEqualTo(JETTY ? 414 : 400);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/json"));
		assertThat(response.body()).isEqualTo(UNREADABLE);
	}

	@Test
	void readWhenPathIsNotPercentEncodedThenEnvelope() throws Exception {
		String answer = raw("GET /items/%zz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
		assertThat(answer).startsWith("HTTP/1.1 400")
			.containsIgnoringCase("Content-Type: application/json")
			.endsWith(UNREADABLE);
	}

	private String raw(String request) throws Exception {
		try (Socket socket = new Socket("localhost", this.port)) {
			OutputStream out = socket.getOutputStream();
			out.write(request.getBytes(StandardCharsets.ISO_8859_1));
			out.flush();
			InputStream in = socket.getInputStream();
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

}
