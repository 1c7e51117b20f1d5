package dev.tidings.files;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import dev.tidings.app.TidingsApplication;
import dev.tidings.rest.ApiClient;
import dev.tidings.rest.Reply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Image variants through {@code GET /assets/{id}} over real HTTP, as the SDK's
 * {@code readAssetArrayBuffer(id, {width, fit…})} and an {@code <img src>} ask for them:
 * the dimensions each fit gives, formats, quality, presets, limits, the disk cache, and
 * the file's read permission.
 */
@SpringBootTest(classes = TidingsApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.url=jdbc:h2:mem:asset-transforms-tests;DB_CLOSE_DELAY=-1",
				"tidings.assets.max-dimension=1000", "tidings.assets.presets.card.width=16",
				"tidings.assets.presets.card.height=9", "tidings.assets.presets.card.format=png" })
class AssetTransformsTests {

	private static final Path root = folder("tidings-assets-files-");

	private static final Path cache = folder("tidings-assets-cache-");

	private final int port;

	private final ApiClient admin;

	AssetTransformsTests(@LocalServerPort int port) {
		this.port = port;
		this.admin = new ApiClient(port).asAdmin();
	}

	@DynamicPropertySource
	static void folders(DynamicPropertyRegistry registry) {
		registry.add("tidings.storage.local.root", root::toString);
		registry.add("tidings.assets.cache-dir", cache::toString);
	}

	@ParameterizedTest
	@CsvSource({ "width=32, 32, 24", "height=12, 16, 12", "width=20&height=20&fit=cover, 20, 20",
			"width=20&height=20, 20, 20", "width=20&height=20&fit=contain, 20, 20",
			"width=20&height=20&fit=inside, 20, 15", "width=20&height=20&fit=outside, 27, 20", "width=128, 128, 96",
			"width=128&withoutEnlargement=true, 64, 48", "width=100&height=100&fit=inside&withoutEnlargement, 64, 48",
			"format=png, 64, 48" })
	void transformWhenAskedThenTheDimensionsSharpWouldGive(String query, int width, int height) {
		String id = upload(png(64, 48));

		HttpResponse<byte[]> variant = get("/assets/" + id + "?" + query);

		assertThat(variant.statusCode()).isEqualTo(200);
		BufferedImage image = decode(variant.body());
		assertThat(image.getWidth()).isEqualTo(width);
		assertThat(image.getHeight()).isEqualTo(height);
	}

	@Test
	void transformWhenCoverThenTheCentreIsKeptAndContainPadsTheRest() {
		// left half red, right half blue, 40x20: a centred 20x20 cover keeps both halves
		BufferedImage halves = new BufferedImage(40, 20, BufferedImage.TYPE_INT_RGB);
		for (int x = 0; x < 40; x++) {
			for (int y = 0; y < 20; y++) {
				halves.setRGB(x, y, (x < 20) ? Color.RED.getRGB() : Color.BLUE.getRGB());
			}
		}
		String id = upload(encode(halves, "png"));

		BufferedImage cover = decode(get("/assets/" + id + "?width=20&height=20&fit=cover&format=png").body());
		assertThat(new Color(cover.getRGB(2, 10))).isEqualTo(Color.RED);
		assertThat(new Color(cover.getRGB(17, 10))).isEqualTo(Color.BLUE);
		BufferedImage contain = decode(get("/assets/" + id + "?width=20&height=20&fit=contain&format=png").body());
		assertThat(contain.getRGB(10, 1) >>> 24).as("padding is transparent in a PNG").isZero();
		assertThat(new Color(contain.getRGB(2, 10))).isEqualTo(Color.RED);
	}

	@Test
	void transformWhenFormatAndQualityThenThatEncoding() {
		String id = upload(noise(200, 150));

		HttpResponse<byte[]> jpg = get("/assets/" + id + "?format=jpg&quality=90");
		HttpResponse<byte[]> rough = get("/assets/" + id + "?format=jpg&quality=10");
		HttpResponse<byte[]> png = get("/assets/" + id + "?width=50&format=png");

		assertThat(jpg.headers().firstValue("Content-Type")).hasValue("image/jpeg");
		assertThat(jpg.body()).startsWith(0xff, 0xd8);
		assertThat(rough.body().length).isLessThan(jpg.body().length / 2);
		assertThat(png.headers().firstValue("Content-Type")).hasValue("image/png");
		assertThat(decode(png.body()).getWidth()).isEqualTo(50);
	}

