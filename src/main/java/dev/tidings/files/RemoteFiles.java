package dev.tidings.files;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

import dev.tidings.errors.ErrorCode;
import dev.tidings.errors.TidingsError;
import dev.tidings.errors.TidingsException;
import org.jspecify.annotations.Nullable;

/**
 * Fetches the file of an import over HTTP or HTTPS without letting a client reach what
 * only the server can: the host name is resolved once, every address it resolves to is
 * checked, and the connection goes to a checked address, so a name that re-resolves to
 * another address between the check and the connection (DNS rebinding) gains nothing.
 * Redirects are followed by hand, each target checked the same way. Requests are HTTP/1.0
 * with {@code Connection: close}, so the body is the rest of the stream.
 */
final class RemoteFiles {

	private static final int MAX_REDIRECTS = 5;

	private static final int MAX_HEADER_BYTES = 64 * 1024;

	private final boolean allowPrivateAddresses;

	private final Duration timeout;

	RemoteFiles(boolean allowPrivateAddresses, Duration timeout) {
		this.allowPrivateAddresses = allowPrivateAddresses;
		this.timeout = timeout;
	}

	/** The response body of the URL, after redirects; the caller closes it. */
	Download open(String url) {
		URI target = parse(url);
		for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
			Response response = get(url, target);
			if (response.status() >= 300 && response.status() < 400 && response.location() != null) {
				response.close();
				target = parse(target.resolve(response.location()).toString());
				continue;
			}
			if (response.status() < 200 || response.status() >= 300) {
				response.close();
				throw unavailable(url);
			}
			return new Download(response.body(), filename(target));
		}
		throw unavailable(url);
	}

	private Response get(String url, URI target) {
		String host = target.getHost();
		boolean secure = target.getScheme().equalsIgnoreCase("https");
		int port = (target.getPort() >= 0) ? target.getPort() : (secure ? 443 : 80);
		InetAddress address = checkedAddress(url, host);
		Socket socket = new Socket();
		try {
			socket.connect(new InetSocketAddress(address, port), (int) this.timeout.toMillis());
			socket.setSoTimeout((int) this.timeout.toMillis());
			Socket channel = secure ? secured(socket, host, port) : socket;
			OutputStream out = channel.getOutputStream();
			String path = (target.getRawPath() == null || target.getRawPath().isEmpty()) ? "/" : target.getRawPath();
			String query = (target.getRawQuery() != null) ? "?" + target.getRawQuery() : "";
			String hostHeader = (target.getPort() >= 0) ? host + ":" + port : host;
			out.write(("GET " + path + query + " HTTP/1.0\r\nHost: " + hostHeader
					+ "\r\nUser-Agent: Tidings\r\nAccept: */*\r\nConnection: close\r\n\r\n")
				.getBytes(StandardCharsets.US_ASCII));
			out.flush();
			return Response.read(channel, new BufferedInputStream(channel.getInputStream()));
		}
		catch (IOException | RuntimeException ex) {
			closeQuietly(socket);
			if (ex instanceof TidingsException tidings) {
				throw tidings;
			}
			throw unavailable(url);
		}
	}

	private InetAddress checkedAddress(String url, String host) {
		InetAddress[] addresses;
		try {
			addresses = InetAddress.getAllByName(host);
		}
		catch (IOException ex) {
			throw unavailable(url);
		}
		if (!this.allowPrivateAddresses) {
			for (InetAddress address : addresses) {
				if (isInternal(address)) {
					throw unavailable(url);
				}
			}
		}
		return addresses[0];
	}

	/**
	 * Loopback, private, link-local (cloud metadata services among them), unique-local,
	 * multicast and the unspecified address: places only the server itself can reach.
	 */
	static boolean isInternal(InetAddress address) {
		if (address.isLoopbackAddress() || address.isAnyLocalAddress() || address.isLinkLocalAddress()
				|| address.isSiteLocalAddress() || address.isMulticastAddress()) {
			return true;
		}
		byte[] bytes = address.getAddress();
		if (address instanceof Inet6Address) {
			return (bytes[0] & 0xfe) == 0xfc;
		}
		// 100.64.0.0/10, shared address space behind carrier NAT, and 0.0.0.0/8
		return ((bytes[0] & 0xff) == 100 && (bytes[1] & 0xc0) == 64) || bytes[0] == 0;
	}

	private static Socket secured(Socket socket, String host, int port) throws IOException {
		SSLSocket ssl = (SSLSocket) ((SSLSocketFactory) SSLSocketFactory.getDefault()).createSocket(socket, host, port,
				true);
		SSLParameters parameters = ssl.getSSLParameters();
		parameters.setEndpointIdentificationAlgorithm("HTTPS");
		if (!host.isEmpty() && !Character.isDigit(host.charAt(host.length() - 1)) && !host.contains(":")) {
			parameters.setServerNames(List.of(new SNIHostName(host)));
		}
		ssl.setSSLParameters(parameters);
		ssl.startHandshake();
		return ssl;
	}

	private static URI parse(String url) {
		URI uri;
		try {
			uri = new URI(url);
		}
		catch (URISyntaxException ex) {
			throw TidingsException.invalidPayload("\"url\" must be a valid URL");
		}
		String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
		if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
			throw TidingsException.invalidPayload("\"url\" must be an http or https URL");
		}
		return uri;
	}

	private static @Nullable String filename(URI target) {
		String path = target.getPath();
		if (path == null) {
			return null;
		}
		String last = path.substring(path.lastIndexOf('/') + 1);
		return last.isEmpty() ? null : last;
	}

	private static TidingsException unavailable(String url) {
		return new TidingsException(new TidingsError(ErrorCode.SERVICE_UNAVAILABLE,
				"Service \"external-file\" is unavailable. Couldn't fetch file from URL \"" + url + "\".",
				Map.of("service", "external-file")));
	}

	private static void closeQuietly(Closeable closeable) {
		try {
			closeable.close();
		}
		catch (IOException ex) {
			// nothing left to do with a connection that failed
		}
	}

	/** A fetched body and the name its URL gives it, if any. */
	record Download(InputStream body, @Nullable String filename) implements Closeable {

		@Override
		public void close() throws IOException {
			this.body.close();
		}

	}

	private record Response(int status, @Nullable String location, InputStream body) implements Closeable {

		static Response read(Socket socket, InputStream in) throws IOException {
			String statusLine = line(in);
			String[] parts = statusLine.split(" ", 3);
			if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
				throw new IOException("Not an HTTP response");
			}
			int status = Integer.parseInt(parts[1]);
			String location = null;
			int total = statusLine.length();
			for (String header = line(in); !header.isEmpty(); header = line(in)) {
				total += header.length();
				if (total > MAX_HEADER_BYTES) {
					throw new IOException("Response headers too long");
				}
				int colon = header.indexOf(':');
				if (colon > 0 && header.substring(0, colon).trim().equalsIgnoreCase("location")) {
					location = header.substring(colon + 1).trim();
				}
			}
			InputStream body = new FilterInputStream(in) {

				@Override
				public void close() throws IOException {
					socket.close();
				}

			};
			return new Response(status, location, body);
		}

		private static String line(InputStream in) throws IOException {
			ByteArrayOutputStream bytes = new ByteArrayOutputStream();
			int b;
			while ((b = in.read()) != -1 && b != '\n') {
				if (bytes.size() > MAX_HEADER_BYTES) {
					throw new IOException("Response header line too long");
				}
				bytes.write(b);
			}
			if (b == -1 && bytes.size() == 0) {
				throw new IOException("Connection closed before the response");
			}
			String line = bytes.toString(StandardCharsets.ISO_8859_1);
			return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
		}

		@Override
		public void close() {
			closeQuietly(this.body);
		}

	}

}
