package dev.tidings.rest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.tidings.query.InputLimits;
import org.junit.jupiter.api.Test;

import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The export writers on shapes the demo model cannot produce over HTTP: rows with
 * different columns, empty objects, lists of objects, values YAML would misread.
 */
class ExportWritersTests {

	private final JsonCodec json = new JsonCodec(DataSize.ofMegabytes(1), InputLimits.DEFAULTS);

	@Test
	void csvWhenRowsHaveDifferentColumnsThenHeaderIsTheirUnionInFirstSeenOrder() {
		List<Map<String, Object>> rows = List.of(map("id", 1, "author", null),
				map("id", 2, "author", map("email", "a@b", "tags", List.of("x"))), map("id", 3, "meta", Map.of()));

		assertThat(new CsvExport(this.json::text).write(rows)).isEqualTo("\"id\",\"author\",\"author.email\","
				+ "\"author.tags\",\"meta\"\n1,,,,\n2,,\"a@b\",\"[\"\"x\"\"]\",\n3,,,,\"{}\"");
	}

	@Test
	void xmlWhenOneItemThenItsFieldsUnderTheRootAndListsOfObjectsRepeated() {
		Map<String, Object> item = map("id", 1, "comments", List.of(map("id", 7), map("id", 8)), "empty", "");

		assertThat(new XmlExport(this.json::text).write(item)).isEqualTo("<?xml version='1.0'?>\n<data>\n"
				+ "    <id>1</id>\n    <comments>\n        <id>7</id>\n    </comments>\n    <comments>\n"
				+ "        <id>8</id>\n    </comments>\n    <empty/>\n</data>");
		assertThat(new XmlExport(this.json::text).write(List.of())).isEqualTo("<?xml version='1.0'?>\n<data/>");
	}

	@Test
	void yamlWhenValuesLookLikeOtherTypesThenQuotedAndNestedBlocksIndented() {
		Map<String, Object> item = map("n", "yes", "date", "2026-01-01", "plain", "Spring notes", "key: x", 1.5,
				"comments", List.of(map("id", 7, "tags", List.of("a", "b")), map("id", 8, "tags", List.of())), "author",
				Map.of());

		assertThat(new YamlExport(this.json::text).write(List.of(item))).isEqualTo("- 'n': 'yes'\n"
				+ "  date: '2026-01-01'\n  plain: Spring notes\n  'key: x': 1.5\n  comments:\n    - id: 7\n"
				+ "      tags:\n        - a\n        - b\n    - id: 8\n      tags: []\n  author: {}\n");
		assertThat(new YamlExport(this.json::text).write(List.of())).isEqualTo("[]\n");
	}

	@Test
	void yamlWhenTextReadsBackAsItselfThenPlainElseSingleQuoted() {
		Map<String, Object> item = map("a", "100% sure", "b", "Quote \"here\"", "c", "Spring Boot notes #1", "d",
				"a: b", "e", "x:", "f", "-x", "g", "0x1F", "h", "1e3", "i", ".5", "j", "2026-1-1 10:00", "k", "Null",
				"l", "nULL", "m", "a#b", "n", "~", "o", "<<", "p", "2025-12-31T23:30:00.000Z");

		assertThat(new YamlExport(this.json::text).write(item)).isEqualTo("a: 100% sure\nb: Quote \"here\"\n"
				+ "c: 'Spring Boot notes #1'\nd: 'a: b'\ne: 'x:'\nf: '-x'\ng: '0x1F'\nh: '1e3'\ni: '.5'\n"
				+ "j: 2026-1-1 10:00\nk: 'Null'\nl: nULL\nm: a#b\n'n': '~'\no: '<<'\np: '2025-12-31T23:30:00.000Z'\n");
	}

	private static Map<String, Object> map(Object... entries) {
		Map<String, Object> map = new LinkedHashMap<>();
		for (int i = 0; i < entries.length; i += 2) {
			map.put((String) entries[i], entries[i + 1]);
		}
		return map;
	}

}
