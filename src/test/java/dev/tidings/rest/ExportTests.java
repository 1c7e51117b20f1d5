package dev.tidings.rest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import dev.tidings.app.TidingsApplication;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code export} query parameter over real HTTP: the read answered as a download in
 * CSV, JSON, XML or YAML, laid out as Directus lays it out, under the caller's
 * permissions, and a 400 for a format Directus does not know.
 */
@SpringBootTest(classes = TidingsApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
		"spring.datasource.url=jdbc:h2:mem:export-tests;DB_CLOSE_DELAY=-1", "tidings.auth.login-stall-time=10ms" })
class ExportTests {

	private static final String TRICKY_TITLE = "Say \"hi\", <then> & 'leave'\nnow";

	private final HttpClient http = HttpClient.newHttpClient();

	private final String base;

	private final ApiClient admin;

	private final ApiClient reader;

	private final JdbcTemplate jdbc;

	private int created;

	ExportTests(@LocalServerPort int port, @Autowired JdbcTemplate jdbc) {
		this.base = "http://localhost:" + port;
		this.admin = new ApiClient(port).asAdmin();
		this.reader = new ApiClient(port).as(PermissionEnforcementApiTests.READER_EMAIL,
				PermissionEnforcementApiTests.READER_PASSWORD);
		this.jdbc = jdbc;
	}

	@BeforeEach
	void createAnArticleWithEveryKindOfValue() {
		DemoRows.reset(this.jdbc);
		this.created = (Integer) this.admin
			.post("/items/articles", ApiClient.json(Map.of("title", TRICKY_TITLE, "status", "draft", "views", 3)))
			.item()
			.get("id");
		this.admin.post("/items/comments", ApiClient.json(Map.of("article", this.created, "body", "First")));
	}

	@AfterEach
	void backToTheSeed() {
		DemoRows.reset(this.jdbc);
	}

	@Test
	void readWhenExportCsvThenAttachmentWithQuotedTextAndListsAsJson() {
		HttpResponse<String> reply = get(this.admin,
				"/items/articles?fields=id,title,body,views,comments&filter[id][_eq]=" + this.created + "&export=csv");

		assertThat(reply.statusCode()).isEqualTo(200);
		assertThat(reply.headers().firstValue("Content-Type").map(MediaType::parseMediaType))
			.hasValue(MediaType.parseMediaType("text/csv; charset=utf-8"));
		assertThat(reply.headers().firstValue("Content-Disposition"))
			.hasValueSatisfying((disposition) -> assertThat(disposition)
				.matches("attachment; filename=\"articles \\d{8}-\\d{6}\\.csv\""));
		assertThat(reply.body()).isEqualTo("\"id\",\"title\",\"body\",\"views\",\"comments\"\n" + this.created
				+ ",\"Say \"\"hi\"\", <then> & 'leave'\nnow\",,3,\"[" + commentOfCreated() + "]\"");
	}

	@Test
	void readWhenExportCsvOfRelationThenNestedObjectsFlattenedIntoDottedColumns() {
		HttpResponse<String> reply = get(this.admin,
				"/items/comments?fields=id,article.id,article.views&sort=id&limit=2&export=csv");

		assertThat(reply.body()).isEqualTo("\"id\",\"article.id\",\"article.views\"\n1,1,37\n2,1,37");
	}

	@Test
	void readWhenExportCsvUtf8ThenByteOrderMarkAndCharset() {
		HttpResponse<String> reply = get(this.admin, "/items/articles?fields=id&filter[id][_eq]=1&export=csv_utf8");

		assertThat(reply.headers().firstValue("Content-Type").map(MediaType::parseMediaType))
			.hasValue(MediaType.parseMediaType("text/csv; charset=utf-8"));
		assertThat(reply.body()).isEqualTo("\uFEFF\"id\"\n1");
	}

	@Test
	void readWhenExportCsvMatchesNothingThenEmptyFile() {
		assertThat(get(this.admin, "/items/articles?filter[id][_eq]=-1&export=csv").body()).isEmpty();
	}

