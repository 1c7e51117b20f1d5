package dev.tidings.library;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.tidings.rest.ApiClient;
import dev.tidings.rest.Reply;

import static dev.tidings.rest.ApiClient.encode;
import static dev.tidings.rest.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every Java type and enum and converted attribute of the library domain, over REST: what
 * a payload writes reads back as the same JSON, and a filter on that JSON finds it.
 */
@SpringBootTest(classes = LibraryTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.jpa.hibernate.ddl-auto=create-drop", "spring.flyway.enabled=false",
				"spring.datasource.url=jdbc:h2:mem:library-field-types;DB_CLOSE_DELAY=-1" })
class FieldTypesApiTests {

	@LocalServerPort
	int port;

	private ApiClient api;

	@BeforeEach
	void admin() {
		this.api = new ApiClient(this.port).asAdmin();
		for (Map<String, Object> book : this.api.get("/items/books?fields=id&limit=-1").items()) {
			this.api.delete("/items/books/" + book.get("id"));
		}
	}

	@Test
	void writeWhenEveryScalarTypeThenReadsBackAsTheSameJson() {
		Map<String, Object> created = book(Map.of("title", "Dune", "format", "EBOOK", "language", "pt-BR", "pages", 412,
				"rating", 4.5, "shelf", "C", "lendable", false, "price", 12.5, "catalogue_number",
				"123456789012345678901234567890", "acquired_at", "2024-05-01T10:20:30+02:00"));
		Map<String, Object> read = this.api.get("/items/books/" + created.get("id")).item();
		assertThat(read).containsEntry("format", "EBOOK")
			.containsEntry("language", "pt-BR")
			.containsEntry("pages", 412)
			.containsEntry("rating", 4.5)
			.containsEntry("shelf", "C")
			.containsEntry("lendable", false)
			.containsEntry("acquired_at", "2024-05-01T08:20:30.000Z");
		assertThat(String.valueOf(read.get("catalogue_number"))).isEqualTo("123456789012345678901234567890");
		assertThat(String.valueOf(read.get("price"))).isIn("12.5", "12.50");
	}

	@Test
	void primitiveWhenOmittedThenItsDefaultAndNotNullable() {
		Map<String, Object> created = book(Map.of("title", "Defaults"));
		assertThat(created).containsEntry("pages", 0).containsEntry("shelf", "A").containsEntry("lendable", true);
		this.api.patch("/items/books/" + created.get("id"), json(Map.of("pages", ""))).error(400, "INVALID_PAYLOAD");
		Map<String, Object> error = this.api.patch("/items/books/" + created.get("id"), "{\"pages\":null}")
			.error(400, "FAILED_VALIDATION");
		assertThat(Reply.extensions(error)).containsEntry("field", "pages").containsEntry("type", "nnull");
	}

	@Test
	void enumWhenWrittenAndFilteredThenByName() {
		book(Map.of("title", "Hard", "format", "HARDCOVER"));
		book(Map.of("title", "Paper", "format", "PAPERBACK"));
		book(Map.of("title", "Electronic", "format", "EBOOK"));
		book(Map.of("title", "Unknown"));
		assertThat(titles("filter=" + encode("{\"format\":{\"_eq\":\"PAPERBACK\"}}"))).containsExactly("Paper");
		assertThat(titles("filter=" + encode("{\"format\":{\"_in\":[\"EBOOK\",\"HARDCOVER\"]}}")))
			.containsExactlyInAnyOrder("Electronic", "Hard");
		assertThat(titles("filter=" + encode("{\"format\":{\"_neq\":\"EBOOK\"}}"))).containsExactlyInAnyOrder("Hard",
				"Paper");
		assertThat(titles("filter=" + encode("{\"format\":{\"_null\":true}}"))).containsExactly("Unknown");
		// ORDINAL sorts as the database holds it: by declaration order, nulls as the
		// database puts them
		assertThat(titles("filter=" + encode("{\"format\":{\"_nnull\":true}}") + "&sort=format"))
			.containsExactly("Hard", "Paper", "Electronic");
	}

	@Test
	void enumWhenValueIsNoConstantThenFailedValidationListingTheNames() {
		Map<String, Object> error = this.api.post("/items/books", json(Map.of("title", "Novel", "format", "NOVEL")))
			.error(400, "FAILED_VALIDATION");
		assertThat(Reply.extensions(error)).containsEntry("field", "format")
			.containsEntry("type", "in")
			.containsEntry("valid", List.of("HARDCOVER", "PAPERBACK", "EBOOK"));
		assertThat(this.api.get("/items/books?filter=" + encode("{\"format\":{\"_eq\":\"NOVEL\"}}"))
			.reason(400, "INVALID_QUERY")).contains("format").contains("HARDCOVER, PAPERBACK, EBOOK");
		assertThat(this.api.get("/items/books?filter=" + encode("{\"format\":{\"_contains\":\"BOOK\"}}"))
			.reason(400, "INVALID_QUERY")).contains("_contains");
		assertThat(this.api.get("/items/books").items()).isEmpty();
	}

