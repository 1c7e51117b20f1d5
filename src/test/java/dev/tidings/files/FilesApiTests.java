package dev.tidings.files;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import dev.tidings.app.TidingsApplication;
import dev.tidings.rest.ApiClient;
import dev.tidings.rest.Reply;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Uploads, file rows, folders and assets through the real HTTP stack, as the SDK's
 * {@code uploadFiles}, {@code readFiles}, {@code deleteFile} and {@code /assets} use
 * them.
 */
@SpringBootTest(classes = TidingsApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.url=jdbc:h2:mem:files-api-tests;DB_CLOSE_DELAY=-1",
				"tidings.files.max-upload-size=64kb", "tidings.files.mime-type-allow-list=image/*,text/plain" })
class FilesApiTests {

	private static final Path root = temporaryFolder();

	private final int port;

	private final ApiClient admin;

	private final ApiClient reader;

	FilesApiTests(@LocalServerPort int port) {
		this.port = port;
		this.admin = new ApiClient(port).asAdmin();
		this.reader = new ApiClient(port).as("reader@example.com", "reader-password-123");
	}

	@DynamicPropertySource
	static void storage(DynamicPropertyRegistry registry) {
		registry.add("tidings.storage.local.root", root::toString);
	}

	@Test
	void uploadWhenPngClaimsToBeTextThenTypeAndDimensionsComeFromTheBytes() throws IOException {
		Multipart body = new Multipart().field("title", "A dot").file("dot.txt", "text/plain", Images.png(3, 2));

		Map<String, Object> file = upload(this.admin, body, "").item();

		String me = (String) this.admin.get("/users/me?fields=id").item().get("id");
		assertThat(file).containsEntry("type", "image/png")
			.containsEntry("width", 3)
			.containsEntry("height", 2)
			.containsEntry("title", "A dot")
			.containsEntry("filename_download", "dot.txt")
			.containsEntry("filename_disk", file.get("id") + ".png")
			.containsEntry("storage", "local")
			.containsEntry("uploaded_by", me)
			.containsEntry("filesize", Images.png(3, 2).length);
		assertThat(file.get("uploaded_on")).isNotNull();
		assertThat(Files.readAllBytes(root.resolve(file.get("id") + ".png"))).isEqualTo(Images.png(3, 2));
	}

	@Test
	void uploadWhenSeveralFilesThenAnArrayShapedByFields() {
		Multipart body = new Multipart().file("a.png", "image/png", Images.png(1, 1))
			.field("title", "Second")
			.file("b.png", "image/png", Images.png(2, 2));

		List<Map<String, Object>> files = upload(this.admin, body, "?fields=title,width").items();

		assertThat(files).containsExactly(Map.of("title", "A", "width", 1), Map.of("title", "Second", "width", 2));
	}

	@Test
	void uploadWhenLargerThanTheLimitThen413AndNothingStored() throws IOException {
		long before = storedFiles();
		byte[] text = new byte[100 * 1024];
		Arrays.fill(text, (byte) 'a');

		upload(this.admin, new Multipart().file("big.txt", "text/plain", text), "").error(413, "CONTENT_TOO_LARGE");

		assertThat(storedFiles()).isEqualTo(before);
		assertThat(this.admin.get("/files?filter[filename_download][_eq]=big.txt").items()).isEmpty();
	}

	@Test
	void uploadWhenTypeIsOffTheAllowListThen415() throws IOException {
		long before = storedFiles();
		byte[] pdf = "%PDF-1.4\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n".getBytes(StandardCharsets.ISO_8859_1);

		upload(this.admin, new Multipart().file("doc.png", "image/png", pdf), "").error(415, "UNSUPPORTED_MEDIA_TYPE");

		assertThat(storedFiles()).isEqualTo(before);
	}

	@Test
	void uploadWhenCallerMayNotCreateFilesThen403AndNoBytesLeft() throws IOException {
		long before = storedFiles();

		upload(this.reader, new Multipart().file("x.png", "image/png", Images.png(1, 1)), "").error(403, "FORBIDDEN");

		assertThat(storedFiles()).isEqualTo(before);
	}

	@Test
	void readWhenCallerMayNotReadFilesThenFilesAndAssetsAreForbidden() {
		String id = (String) upload(this.admin, new Multipart().file("p.png", "image/png", Images.png(1, 1)), "").item()
			.get("id");

		this.reader.get("/files").error(403, "FORBIDDEN");
		this.reader.get("/files/" + id).error(403, "FORBIDDEN");
		this.reader.get("/assets/" + id).error(403, "FORBIDDEN");
		new ApiClient(this.port).get("/assets/" + id).error(403, "FORBIDDEN");
		this.admin.get("/assets/00000000-0000-0000-0000-000000000000").error(403, "FORBIDDEN");
		this.admin.get("/assets/not-a-uuid").error(403, "FORBIDDEN");
	}