	@Test
	void transformWhenAutoThenTheSourceFormatAndVaryAccept() {
		String id = upload(png(10, 10));

		HttpResponse<byte[]> auto = get("/assets/" + id + "?width=5&format=auto");

		assertThat(auto.headers().firstValue("Content-Type")).hasValue("image/png");
		assertThat(auto.headers().allValues("Vary")).anySatisfy((vary) -> assertThat(vary).contains("Accept"));
	}

	@Test
	void transformWhenKeyThenThePresetAndSystemPresets() {
		String id = upload(png(64, 48));

		HttpResponse<byte[]> card = get("/assets/" + id + "?key=card");
		assertThat(card.headers().firstValue("Content-Type")).hasValue("image/png");
		assertThat(decode(card.body())).satisfies((image) -> {
			assertThat(image.getWidth()).isEqualTo(16);
			assertThat(image.getHeight()).isEqualTo(9);
		});
		BufferedImage thumbnail = decode(get("/assets/" + id + "?key=system-small-cover").body());
		assertThat(thumbnail.getWidth()).isEqualTo(64);
		assertThat(thumbnail.getHeight()).isEqualTo(64);
		this.admin.get("/assets/" + id + "?key=nope").error(400, "INVALID_QUERY");
	}

	@ParameterizedTest
	@ValueSource(strings = { "width=-3", "width=0", "width=abc", "height=1001", "fit=zoom", "quality=0", "quality=101",
			"format=gif", "format=avif", "withoutEnlargement=maybe", "transforms=[[\"blur\",10]]" })
	void transformWhenMalformedThenInvalidQueryAndNothingCached(String query) throws IOException {
		String id = upload(png(8, 8));
		long before = cached();

		Reply reply = this.admin
			.get("/assets/" + id + "?" + query.replace("[", "%5B").replace("]", "%5D").replace("\"", "%22"));

		reply.error(400, "INVALID_QUERY");
		assertThat(cached()).isEqualTo(before);
	}

	@Test
	void transformWhenTheSourceHasMorePixelsThanTheMaximumSquaredThenRefusedFromItsHeader() {
		String bomb = upload(png(1001, 1000));
		String strip = upload(png(1200, 10));

		this.admin.get("/assets/" + bomb + "?width=10").error(400, "ILLEGAL_ASSET_TRANSFORMATION");
		assertThat(get("/assets/" + bomb).statusCode()).as("the original is still served").isEqualTo(200);
		assertThat(decode(get("/assets/" + strip + "?width=600").body()).getWidth())
			.as("a strip longer than max-dimension has few pixels, as Directus counts them")
			.isEqualTo(600);
	}

	@Test
	void transformWhenTheImageDataIsCutShortThenRefusedAndTheOriginalStillServed() {
		byte[] whole = noise(60, 60);
		byte[] truncated = java.util.Arrays.copyOf(whole, whole.length / 2);
		String id = upload(truncated);

		this.admin.get("/assets/" + id + "?width=10").error(400, "ILLEGAL_ASSET_TRANSFORMATION");
		assertThat(get("/assets/" + id).body()).isEqualTo(truncated);
	}

	@Test
	void transformWhenTheFileIsReplacedThenAFreshVariant() throws IOException {
		String id = upload(png(40, 20));
		BufferedImage before = decode(get("/assets/" + id + "?width=10&format=png").body());
		String filename = (String) this.admin.get("/files/" + id).item().get("filename_disk");

		// same byte count, so only the row's new modified_on tells the versions apart, as
		// it
		// will when an upload replaces the bytes
		Files.write(root.resolve(filename), png(20, 40));
		this.admin.patch("/files/" + id, ApiClient.json(Map.of("title", "turned"))).item();
		BufferedImage after = decode(get("/assets/" + id + "?width=10&format=png").body());

		assertThat(before.getHeight()).isEqualTo(5);
		assertThat(after.getHeight()).as("made from the new bytes, not the cached variant").isEqualTo(20);
	}

	@Test
	void transformWhenNotAnImageThenTheOriginalBytes() {
		byte[] text = "plain words".getBytes();
		String id = upload(text, "note.txt", "text/plain");

		HttpResponse<byte[]> response = get("/assets/" + id + "?width=10");

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEqualTo(text);
	}