	@Test
	void convertedAttributeWhenFilteredThenByTheColumnsValue() {
		book(Map.of("title", "Portuguese", "language", "pt-BR"));
		book(Map.of("title", "English", "language", "en-GB"));
		assertThat(titles("filter=" + encode("{\"language\":{\"_eq\":\"pt-BR\"}}"))).containsExactly("Portuguese");
		assertThat(titles("filter=" + encode("{\"language\":{\"_in\":[\"en-GB\",\"fr\"]}}")))
			.containsExactly("English");
	}

	@Test
	void charWhenLongerThanOneCharacterThenRefused() {
		this.api.post("/items/books", json(Map.of("title", "Shelf", "shelf", "AB"))).error(400, "INVALID_PAYLOAD");
		book(Map.of("title", "Shelved", "shelf", "Z"));
		assertThat(titles("filter=" + encode("{\"shelf\":{\"_eq\":\"Z\"}}"))).containsExactly("Shelved");
	}

	/** A JSON 1.0 on a text field is the text "1" on writes and in filters alike. */
	@Test
	void textWhenWrittenAsDecimalNumberThenStoredAndFilteredAsItsShortestText() {
		Map<String, Object> created = book(Map.of("title", 1.0));
		assertThat(created).containsEntry("title", "1");
		assertThat(this.api.get("/items/books?fields=title&filter=" + encode("{\"title\":{\"_eq\":1.0}}")).items())
			.containsExactly(Map.of("title", "1"));
	}

	/** A space for the T of a date-time is accepted on writes as in filters. */
	@Test
	void dateTimeWhenWrittenWithSpaceThenAcceptedAndFound() {
		Map<String, Object> created = book(Map.of("title", "Spaced", "date_updated", "2024-05-01 10:20:30"));
		assertThat(created).containsEntry("date_updated", "2024-05-01T10:20:30");
		assertThat(titles("filter=" + encode("{\"date_updated\":{\"_eq\":\"2024-05-01 10:20:30\"}}")))
			.containsExactly("Spaced");
	}

	/** 1 and "0" are booleans on writes and in filters alike. */
	@Test
	void booleanWhenOneOrZeroThenBooleanEverywhere() {
		book(Map.of("title", "Lendable", "lendable", 1));
		book(Map.of("title", "Reference", "lendable", "0"));
		assertThat(titles("filter=" + encode("{\"lendable\":{\"_eq\":\"0\"}}"))).containsExactly("Reference");
		assertThat(titles("filter=" + encode("{\"lendable\":{\"_eq\":1}}"))).containsExactly("Lendable");
		assertThat(titles("filter=" + encode("{\"lendable\":{\"_eq\":true}}"))).containsExactly("Lendable");
	}

	@Test
	void temporalTypesWhenWrittenThenReadAndFilteredAsTheirJson() {
		Object member = this.api.post("/items/members", json(Map.of("name", "Ada"))).item().get("id");
		Object book = book(Map.of("title", "Lent")).get("id");
		Map<String, Object> loan = this.api.post("/items/loans",
				json(Map.of("book", book, "member", member, "status", "OVERDUE", "due_on", "2024-06-01", "pickup_at",
						"09:30:00", "returned_at", "2024-06-02T10:00:00+02:00", "reminded_at", "2024-06-03 08:00:00")))
			.item();
		assertThat(loan).containsEntry("status", "OVERDUE")
			.containsEntry("due_on", "2024-06-01")
			.containsEntry("pickup_at", "09:30:00")
			.containsEntry("returned_at", "2024-06-02T08:00:00.000Z")
			.containsEntry("reminded_at", "2024-06-03T08:00:00.000Z");
		assertThat(this.api.get("/items/loans?fields=id&filter=" + encode(
				"{\"_and\":[{\"status\":{\"_eq\":\"OVERDUE\"}},{\"due_on\":{\"_lt\":\"2024-06-02\"}},{\"reminded_at\":{\"_eq\":\"2024-06-03T08:00:00Z\"}},{\"pickup_at\":{\"_eq\":\"09:30\"}}]}"))
			.items()).hasSize(1);
		this.api.post("/items/loans", json(Map.of("book", book, "member", member, "status", "LOST")))
			.error(400, "FAILED_VALIDATION");
		this.api.delete("/items/loans/" + loan.get("id"));
	}

	private Map<String, Object> book(Map<String, Object> values) {
		return this.api.post("/items/books", json(values)).item();
	}

	private List<Object> titles(String query) {
		return this.api.get("/items/books?fields=title&limit=-1&" + query)
			.items()
			.stream()
			.map((row) -> row.get("title"))
			.toList();
	}

}
