package dev.tidings.files;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;

import com.sun.net.httpserver.HttpServer;
import dev.tidings.errors.ErrorCode;
import dev.tidings.errors.TidingsException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Imports with private addresses refused (the default): a server on the loopback address
 * is never reached, by its address, by a name resolving to it, or through a redirect.
 */
class RemoteFilesTests {

	private final RemoteFiles remote = new RemoteFiles(false, Duration.ofSeconds(5));

	@Test
	void openWhenTheAddressIsPrivateThenRefusedBeforeConnecting() throws IOException {
		HttpServer origin = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		int[] hits = { 0 };
		origin.createContext("/", (exchange) -> {
			hits[0]++;
			exchange.sendResponseHeaders(200, -1);
			exchange.close();
		});
		origin.start();
		try {
			int port = origin.getAddress().getPort();
			for (String url : new String[] { "http://127.0.0.1:" + port + "/a.png", "http://localhost:" + port + "/a",
					"http://[::1]:" + port + "/a", "http://0.0.0.0:" + port + "/a" }) {
				assertThatExceptionOfType(TidingsException.class).isThrownBy(() -> this.remote.open(url))
					.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.SERVICE_UNAVAILABLE));
			}
			assertThat(hits[0]).isZero();
		}
		finally {
			origin.stop(0);
		}
	}

	@Test
	void internalAddressesAreRecognised() throws IOException {
		for (String address : new String[] { "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254", "127.0.0.1",
				"0.0.0.0", "100.64.0.1", "224.0.0.1", "::1", "fe80::1", "fd00::1", "::" }) {
			assertThat(RemoteFiles.isInternal(InetAddress.getByName(address))).as(address).isTrue();
		}
		for (String address : new String[] { "93.184.216.34", "2606:4700::1111", "8.8.8.8" }) {
			assertThat(RemoteFiles.isInternal(InetAddress.getByName(address))).as(address).isFalse();
		}
	}

	@Test
	void openWhenTheSchemeIsNotHttpThenInvalidPayload() {
		assertThatExceptionOfType(TidingsException.class).isThrownBy(() -> this.remote.open("ftp://example.com/a"))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.INVALID_PAYLOAD));
	}

}
