package dev.tidings.rest;

import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import dev.tidings.app.TidingsApplication;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every way a request can be refused: bad query parameters, bad payloads, values the
 * schema or the database reject. Each answer has the Directus error envelope with the
 * exact code, no internals, and nothing is written.
 */
@SpringBootTest(classes = TidingsApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "spring.datasource.url=jdbc:h2:mem:items-error-tests;DB_CLOSE_DELAY=-1")
class ItemsErrorTests {

	private static final int ONE_MEBIBYTE = 1024 * 1024;

	private final ApiClient api;

	private final JdbcTemplate jdbc;

	ItemsErrorTests(@LocalServerPort int port, @Autowired JdbcTemplate jdbc) {
		this.api = new ApiClient(port).asAdmin();
		this.jdbc = jdbc;
	}

	@BeforeEach
	void startFromTheSeed() {
		DemoRows.reset(this.jdbc);
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|',
			textBlock = """
					limit=abc                                 | "limit" must be a number
					limit=-2                                  | "limit" must be greater than or equal to -1
					limit=1.5                                 | "limit" must be an integer
					offset=-1                                 | "offset" must be greater than or equal to 0
					page=x                                    | "page" must be a number
					meta=bogus                                | "meta[0]" must be one of [total_count, filter_count]
					filter={bad                               | Invalid JSON for filter object
					filter[title][_regex]=x                   | Unknown filter operator "_regex"
					filter[title][_gt]=x                      | "string" field type does not contain the "_gt" filter operator
					filter[title][_eq]=                       | You can't filter for an empty string in "_eq". Use "_empty" or "_nempty" instead
					filter[year(title)][_eq]=2026             | The function year() does not apply to "title" of "articles"
					filter[year(published_at)][_eq]=x         | Invalid value for "published_at": is not a number
					filter[count(title)][_gt]=1               | The function count() does not apply to "title" of "articles"
					filter[year(author.email)][_eq]=1         | The function year() takes one field of its collection, not "author.email"
					aggregate[count]=*&groupBy=hour(title)  | The function hour() does not apply to "title" of "articles"
					filter[published_at][_gt]=notadate        | Invalid value for "published_at": is not a valid date
					filter[views][_between]=1                 | "_between" has to be an array of two values
					aggregate[bogus]=views                    | Unknown aggregate function "bogus"
					aggregate[sum]=title                      | "sum" cannot be applied to the string field "title"
					""")
	void readWhenQueryParameterInvalidThenInvalidQueryNamingTheProblem(String query, String reason) {
		Reply reply = this.api.get("/items/articles?" + query.replace("{", "%7B"));

		assertThat(reply.error(400, "INVALID_QUERY")).isEqualTo(Map.of("message", "Invalid query. " + reason + ".",
				"extensions", Map.of("reason", reason, "code", "INVALID_QUERY")));
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|',
			textBlock = """
					{"id":{"_in":5}}                          | "_in" has to be an array of values
					{"id":{"_in":[]}}                         | "_in" has to be an array of values
					{"_or":{"title":{"_eq":"x"}}}             | "_or" has to be a non-empty array of filter objects
					{"_or":[]}                                | "_or" has to be a non-empty array of filter objects
					{"_or":[{}]}                              | "_or" has to be a non-empty array of filter objects
					{"_or":"x"}                               | "_or" has to be a non-empty array of filter objects
					{"title":{}}                              | The filter for "title" is empty
					{"title":{"_eq":{"a":1}}}                 | The filter value for "_eq" has to be a string, number, or boolean
					["status"]                                | "filter" must be of type object
					""")
	void readWhenJsonFilterMalformedThenInvalidQuery(String filter, String reason) {
		Reply reply = this.api.get("/items/articles?filter=" + ApiClient.encode(filter));

		assertThat(reply.reason(400, "INVALID_QUERY")).isEqualTo(reason);
	}

	@Test
	void readWhenFilterFieldUnknownThenForbiddenNamingIt() {
		String reason = "You don't have permission to access field \"nope\" in collection \"articles\" or it does not exist. Queried in root.";

		assertThat(this.api.get("/items/articles?filter[nope][_eq]=1").reason(403, "FORBIDDEN")).isEqualTo(reason);
		assertThat(this.api.get("/items/articles?sort=nope").reason(403, "FORBIDDEN")).isEqualTo(reason);
		assertThat(this.api.get("/items/articles?aggregate[count]=nope").reason(403, "FORBIDDEN")).isEqualTo(reason);
		assertThat(this.api.get("/items/comments?filter[article][nope][_eq]=1").reason(403, "FORBIDDEN"))
			.contains("\"nope\"", "\"articles\"");
	}

