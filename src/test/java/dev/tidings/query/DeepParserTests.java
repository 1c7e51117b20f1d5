package dev.tidings.query;

import java.util.List;
import java.util.Map;

import dev.tidings.errors.TidingsException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@code deep}, {@code alias} and {@code backlink} in the URL, bracket and JSON forms:
 * the same query from each, nested to any depth, and clear refusals.
 */
class DeepParserTests {

	private final QueryParser parser = new QueryParser(new MiniJson());

	@Test
	void fromUrlWhenDeepBracketsThenSameAsJsonForm() {
		Query brackets = this.parser.fromUrl(url("deep[books][_limit]=3", "deep[books][_sort]=-title,id",
				"deep[books][_filter][title][_contains]=x", "deep[books][genres][_limit]=1", "deep[books][_page]=2",
				"deep[books][_offset]=1", "deep[books][_search]=y"));
		Query json = this.parser.fromUrl(url("deep={\"books\":{\"_limit\":3,\"_sort\":[\"-title\",\"id\"],"
				+ "\"_filter\":{\"title\":{\"_contains\":\"x\"}},\"genres\":{\"_limit\":1},\"_page\":2,"
				+ "\"_offset\":1,\"_search\":\"y\"}}"));

		assertThat(brackets.deep()).isEqualTo(json.deep());
		DeepQuery books = json.deepOf("books");
		assertThat(books.limit()).isEqualTo(3);
		assertThat(books.sort()).containsExactly(new SortField(List.of("title"), true),
				new SortField(List.of("id"), false));
		assertThat(books.filter()).isEqualTo(new Filter.Condition(List.of("title"), FilterOperator.CONTAINS, "x"));
		assertThat(books.of("genres").limit()).isEqualTo(1);
		assertThat(books.page()).isEqualTo(2);
		assertThat(books.offset()).isEqualTo(1);
		assertThat(books.search()).isEqualTo("y");
	}

	@Test
	void fromJsonWhenDeepIsSdkStringThenDecodedAndRootUnderscoreKeysIgnored() {
		Query query = this.parser.fromJson(Map.of("deep", "{\"_limit\":1,\"books\":{\"_alias\":{\"b\":\"title\"}}}"));

		assertThat(query.deep()).containsOnlyKeys("books");
		assertThat(query.deepOf("books").alias()).containsEntry("b", "title");
		assertThat(query.deepOf("nothing")).isEqualTo(DeepQuery.NONE);
	}

	@Test
	void fromUrlWhenDeepMalformedThenInvalidQueryNamingIt() {
		assertInvalid(url("deep=[1]"), "\"deep\" must be of type object");
		assertInvalid(url("deep={x"), "Invalid JSON for deep object");
		assertInvalid(url("deep[books]=1"), "\"deep[books]\" must be of type object");
		assertInvalid(url("deep[books][_fields]=id"), "\"deep[books]\" does not take \"_fields\"");
		assertInvalid(url("deep[books][_limit]=-2"), "\"deep[books][_limit]\" must be greater than or equal to -1");
		assertInvalid(url("deep[books][genres][_offset]=x"), "\"deep[books][genres][_offset]\" must be a number");
		assertInvalid(url("deep[books][_search][a]=1"), "\"search\" must be a string");
	}

	@Test
	void fromUrlWhenDeepLimitAboveCeilingThenRefusedAsTopLevelLimit() {
		QueryParser capped = new QueryParser(new MiniJson(), new InputLimits(32, 1_000_000, 100, 400, 10));

		assertThat(capped.fromUrl(url("deep[books][_limit]=-1")).deepOf("books").limit()).isEqualTo(10);
		assertThatExceptionOfType(TidingsException.class)
			.isThrownBy(() -> capped.fromUrl(url("deep[books][_limit]=11")));
	}

	@Test
	void fromUrlWhenAliasThenMapAndPeriodsRefused() {
		assertThat(this.parser.fromUrl(url("alias[latest]=books", "alias[y]=year(born)")).alias())
			.containsExactly(Map.entry("latest", "books"), Map.entry("y", "year(born)"));
		assertThat(this.parser.fromUrl(url("alias={\"latest\":\"books\"}")).alias()).containsEntry("latest", "books");
		assertInvalid(url("alias[a.b]=books"), "can't contain a period");
		assertInvalid(url("alias[a]=books.title"), "can't contain a period");
		assertInvalid(url("alias={\"a\":1}"), "\"alias[a]\" must be a field name");
	}

	@Test
	void fromUrlWhenBacklinkThenOnlyFalseTurnsItOff() {
		assertThat(this.parser.fromUrl(url()).backlink()).isTrue();
		assertThat(this.parser.fromUrl(url("backlink=false")).backlink()).isFalse();
		assertThat(this.parser.fromUrl(url("backlink=no")).backlink()).isTrue();
		assertThat(this.parser.fromJson(Map.of("backlink", false)).backlink()).isFalse();
	}

	private void assertInvalid(Map<String, List<String>> url, String reason) {
		Failures.assertInvalidQueryMentioning(() -> this.parser.fromUrl(url), reason);
	}

	private static Map<String, List<String>> url(String... pairs) {
		return QueryParserTests.url(pairs);
	}

}
