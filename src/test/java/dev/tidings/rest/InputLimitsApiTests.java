package dev.tidings.rest;

import java.net.http.HttpRequest.BodyPublishers;
import java.util.List;
import java.util.Map;

import dev.tidings.app.TidingsApplication;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static dev.tidings.rest.PermissionEnforcementApiTests.READER_EMAIL;
import static dev.tidings.rest.PermissionEnforcementApiTests.READER_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile sizes over real HTTP: numbers whose exponent or length would cost the server
 * its heap or its time, deep nesting, long strings, bodies that are not JSON, writes to
 * system collections by callers who may not write them, and {@code limit} beyond the
 * ceiling. Each is refused with the Directus envelope, and the server stays healthy.
 */
@SpringBootTest(classes = TidingsApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.url=jdbc:h2:mem:input-limits-tests;DB_CLOSE_DELAY=-1",
				"tidings.limits.max-string-length=2000", "tidings.rest.query-limit-max=5" })
class InputLimitsApiTests {

	private static final String HUGE_EXPONENT = "1e900000000";

	private final ApiClient admin;

	private final ApiClient reader;

	private final JdbcTemplate jdbc;

	InputLimitsApiTests(@LocalServerPort int port, @Autowired JdbcTemplate jdbc) {
		this.admin = new ApiClient(port).asAdmin();
		this.reader = new ApiClient(port).as(READER_EMAIL, READER_PASSWORD);
		this.jdbc = jdbc;
	}

	@BeforeEach
	void startFromTheSeed() {
		DemoRows.reset(this.jdbc);
	}

	@Test
	void filterWithHugeExponentAsReaderThenInvalidQueryAndTheServerStillWrites() {
		String filter = "{\"title\":{\"_in\":[" + HUGE_EXPONENT + "," + HUGE_EXPONENT + "]}}";

		Reply reply = this.reader.get("/items/articles?filter=" + ApiClient.encode(filter));

		assertThat(reply.error(400, "INVALID_QUERY").get("message")).asString().contains("exponent");
		assertThat(this.admin.post("/items/articles", "{\"title\":\"after the attack\"}").item()).containsEntry("title",
				"after the attack");
	}

	static List<String> numbersBeyondTheLimits() {
		return List.of("filter[views][_eq]=" + HUGE_EXPONENT, "filter[views][_in][]=" + HUGE_EXPONENT,
				"filter={\"views\":{\"_gt\":\"" + HUGE_EXPONENT + "\"}}", "filter={\"views\":{\"_eq\":1e-900000000}}",
				"filter[views][_eq]=" + "9".repeat(2000),
				"filter[published_at][_gt]=$NOW(" + "9".repeat(2000) + " days)");
	}

	@ParameterizedTest
	@MethodSource("numbersBeyondTheLimits")
	void numberBeyondTheLimitsInAnyQueryFormThenInvalidQuery(String query) {
		int equals = query.indexOf('=');
		Reply reply = this.admin
			.get("/items/articles?" + query.substring(0, equals + 1) + ApiClient.encode(query.substring(equals + 1)));

		reply.error(400, "INVALID_QUERY");
	}

	@Test
	void bracketFilterOnATextFieldComparesTheTextNeverTheNumber() {
		assertThat(this.reader.get("/items/articles?filter[title][_in][]=" + HUGE_EXPONENT).items()).isEmpty();
	}

	@Test
	void jsonNumberLongerThanTheLimitInFilterThenInvalidQuery() {
		String filter = "{\"views\":{\"_eq\":" + "1".repeat(101) + "}}";

		Reply reply = this.reader.get("/items/articles?filter=" + ApiClient.encode(filter));

		assertThat(reply.error(400, "INVALID_QUERY").get("message")).asString().contains("Number value length");
	}

	@ParameterizedTest
	@ValueSource(strings = { "{\"title\":\"x\",\"views\":" + HUGE_EXPONENT + "}", "{\"title\":" + HUGE_EXPONENT + "}",
			"{\"title\":\"x\",\"views\":1e-900000000}", "{\"title\":\"x\",\"body\":" + HUGE_EXPONENT + "}",
			// an exponent beyond an int, which Jackson cannot even represent
			"{\"title\":\"x\",\"views\":1E-2147483648}", "{\"title\":\"x\",\"views\":1E99999999999}",
			// half a surrogate pair: no UTF-8 writer can answer with it
			"{\"title\":\"\\ud800\"}", "{\"title\":\"x\",\"\\udc00\":1}" })
	void bodyWithHugeExponentThenInvalidPayloadAndNothingWritten(String body) {
		this.admin.post("/items/articles", body).error(400, "INVALID_PAYLOAD");

		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM articles", Integer.class)).isEqualTo(20);
	}

	@Test
	void bodyWithA200000DigitNumberThenInvalidPayloadBeforeItIsParsed() {
		String digits = "7".repeat(200_000);

		this.admin.post("/items/articles", "{\"title\":\"x\",\"views\":" + digits + "}").error(400, "INVALID_PAYLOAD");
		this.admin.post("/items/articles", "{\"title\":\"x\",\"views\":\"" + digits.substring(0, 1500) + "\"}")
			.error(400, "INVALID_PAYLOAD");
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM articles", Integer.class)).isEqualTo(20);
	}