	@Test
	void createWhenRequiredFieldMissingThenFailedValidationAndNothingWritten() {
		int before = DemoRows.count(this.jdbc, "articles");

		Reply reply = this.api.post("/items/articles", "{\"body\":\"no title\"}");

		assertThat(reply.error(400, "FAILED_VALIDATION"))
			.isEqualTo(Map.of("message", "Validation failed for field \"title\". Value is required.", "extensions",
					Map.of("field", "title", "path", List.of(), "type", "required", "code", "FAILED_VALIDATION")));
		assertThat(DemoRows.count(this.jdbc, "articles")).isEqualTo(before);
	}

	@Test
	void createWhenNonNullFieldIsNullThenFailedValidationNotNull() {
		int before = DemoRows.count(this.jdbc, "articles");

		Map<String, Object> title = this.api.post("/items/articles", "{\"title\":null}")
			.error(400, "FAILED_VALIDATION");
		Map<String, Object> views = this.api.post("/items/articles", "{\"title\":\"t\",\"views\":null}")
			.error(400, "FAILED_VALIDATION");

		assertThat(Reply.extensions(title)).containsEntry("field", "title").containsEntry("type", "nnull");
		assertThat(title.get("message")).isEqualTo("Validation failed for field \"title\". Value can't be null.");
		assertThat(Reply.extensions(views)).containsEntry("field", "views").containsEntry("type", "nnull");
		assertThat(DemoRows.count(this.jdbc, "articles")).isEqualTo(before);
	}

	@Test
	void createWhenTitleLongerThan255ThenValueTooLong() {
		int before = DemoRows.count(this.jdbc, "articles");
		String tooLong = "a".repeat(256);

		Reply reply = this.api.post("/items/articles", "{\"title\":\"" + tooLong + "\"}");

		assertThat(Reply.extensions(reply.error(400, "VALUE_TOO_LONG"))).containsEntry("collection", "articles")
			.containsEntry("field", "title");
		assertThat(DemoRows.count(this.jdbc, "articles")).isEqualTo(before);
		assertThat(this.api.post("/items/articles?fields=title", "{\"title\":\"" + "a".repeat(255) + "\"}").item())
			.as("255 characters fit")
			.isEqualTo(Map.of("title", "a".repeat(255)));
	}

	@Test
	void createWhenCheckConstraintBrokenThenBadRequestAndNothingWritten() {
		int before = DemoRows.count(this.jdbc, "articles");

		Reply reply = this.api.post("/items/articles", "{\"title\":\"t\",\"status\":\"bogus\"}");

		// the database's check names its column, though the payload has two fields
		assertThat(Reply.extensions(reply.error(400, "FAILED_VALIDATION"))).containsEntry("field", "status")
			.containsEntry("type", "check");
		assertThat(DemoRows.count(this.jdbc, "articles")).isEqualTo(before);
	}

	@Test
	void createWhenPayloadHasUnknownFieldThenForbiddenAndNothingWritten() {
		int before = DemoRows.count(this.jdbc, "articles");

		Reply reply = this.api.post("/items/articles", "{\"title\":\"t\",\"nope\":1}");

		assertThat(reply.reason(403, "FORBIDDEN")).isEqualTo(
				"You don't have permission to access field \"nope\" in collection \"articles\" or it does not exist. Queried in root.");
		assertThat(DemoRows.count(this.jdbc, "articles")).isEqualTo(before);
	}

	@Test
	void createBatchWhenThirdItemInvalidThenNoneWritten() {
		int before = DemoRows.count(this.jdbc, "articles");

		Reply missingTitle = this.api.post("/items/articles", "[{\"title\":\"1\"},{\"title\":\"2\"},{\"body\":\"3\"}]");
		Reply brokenCheck = this.api.post("/items/articles",
				"[{\"title\":\"1\"},{\"title\":\"2\"},{\"title\":\"3\",\"status\":\"bogus\"}]");
		Reply notAnObject = this.api.post("/items/articles", "[{\"title\":\"1\"},{\"title\":\"2\"},3]");

		missingTitle.error(400, "FAILED_VALIDATION");
		brokenCheck.error(400, "FAILED_VALIDATION");
		notAnObject.error(400, "INVALID_PAYLOAD");
		assertThat(DemoRows.count(this.jdbc, "articles")).isEqualTo(before);
	}

