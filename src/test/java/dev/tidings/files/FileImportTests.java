package dev.tidings.files;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Map;

import com.sun.net.httpserver.HttpServer;
import dev.tidings.app.TidingsApplication;
import dev.tidings.rest.ApiClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code POST /files/import} with imports on and, for the test's own server on the
 * loopback address, private addresses allowed: the file is fetched (redirects followed)
 * and stored as an upload would be.
 */
@SpringBootTest(classes = TidingsApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.url=jdbc:h2:mem:file-import-tests;DB_CLOSE_DELAY=-1",
				"tidings.files.import.enabled=true", "tidings.files.import.allow-private-addresses=true",
				"tidings.storage.local.root=${java.io.tmpdir}/tidings-file-import-tests" })
class FileImportTests {

	private static HttpServer origin;

	private final ApiClient admin;

	FileImportTests(@LocalServerPort int port) {
		this.admin = new ApiClient(port).asAdmin();
	}

	@BeforeAll
	static void startOrigin() throws IOException {
		origin = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		byte[] png = Images.png(7, 5);
		origin.createContext("/pictures/sunset.png", (exchange) -> {
			exchange.sendResponseHeaders(200, png.length);
			exchange.getResponseBody().write(png);
			exchange.close();
		});
		origin.createContext("/moved", (exchange) -> {
			exchange.getResponseHeaders().add("Location", "/pictures/sunset.png");
			exchange.sendResponseHeaders(302, -1);
			exchange.close();
		});
		origin.start();
	}

	@AfterAll
	static void stopOrigin() {
		origin.stop(0);
	}

	@Test
	void importWhenEnabledThenTheFileIsFetchedTypedAndStored() {
		Map<String, Object> file = this.admin
			.post("/files/import",
					ApiClient.json(Map.of("url", url("/pictures/sunset.png"), "data", Map.of("title", "Sunset"))))
			.item();

		assertThat(file).containsEntry("type", "image/png")
			.containsEntry("width", 7)
			.containsEntry("height", 5)
			.containsEntry("title", "Sunset")
			.containsEntry("filename_download", "sunset.png");
	}

	@Test
	void importWhenTheUrlRedirectsThenTheTargetIsFetched() {
		assertThat(this.admin.post("/files/import", ApiClient.json(Map.of("url", url("/moved")))).item())
			.containsEntry("type", "image/png");
	}

	@Test
	void importWhenTheUrlIsNotHttpThenInvalidPayload() {
		this.admin.post("/files/import", "{\"url\":\"file:///etc/passwd\"}").error(400, "INVALID_PAYLOAD");
		this.admin.post("/files/import", "{}").error(400, "INVALID_PAYLOAD");
	}

	private static String url(String path) {
		return "http://127.0.0.1:" + origin.getAddress().getPort() + path;
	}

}