	@Test
	void transformWhenAskedTwiceThenServedFromTheCacheWithItsOwnETag() throws IOException {
		String id = upload(png(30, 30));
		long before = cached();

		HttpResponse<byte[]> first = get("/assets/" + id + "?width=10");
		long afterFirst = cached();
		HttpResponse<byte[]> second = get("/assets/" + id + "?width=10");
		HttpResponse<byte[]> other = get("/assets/" + id + "?width=11");
		HttpResponse<byte[]> original = get("/assets/" + id);

		assertThat(afterFirst).isEqualTo(before + 1);
		assertThat(cached()).as("only the second variant added").isEqualTo(afterFirst + 1);
		assertThat(second.body()).isEqualTo(first.body());
		String etag = first.headers().firstValue("ETag").orElseThrow();
		assertThat(second.headers().firstValue("ETag")).hasValue(etag);
		assertThat(other.headers().firstValue("ETag")).isPresent().isNotEqualTo(java.util.Optional.of(etag));
		assertThat(original.headers().firstValue("ETag")).isPresent().isNotEqualTo(java.util.Optional.of(etag));
		assertThat(send("/assets/" + id + "?width=10", Map.of("If-None-Match", etag)).statusCode()).isEqualTo(304);
		assertThat(send("/assets/" + id + "?width=10", Map.of("Range", "bytes=0-3")).body())
			.isEqualTo(java.util.Arrays.copyOf(first.body(), 4));
	}

	@Test
	void transformWhenTheCallerMayNotReadTheFileThenForbiddenAndAPublicFileIsPublic() {
		String id = upload(png(20, 20));
		ApiClient reader = new ApiClient(this.port).as("reader@example.com", "reader-password-123");

		reader.get("/assets/" + id + "?width=10").error(403, "FORBIDDEN");
		this.admin.anonymous().get("/assets/" + id + "?width=10").error(403, "FORBIDDEN");

		String permission = String
			.valueOf(this.admin
				.post("/permissions",
						ApiClient.json(Map.of("policy", "abf8a154-5b1c-4a46-ac9c-7300570f4f17", "collection",
								"directus_files", "action", "read", "fields", java.util.List.of("*"))))
				.item()
				.get("id"));
		try {
			HttpResponse<byte[]> open = send("/assets/" + id + "?width=10", Map.of());
			assertThat(open.statusCode()).isEqualTo(200);
			assertThat(decode(open.body()).getWidth()).isEqualTo(10);
		}
		finally {
			this.admin.delete("/permissions/" + permission);
		}
	}

	private String upload(byte[] bytes) {
		return upload(bytes, "image.png", "image/png");
	}

	private String upload(byte[] bytes, String name, String type) {
		Multipart body = new Multipart().file(name, type, bytes);
		return (String) this.admin.send("POST", "/files", body.contentType(), BodyPublishers.ofByteArray(body.bytes()))
			.item()
			.get("id");
	}

	private HttpResponse<byte[]> get(String path) {
		String separator = path.contains("?") ? "&" : "?";
		return send(path + separator + "access_token=" + this.admin.bearer(), Map.of());
	}

	private HttpResponse<byte[]> send(String path, Map<String, String> headers) {
		String withToken = path.contains("access_token") || headers.isEmpty() ? path
				: path + (path.contains("?") ? "&" : "?") + "access_token=" + this.admin.bearer();
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + withToken));
		headers.forEach(request::header);
		try {
			return HttpClient.newHttpClient().send(request.build(), BodyHandlers.ofByteArray());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static long cached() throws IOException {
		try (Stream<Path> files = Files.list(cache)) {
			return files.filter((file) -> !file.getFileName().toString().startsWith(".")).count();
		}
	}

	private static BufferedImage decode(byte[] bytes) {
		try {
			BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
			assertThat(image).as("an image").isNotNull();
			return image;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static byte[] png(int width, int height) {
		return Images.png(width, height);
	}

	private static byte[] noise(int width, int height) {
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		java.util.Random random = new java.util.Random(7);
		for (int x = 0; x < width; x++) {
			for (int y = 0; y < height; y++) {
				image.setRGB(x, y, random.nextInt(0xffffff));
			}
		}
		return encode(image, "png");
	}

	private static byte[] encode(BufferedImage image, String format) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			ImageIO.write(image, format, out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	private static Path folder(String prefix) {
		try {
			return Files.createTempDirectory(prefix);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