	@Test
	void createWhenGivenKeyIsTakenThenRecordNotUniqueAndNothingChanged() {
		List<DemoRows.Article> before = DemoRows.articles(this.jdbc);

		Reply taken = this.api.post("/items/articles", "{\"id\":3,\"title\":\"t\"}");
		Reply twice = this.api.post("/items/articles", "[{\"id\":5000,\"title\":\"a\"},{\"id\":5000,\"title\":\"b\"}]");

		assertThat(taken.error(400, "RECORD_NOT_UNIQUE")).isEqualTo(Map.of("message",
				"Value \"3\" for field \"id\" in collection \"articles\" has to be unique.", "extensions",
				Map.of("collection", "articles", "field", "id", "value", 3, "code", "RECORD_NOT_UNIQUE")));
		assertThat(Reply.extensions(twice.error(400, "RECORD_NOT_UNIQUE"))).containsEntry("field", "id")
			.containsEntry("value", 5000);
		assertThat(DemoRows.articles(this.jdbc)).isEqualTo(before);
	}

	@Test
	void createCommentWhenArticleMissingThenInvalidForeignKey() {
		int before = DemoRows.count(this.jdbc, "comments");

		Reply reply = this.api.post("/items/comments", "{\"article\":99999,\"body\":\"orphan\"}");

		assertThat(reply.error(400, "INVALID_FOREIGN_KEY")).isEqualTo(Map.of("message",
				"Value \"99999\" for field \"article\" in collection \"comments\" is an invalid foreign key.",
				"extensions",
				Map.of("collection", "comments", "field", "article", "value", 99999, "code", "INVALID_FOREIGN_KEY")));
		assertThat(DemoRows.count(this.jdbc, "comments")).isEqualTo(before);
		assertThat(Reply
			.extensions(this.api.post("/items/comments", "{\"body\":\"no article\"}").error(400, "FAILED_VALIDATION")))
			.containsEntry("field", "article")
			.containsEntry("type", "required");
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|',
			textBlock = """
					{"title":"t","views":"abc"}               | Value for field "views" is not a number
					{"title":"t","views":1.5}                 | Value for field "views" is not an integer
					{"title":"t","published_at":"yesterday"}  | Value for field "published_at" is not a valid date
					{"title":"t","author":"not-a-uuid"}       | Value for field "author" is not a valid UUID
					{"id":"five","title":"t"}                 | Value for field "id" is not a number
					{"title":"t","views":[1]}                 | Value for field "views" has to be a string, number, or boolean
					{"title":"t","comments":[null]}          | Value for field "comments" has to be an array of related keys or items
					{"title":"t","comments":{"keep":[]}}     | The detailed form of "comments" has no part "keep"
					{"title":"t","comments":1}                | Value for field "comments" has to be an array of related keys or items
					"just text"                               | The payload must be an object
					null                                      | The payload must be an object
					""")
	void createWhenValueHasTheWrongTypeThenInvalidPayload(String payload, String reason) {
		int before = DemoRows.count(this.jdbc, "articles");

		assertThat(this.api.post("/items/articles", payload).reason(400, "INVALID_PAYLOAD")).isEqualTo(reason);
		assertThat(DemoRows.count(this.jdbc, "articles")).isEqualTo(before);
	}