	@Test
	void assetsServeETag304RangeAndDownload() throws Exception {
		byte[] png = Images.png(4, 4);
		String id = (String) upload(this.admin, new Multipart().file("tile.png", "image/png", png), "").item()
			.get("id");
		String token = this.admin.bearer();

		HttpResponse<byte[]> whole = asset("/assets/" + id + "?access_token=" + token, Map.of());
		assertThat(whole.statusCode()).isEqualTo(200);
		assertThat(whole.body()).isEqualTo(png);
		assertThat(whole.headers().firstValue("Content-Type")).hasValue("image/png");
		assertThat(whole.headers().firstValue("Content-Disposition"))
			.hasValueSatisfying((value) -> assertThat(value).startsWith("inline").contains("tile.png"));
		String etag = whole.headers().firstValue("ETag").orElseThrow();
		assertThat(etag).startsWith("\"");

		assertThat(asset("/assets/" + id + "?access_token=" + token, Map.of("If-None-Match", etag)).statusCode())
			.isEqualTo(304);

		HttpResponse<byte[]> part = asset("/assets/" + id + "?access_token=" + token, Map.of("Range", "bytes=0-9"));
		assertThat(part.statusCode()).isEqualTo(206);
		assertThat(part.body()).isEqualTo(Arrays.copyOf(png, 10));

		assertThat(asset("/assets/" + id + "?download&access_token=" + token, Map.of()).headers()
			.firstValue("Content-Disposition"))
			.hasValueSatisfying((value) -> assertThat(value).startsWith("attachment").contains("tile.png"));
	}

	@Test
	void deleteWhenFileRowIsDeletedThenItsBytesAreGone() {
		Map<String, Object> file = upload(this.admin, new Multipart().file("gone.png", "image/png", Images.png(1, 1)),
				"")
			.item();
		Path bytes = root.resolve((String) file.get("filename_disk"));
		assertThat(bytes).exists();

		assertThat(this.admin.delete("/files/" + file.get("id")).status()).isEqualTo(204);

		assertThat(bytes).doesNotExist();
	}

	@Test
	void filesRowsAreUpdatedThroughTheItemsRoutes() {
		String id = (String) upload(this.admin, new Multipart().file("r.png", "image/png", Images.png(1, 1)), "").item()
			.get("id");

		assertThat(this.admin.patch("/files/" + id + "?fields=title,type", "{\"title\":\"Renamed\",\"type\":\"x/y\"}")
			.item()).containsEntry("title", "Renamed");
	}

	@Test
	void foldersAreCreatedReadUpdatedAndDeleted() {
		String parent = (String) this.admin.post("/folders", "{\"name\":\"Photos\"}").item().get("id");
		String child = (String) this.admin.post("/folders", ApiClient.json(Map.of("name", "2026", "parent", parent)))
			.item()
			.get("id");

		assertThat(this.admin.get("/folders/" + child + "?fields=name,parent.name").item())
			.isEqualTo(Map.of("name", "2026", "parent", Map.of("name", "Photos")));
		Map<String, Object> file = upload(this.admin,
				new Multipart().field("folder", child).file("f.png", "image/png", Images.png(1, 1)),
				"?fields=folder.name")
			.item();
		assertThat(file).isEqualTo(Map.of("folder", Map.of("name", "2026")));

		this.admin.patch("/folders/" + child, "{\"name\":\"Twenty\"}").item();
		assertThat(this.admin.get("/folders/" + child + "?fields=name").item()).containsEntry("name", "Twenty");
		assertThat(this.admin.delete("/folders/" + child).status()).isEqualTo(204);
		this.admin.get("/folders/" + child).error(403, "FORBIDDEN");
	}

	@Test
	void importWhenImportsAreOffThenForbidden() {
		this.admin.post("/files/import", "{\"url\":\"http://127.0.0.1:9/x.png\"}").error(403, "FORBIDDEN");
	}

	@Test
	void articleImageExpandsForWhoeverMayReadFiles() {
		String id = (String) upload(this.admin, new Multipart().file("cover.png", "image/png", Images.png(5, 3)), "")
			.item()
			.get("id");
		this.admin.patch("/items/articles/1", ApiClient.json(Map.of("image", id))).item();

		assertThat(this.admin.get("/items/articles/1?fields=image.*").item().get("image"))
			.asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
			.containsEntry("id", id)
			.containsEntry("width", 5);
		this.admin.patch("/items/articles/1", "{\"image\":null}").item();
	}

	private Reply upload(ApiClient client, Multipart body, String query) {
		return client.send("POST", "/files" + query, body.contentType(), BodyPublishers.ofByteArray(body.bytes()));
	}

	private HttpResponse<byte[]> asset(String path, Map<String, String> headers) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path));
		headers.forEach(request::header);
		return HttpClient.newHttpClient().send(request.build(), BodyHandlers.ofByteArray());
	}

	private static long storedFiles() throws IOException {
		try (Stream<Path> files = Files.list(root)) {
			return files.count();
		}
	}

	private static Path temporaryFolder() {
		try {
			return Files.createTempDirectory("tidings-files-");
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

}