	@Test
	void nestingDeeperThanTheLimitThenRefusedInBodiesAndQueries() {
		String deepBody = "{\"title\":\"x\",\"body\":" + "[".repeat(40) + "]".repeat(40) + "}";
		this.admin.post("/items/articles", deepBody).error(400, "INVALID_PAYLOAD");

		String deepFilter = "{\"_and\":[".repeat(20) + "{\"id\":{\"_eq\":1}}" + "]}".repeat(20);
		this.reader.get("/items/articles?filter=" + ApiClient.encode(deepFilter)).error(400, "INVALID_QUERY");

		String deepKey = "filter" + "[_and][0]".repeat(20) + "[id][_eq]=1";
		assertThat(this.reader.get("/items/articles?" + deepKey).error(400, "INVALID_QUERY").get("message")).asString()
			.contains("nested deeper than 32");
	}

	@Test
	void nestingWithinTheLimitThenAnswered() {
		String filter = "{\"_and\":[".repeat(10) + "{\"id\":{\"_eq\":1}}" + "]}".repeat(10);

		assertThat(this.admin.get("/items/articles?fields=id&filter=" + ApiClient.encode(filter)).items())
			.containsExactly(Map.of("id", 1));
	}

	@Test
	void stringLongerThanTheLimitThenRefusedInBodiesAndQueries() {
		String text = "t".repeat(2001);

		this.admin.post("/items/articles", ApiClient.json(Map.of("title", "x", "body", text)))
			.error(400, "INVALID_PAYLOAD");
		this.admin.get("/items/articles?filter[body][_eq]=" + text).error(400, "INVALID_QUERY");
		assertThat(this.admin.post("/items/articles", ApiClient.json(Map.of("title", "x", "body", text.substring(1))))
			.item()).containsEntry("body", text.substring(1));
	}

	@ParameterizedTest
	@ValueSource(strings = { "text/plain", "application/x-www-form-urlencoded", "" })
	void bodyWithoutJsonContentTypeThenUnsupportedMediaType(String contentType) {
		Reply reply = this.admin.send("POST", "/items/articles", contentType.isEmpty() ? null : contentType,
				BodyPublishers.ofString("{\"title\":\"x\"}"));

		reply.error(415, "UNSUPPORTED_MEDIA_TYPE");
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM articles", Integer.class)).isEqualTo(20);
	}

	@ParameterizedTest
	@ValueSource(strings = { "application/json", "application/json; charset=utf-8", "application/merge-patch+json" })
	void bodyWithJsonContentTypeThenAccepted(String contentType) {
		Reply reply = this.admin.send("POST", "/items/articles", contentType,
				BodyPublishers.ofString("{\"title\":\"x\"}"));

		assertThat(reply.item()).containsEntry("title", "x");
	}

	@ParameterizedTest
	@ValueSource(strings = { "{\"collection\":\"no_such_collection\",\"action\":\"read\"}",
			"{\"collection\":\"articles\",\"action\":\"read\",\"permissions\":{\"no_such_field\":{\"_eq\":1}}}",
			"{not json" })
	void writeToPermissionsWithoutAccessThenForbiddenBeforeTheBodyIsRead(String body) {
		Map<String, Object> error = this.reader.post("/permissions", body).error(403, "FORBIDDEN");

		assertThat(error.toString()).doesNotContain("no_such", "JSON", "payload", "field");
	}

	@Test
	void writeToSystemCollectionsWithoutAccessThenForbiddenWhateverTheBody() {
		this.reader.post("/policies", "{\"name\":" + HUGE_EXPONENT + "}").error(403, "FORBIDDEN");
		this.reader.patch("/roles/x", "{\"bogus_field\":1}").error(403, "FORBIDDEN");
		this.reader.send("POST", "/users", "text/plain", BodyPublishers.ofString("x")).error(403, "FORBIDDEN");
	}

	@Test
	void limitMinusOneReadsAtMostTheCeiling() {
		assertThat(this.admin.get("/items/articles?fields=id&limit=-1").items()).hasSize(5);
		assertThat(this.admin.get("/items/articles?fields=id").items()).hasSize(5);
		assertThat(this.admin.get("/items/articles?fields=id&limit=5").items()).hasSize(5);
		assertThat(this.admin.get("/items/articles?fields=id&limit=2").items()).hasSize(2);
	}

	@Test
	void limitAboveTheCeilingThenInvalidQuery() {
		assertThat(this.admin.get("/items/articles?limit=6").error(400, "INVALID_QUERY"))
			.isEqualTo(Map.of("message", "Invalid query. \"limit\" must be less than or equal to 5.", "extensions",
					Map.of("reason", "\"limit\" must be less than or equal to 5", "code", "INVALID_QUERY")));
		this.admin.patch("/items/articles", ApiClient.json(Map.of("query", Map.of("limit", 6), "data", Map.of())))
			.error(400, "INVALID_QUERY");
	}

}