	@Test
	void createWhenNumberOutOfRangeThenValueOutOfRange() {
		Reply reply = this.api.post("/items/articles", "{\"title\":\"t\",\"views\":99999999999}");

		assertThat(Reply.extensions(reply.error(400, "VALUE_OUT_OF_RANGE"))).containsEntry("field", "views");
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			{"title":
			{"title":"t"}}
			{"title":"t"} {"title":"u"}
			{'title':'t'}
			""")
	void writeWhenJsonMalformedThenInvalidPayload(String body) {
		assertThat(this.api.post("/items/articles", body).reason(400, "INVALID_PAYLOAD")).startsWith("Malformed JSON");
		assertThat(this.api.patch("/items/articles/1", body).reason(400, "INVALID_PAYLOAD"))
			.startsWith("Malformed JSON");
	}

	@Test
	void writeWhenBodyOverOneMebibyteThenInvalidPayloadAndNothingWritten() {
		int before = DemoRows.count(this.jdbc, "articles");
		byte[] body = ("{\"title\":\"big\",\"body\":\"" + "a".repeat(ONE_MEBIBYTE) + "\"}")
			.getBytes(StandardCharsets.UTF_8);

		Reply sized = this.api.send("POST", "/items/articles", ApiClient.JSON, BodyPublishers.ofByteArray(body));
		Reply chunked = this.api.postChunked("/items/articles", body);

		assertThat(sized.reason(400, "INVALID_PAYLOAD")).isEqualTo("request entity too large");
		assertThat(chunked.reason(400, "INVALID_PAYLOAD")).isEqualTo("request entity too large");
		assertThat(DemoRows.count(this.jdbc, "articles")).isEqualTo(before);
	}

	@Test
	void writeWhenBodyJustUnderTheLimitThenAccepted() {
		String text = "b".repeat(900_000);
		byte[] body = ("{\"title\":\"almost big\",\"body\":\"" + text + "\"}").getBytes(StandardCharsets.UTF_8);

		Reply reply = this.api.postChunked("/items/articles?fields=title", body);

		assertThat(reply.item()).isEqualTo(Map.of("title", "almost big"));
	}

	@Test
	void writeWhenContentTypeIsNotJsonThenUnsupportedMediaType() {
		int before = DemoRows.count(this.jdbc, "articles");

		Reply reply = this.api.send("POST", "/items/articles", "text/plain",
				BodyPublishers.ofString("{\"title\":\"t\"}"));

		assertThat(reply.error(415, "UNSUPPORTED_MEDIA_TYPE"))
			.isEqualTo(Map.of("message", "Unsupported media type \"text/plain\" in request body.", "extensions",
					Map.of("mediaType", "text/plain", "where", "request body", "code", "UNSUPPORTED_MEDIA_TYPE")));
		assertThat(this.api
			.send("POST", "/items/articles", "application/x-www-form-urlencoded", BodyPublishers.ofString("title=t"))
			.status()).isEqualTo(415);
		assertThat(DemoRows.count(this.jdbc, "articles")).isEqualTo(before);
		assertThat(this.api
			.send("POST", "/items/articles?fields=title", "application/json; charset=utf-8",
					BodyPublishers.ofString("{\"title\":\"t\"}"))
			.item()).as("parameters of the JSON type are fine").isEqualTo(Map.of("title", "t"));
	}

	@Test
	void writeWhenBodyEmptyThenInvalidPayload() {
		assertThat(this.api.post("/items/articles", "").reason(400, "INVALID_PAYLOAD"))
			.isEqualTo("A JSON body is required");
		assertThat(this.api.patch("/items/articles", "").status()).isEqualTo(400);
		assertThat(this.api.delete("/items/articles", "").status()).isEqualTo(400);
		assertThat(this.api.delete("/items/articles").status()).isEqualTo(400);
	}

	@Test
	void deleteWhenKeysMalformedThenRefused() {
		assertThat(this.api.delete("/items/articles", "{\"keys\":[]}").reason(400, "INVALID_PAYLOAD"))
			.isEqualTo("\"keys\" must be a non-empty array");
		assertThat(this.api.delete("/items/articles", "{\"keys\":[{\"id\":1}]}").reason(400, "INVALID_PAYLOAD"))
			.isEqualTo("\"keys\" must contain only strings and numbers");
		assertThat(this.api.delete("/items/articles", "{\"query\":\"x\"}").reason(400, "INVALID_PAYLOAD"))
			.isEqualTo("\"query\" must be an object");
		this.api.delete("/items/articles", "[\"abc\"]").error(403, "FORBIDDEN");
		this.api.delete("/items/articles/abc").error(403, "FORBIDDEN");
		assertThat(DemoRows.count(this.jdbc, "articles")).isEqualTo(DemoRows.SEEDED_ARTICLES);
	}

	@Test
	void writeWhenBodyQueryInvalidThenInvalidQuery() {
		assertThat(this.api.delete("/items/articles", "{\"query\":{\"limit\":-2}}").reason(400, "INVALID_QUERY"))
			.isEqualTo("\"limit\" must be greater than or equal to -1");
		assertThat(this.api
			.patch("/items/articles", "{\"query\":{\"filter\":{\"title\":{\"_eq\":\"\"}}},\"data\":{\"views\":1}}")
			.reason(400, "INVALID_QUERY")).contains("empty string");
		assertThat(DemoRows.count(this.jdbc, "articles")).isEqualTo(DemoRows.SEEDED_ARTICLES);
	}

}
