package dev.tidings.library;

import java.util.List;
import java.util.UUID;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import dev.tidings.rest.ApiClient;
import dev.tidings.rest.Reply;

import static dev.tidings.rest.ApiClient.encode;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * One rule for values, whichever way they come in: for a random field of a book and a
 * random JSON literal, if {@code POST /items/books} stores the literal, a filter
 * {@code _eq} on the same literal finds that book; if the write refuses it with a 400, so
 * does the filter.
 */
class WriteFilterAgreementPropertyTests {

	private static @Nullable ConfigurableApplicationContext context;

	private static @Nullable ApiClient api;

	@Property(tries = 300)
	void whatAPayloadWritesAFilterOnTheSameJsonFinds(@ForAll("values") FieldValue value) {
		ApiClient api = api();
		String title = value.field().equals("title") ? value.literal() : "\"probe\"";
		String rest = value.field().equals("title") ? "" : ",\"" + value.field() + "\":" + value.literal();
		Reply written = api.post("/items/books", "{\"title\":" + title + rest + "}");
		Reply filtered = api.get("/items/books?fields=id&limit=-1&filter="
				+ encode("{\"" + value.field() + "\":{\"_eq\":" + value.literal() + "}}"));
		if (written.status() == 200) {
			assertThat(filtered.status()).as(filtered.body()).isEqualTo(200);
			assertThat(filtered.items()).as("the filter finds what the write stored")
				.extracting((row) -> row.get("id"))
				.contains(written.item().get("id"));
			api.delete("/items/books/" + written.item().get("id"));
		}
		else {
			assertThat(written.status()).as(written.body()).isEqualTo(400);
			assertThat(filtered.status()).as("the filter refuses what the write refused: " + filtered.body())
				.isEqualTo(400);
		}
	}

	@Provide
	Arbitrary<FieldValue> values() {
		Arbitrary<String> integers = Arbitraries.integers().between(-100_000, 100_000).map(String::valueOf);
		Arbitrary<String> decimals = Combinators
			.combine(Arbitraries.integers().between(-999, 999), Arbitraries.integers().between(0, 99),
					Arbitraries.of("", "0", "00"))
			.as((whole, fraction, zeros) -> whole + "." + fraction + zeros);
		Arbitrary<String> wholeDecimals = Arbitraries.integers().between(-999, 999).map((whole) -> whole + ".0");
		Arbitrary<String> words = Arbitraries.strings()
			.alpha()
			.numeric()
			.ofMinLength(1)
			.ofMaxLength(12)
			.map((word) -> '"' + word + '"');
		Arbitrary<String> booleans = Arbitraries.of("true", "false", "1", "0", "\"1\"", "\"0\"", "\"true\"",
				"\"false\"", "2", "\"yes\"", "1.0");
		Arbitrary<String> quotedNumbers = Combinators.combine(integers, decimals)
			.as((integer, decimal) -> List.of('"' + integer + '"', '"' + decimal + '"'))
			.flatMap(Arbitraries::of);
		Arbitrary<String> dateTimes = Combinators
			.combine(Arbitraries.integers().between(2000, 2030), Arbitraries.integers().between(1, 12),
					Arbitraries.integers().between(1, 28), Arbitraries.integers().between(0, 23),
					Arbitraries.integers().between(0, 59), Arbitraries.of("T", " "),
					Arbitraries.of("", "Z", "+02:00", "-05:30", ".250"))
			.as((year, month, day, hour, minute, separator, suffix) -> String
				.format("\"%04d-%02d-%02d%s%02d:%02d:07%s\"", year, month, day, separator, hour, minute, suffix));
		Arbitrary<String> dates = dateTimes.map((text) -> text.substring(0, 11) + '"');
		return Arbitraries.oneOf(field("title", Arbitraries.oneOf(words, integers, decimals, wholeDecimals, booleans)),
				// @PositiveOrZero is Bean Validation's, checked elsewhere: only counts
				// here
				field("pages",
						Arbitraries.oneOf(integers, wholeDecimals, decimals, quotedNumbers, booleans, words)
							.filter((literal) -> !literal.startsWith("-") && !literal.startsWith("\"-"))),
				field("rating", Arbitraries.oneOf(integers, decimals, quotedNumbers, booleans)),
				field("lendable", booleans), field("date_updated", Arbitraries.oneOf(dateTimes, dates, words)),
				field("acquired_at", Arbitraries.oneOf(dateTimes, dates)),
				field("format",
						Arbitraries.of("\"HARDCOVER\"", "\"PAPERBACK\"", "\"EBOOK\"", "\"ebook\"", "\"NOVEL\"", "1")),
				field("language", Arbitraries.of("\"en-GB\"", "\"pt-BR\"", "\"fr\"", "\"de-CH\"")),
				field("shelf",
						Arbitraries.oneOf(Arbitraries.chars().alpha().map((c) -> "\"" + c + "\""),
								Arbitraries.of("\"AB\"", "7"))),
				field("catalogue_number", Arbitraries.oneOf(integers, wholeDecimals, decimals, quotedNumbers,
						Arbitraries.of("123456789012345678901234567890", "\"98765432109876543210\""))));
	}

	private static Arbitrary<FieldValue> field(String name, Arbitrary<String> literals) {
		return literals.map((literal) -> new FieldValue(name, literal));
	}

	@AfterContainer
	static void stop() {
		if (context != null) {
			context.close();
			context = null;
			api = null;
		}
	}

	private static synchronized ApiClient api() {
		if (api == null) {
			context = new SpringApplicationBuilder(LibraryTestApplication.class).run(
					"--spring.datasource.url=jdbc:h2:mem:write-filter-agreement-" + UUID.randomUUID()
							+ ";DB_CLOSE_DELAY=-1",
					"--spring.jpa.hibernate.ddl-auto=create-drop", "--spring.flyway.enabled=false", "--server.port=0");
			api = new ApiClient(((WebServerApplicationContext) context).getWebServer().getPort()).asAdmin();
		}
		return api;
	}

	record FieldValue(String field, String literal) {
	}

}