	@Test
	void readWhenExportJsonThenTheDataAloneIndentedWithTabsWithoutMeta() throws IOException {
		String query = "/items/articles?fields=id,title,comments&sort=id&limit=3";
		HttpResponse<String> reply = get(this.admin, query + "&meta=total_count&export=json");

		assertThat(reply.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/json"));
		assertThat(reply.headers().firstValue("Content-Disposition"))
			.hasValueSatisfying((disposition) -> assertThat(disposition).endsWith(".json\""));
		assertThat(reply.body()).startsWith("[\n\t{\n\t\t\"id\": 1,\n\t\t\"title\": ");
		assertThat(JsonMapper.builder().build().readValue(reply.body(), List.class))
			.isEqualTo(this.admin.get(query).items());
	}

	@Test
	void readOneWhenExportJsonThenTheItemObject() {
		HttpResponse<String> reply = get(this.admin, "/items/articles/" + this.created + "?fields=id,body&export=json");

		assertThat(reply.body()).isEqualTo("{\n\t\"id\": " + this.created + ",\n\t\"body\": null\n}");
	}

	@Test
	void readWhenExportXmlThenDataRootWithOneElementPerItemAndRepeatedListEntries() {
		HttpResponse<String> reply = get(this.admin,
				"/items/articles?fields=id,title,body,comments&filter[id][_eq]=" + this.created + "&export=xml");

		assertThat(reply.headers().firstValue("Content-Type").map(MediaType::parseMediaType))
			.hasValue(MediaType.parseMediaType("text/xml; charset=utf-8"));
		assertThat(reply.body()).isEqualTo("<?xml version='1.0'?>\n<data>\n    <data>\n        <id>" + this.created
				+ "</id>\n        <title>Say \"hi\", &lt;then&gt; &amp; 'leave'\nnow</title>\n"
				+ "        <body>null</body>\n        <comments>" + commentOfCreated() + "</comments>\n"
				+ "    </data>\n</data>");
	}

	@Test
	void readWhenExportYamlThenBlockStyleWithTextQuotedOnlyWhenAmbiguous() {
		this.admin.post("/items/articles", ApiClient.json(Map.of("title", "true", "body", "42", "views", 0)));
		HttpResponse<String> reply = get(this.admin,
				"/items/articles?fields=id,title,body,views,comments&filter[id][_gte]=" + this.created
						+ "&sort=id&export=yaml");

		assertThat(reply.headers().firstValue("Content-Type").map(MediaType::parseMediaType))
			.hasValue(MediaType.parseMediaType("text/yaml; charset=utf-8"));
		assertThat(reply.body()).isEqualTo("- id: " + this.created
				+ "\n  title: \"Say \\\"hi\\\", <then> & 'leave'\\nnow\"\n  body: null\n  views: 3\n  comments:\n    - "
				+ commentOfCreated() + "\n- id: " + (this.created + 1)
				+ "\n  title: 'true'\n  body: '42'\n  views: 0\n  comments: []\n");
	}

	@Test
	void readWhenReaderExportsThenOnlyTheRowsTheReaderMayRead() {
		List<String> published = this.jdbc.queryForList(
				"SELECT CAST(id AS VARCHAR(10)) FROM articles WHERE status = 'published' ORDER BY id", String.class);

		HttpResponse<String> reply = get(this.reader, "/items/articles?fields=id&sort=id&limit=-1&export=csv");

		assertThat(reply.body()).isEqualTo("\"id\"\n" + String.join("\n", published));
	}

	@Test
	void readWhenSystemCollectionExportedThenFileNamedAfterIt() {
		HttpResponse<String> reply = get(this.admin,
				"/users?fields=email&filter[email][_eq]=reader@example.com&export=csv");

		assertThat(reply.body()).isEqualTo("\"email\"\n\"reader@example.com\"");
		assertThat(reply.headers().firstValue("Content-Disposition")).hasValueSatisfying(
				(disposition) -> assertThat(disposition).startsWith("attachment; filename=\"directus_users "));
	}

	@Test
	void readWhenExportFormatUnknownThenInvalidQuery() {
		HttpResponse<String> reply = get(this.admin, "/items/articles?export=pdf");

		assertThat(reply.statusCode()).isEqualTo(400);
		assertThat(reply.body()).contains("\"code\":\"INVALID_QUERY\"")
			.contains("\"message\":\"Invalid query. \\\"export\\\" must be one of [csv, csv_utf8, json, xml, yaml].\"");
	}

	@Test
	void readWhenExportOfForbiddenCollectionThenErrorEnvelopeNotAFile() {
		HttpResponse<String> reply = get(this.reader, "/items/nothing_here?export=csv");

		assertThat(reply.statusCode()).isEqualTo(403);
		assertThat(reply.headers().firstValue("Content-Disposition")).isEmpty();
		assertThat(reply.body()).contains("\"code\":\"FORBIDDEN\"");
	}

	private int commentOfCreated() {
		return this.jdbc.queryForObject("SELECT id FROM comments WHERE article = ?", Integer.class, this.created);
	}

	private HttpResponse<String> get(ApiClient as, String pathAndQuery) {
		HttpRequest request = HttpRequest.newBuilder(URI.create(this.base + pathAndQuery))
			.header("Authorization", "Bearer " + as.bearer())
			.build();
		try {
			return this.http.send(request, BodyHandlers.ofString(StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
