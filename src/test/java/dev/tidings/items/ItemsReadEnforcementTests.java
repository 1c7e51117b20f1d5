package dev.tidings.items;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

import dev.tidings.app.TidingsApplication;
import dev.tidings.items.EnforcementFixture.Grants;
import dev.tidings.schema.SchemaRegistry;
import dev.tidings.security.Accountability;
import dev.tidings.security.Action;
import jakarta.persistence.EntityManagerFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

import static dev.tidings.items.EnforcementFixture.EDITOR;
import static dev.tidings.items.EnforcementFixture.forbidden;
import static dev.tidings.items.EnforcementFixture.grant;
import static dev.tidings.items.EnforcementFixture.query;
import static dev.tidings.items.EnforcementFixture.reason;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Read permissions on the demo content: which rows, which fields, which paths, and what a
 * field masked by a rule looks like.
 */
@SpringBootTest(classes = TidingsApplication.class, properties = EnforcementFixture.DATABASE)
class ItemsReadEnforcementTests {

	/** The demo Reader: published articles, four fields. */
	private static final Grants READER = Grants.none()
		.with("articles", Action.READ, grant("{\"status\":{\"_eq\":\"published\"}}", "id,title,status,published_at"));

	private final EnforcementFixture fixture;

	ItemsReadEnforcementTests(@Autowired EntityManagerFactory entityManagerFactory, @Autowired SchemaRegistry schemas,
			@Autowired PlatformTransactionManager transactionManager, @Autowired JdbcTemplate jdbc) {
		this.fixture = new EnforcementFixture(entityManagerFactory, schemas, transactionManager, jdbc);
	}

	@BeforeEach
	void startFromTheSeed() {
		this.fixture.reset();
	}

	@Test
	void readWhenReaderThenOnlyPublishedRowsWithGrantedFields() {
		List<Map<String, Object>> items = read(READER, "{}");

		assertThat(items).hasSize(12).allSatisfy((item) -> {
			assertThat(item).containsOnlyKeys("id", "title", "status", "published_at");
			assertThat(item).containsEntry("status", "published");
		});
	}

	@Test
	void readWhenReaderAsksForWildcardThenOnlyGrantedFields() {
		assertThat(read(READER, "{\"fields\":\"*\",\"limit\":1}").get(0)).containsOnlyKeys("id", "title", "status",
				"published_at");
		assertThat(read(READER, "{\"fields\":\"*.*\",\"limit\":1}").get(0)).containsOnlyKeys("id", "title", "status",
				"published_at");
	}

	@Test
	void readWhenReaderAsksForUngrantedFieldThenForbiddenNamingIt() {
		ItemsService service = this.fixture.service(READER);

		assertThat(reason(forbidden(() -> service.read(EDITOR, "articles", query("{\"fields\":\"id,body\"}")))))
			.isEqualTo("You don't have permission to access field \"body\" in collection \"articles\" "
					+ "or it does not exist. Queried in root.");
	}

	@Test
	void readWhenReaderFiltersSortsOrAggregatesOnUngrantedFieldThenForbidden() {
		ItemsService service = this.fixture.service(READER);

		assertThat(reason(forbidden(() -> service.read(EDITOR, "articles",
				query("{\"filter\":{\"_or\":[{\"title\":{\"_nnull\":true}},{\"body\":{\"_contains\":\"x\"}}]}}")))))
			.contains("field \"body\"");
		assertThat(reason(forbidden(() -> service.read(EDITOR, "articles", query("{\"sort\":\"-views\"}")))))
			.contains("field \"views\"");
		assertThat(
				reason(forbidden(() -> service.read(EDITOR, "articles", query("{\"aggregate\":{\"sum\":\"views\"}}")))))
			.contains("field \"views\"");
		assertThat(reason(forbidden(() -> service.read(EDITOR, "articles",
				query("{\"aggregate\":{\"count\":\"*\"},\"groupBy\":\"author\"}")))))
			.contains("field \"author\"");
	}

	@Test
	void readWhenReaderAsksForMetaThenCountsOnlyPublishedRows() {
		ReadResult result = this.fixture.service(READER)
			.read(EDITOR, "articles",
					query("{\"meta\":\"*\",\"filter\":{\"title\":{\"_contains\":\"notes #1\"}},\"fields\":\"id\"}"));

		// #1 and #10 to #19 match the filter; of them 1, 11, 12, 14, 16, 17, 19 are
		// published
		assertThat(result.meta()).containsEntry("total_count", 12L).containsEntry("filter_count", 7L);
		assertThat(result.data()).extracting((item) -> item.get("id")).containsExactly(1, 11, 12, 14, 16, 17, 19);
	}

	@Test
	void readWhenReaderAggregatesOrSearchesThenOnlyPublishedRowsCount() {
		ItemsService service = this.fixture.service(READER);

		assertThat(service.read(EDITOR, "articles", query("{\"aggregate\":{\"count\":\"*\"}}")).data())
			.containsExactly(Map.of("count", 12L));
		assertThat(service.read(EDITOR, "articles", query("{\"aggregate\":{\"count\":\"*\"},\"groupBy\":\"status\"}"))
			.data()).containsExactly(Map.of("status", "published", "count", 12L));
		// Redis #5 and #15 are archived; "week 2" is only in bodies, which a Reader may
		// not read
		assertThat(service.read(EDITOR, "articles", query("{\"search\":\"redis\"}")).data()).isEmpty();
		assertThat(service.read(EDITOR, "articles", query("{\"search\":\"week 2\"}")).data()).isEmpty();
		assertThat(service.read(EDITOR, "articles", query("{\"search\":\"spring\",\"fields\":\"id\"}")).data())
			.containsExactly(Map.of("id", 1), Map.of("id", 11));
	}

	@Test
	void readOneWhenReaderAsksForDraftThenForbiddenWithoutReason() {
		ItemsService service = this.fixture.service(READER);

		assertThat(service.readOne(EDITOR, "articles", 1, query("{}"))).containsEntry("title", "Spring Boot notes #1");
		assertThat(forbidden(() -> service.readOne(EDITOR, "articles", 3, query("{}"))).errors().get(0).extensions())
			.doesNotContainKey("reason");
		assertThat(this.fixture.service(READER).readByKeys(EDITOR, "articles", List.of(1, 3, 5), query("{}")))
			.extracting((item) -> item.get("id"))
			.containsExactly(1);
	}

	@Test
	void readKeyedWhenFieldsLeaveOutTheKeyThenItemsAreStillUnderTheirKeys() {
		Map<Object, Map<String, Object>> items = this.fixture.service(READER)
			.readKeyed(EDITOR, "articles", List.of(1, 3, 11), query("{\"fields\":[\"title\"]}"));

		// 3 is not published: the Reader gets neither its row nor its key
		assertThat(items).containsOnlyKeys(1, 11);
		assertThat(items.get(1)).isEqualTo(Map.of("title", "Spring Boot notes #1"));
	}

	@Test
	void readWhenOnlyARuledGrantListsBodyThenBodyIsNullWhereTheRuleDoesNotMatch() {
		Grants grants = Grants.none()
			.with("articles", Action.READ, grant(null, "id,title,status"))
			.with("articles", Action.READ, grant("{\"status\":{\"_eq\":\"published\"}}", "body"));
		ItemsService service = this.fixture.service(grants);

		List<Map<String, Object>> items = service.read(EDITOR, "articles", query("{\"limit\":-1}")).data();

		assertThat(items).hasSize(20).allSatisfy((item) -> {
			assertThat(item).containsOnlyKeys("id", "title", "status", "body");
			if (item.get("status").equals("published")) {
				assertThat(item.get("body")).asString().startsWith("What we learned");
			}
			else {
				assertThat(item.get("body")).isNull();
			}
		});
		// a masked field cannot be searched for where it is masked (article 3 is a draft)
		assertThat(
				service.read(EDITOR, "articles", query("{\"filter\":{\"body\":{\"_contains\":\"week 3.\"}}}")).data())
			.isEmpty();
		assertThat(
				service.read(EDITOR, "articles", query("{\"filter\":{\"body\":{\"_contains\":\"week 2.\"}}}")).data())
			.hasSize(1);
		assertThat(service.read(EDITOR, "articles", query("{\"aggregate\":{\"count\":\"body\"}}")).data())
			.containsExactly(Map.of("count", Map.of("body", 12L)));
		// nor ordered by: where masked it sorts as null (last ascending), not by its
		// value
		List<Map<String, Object>> sorted = service
			.read(EDITOR, "articles", query("{\"limit\":-1,\"sort\":[\"body\",\"id\"]}"))
			.data();
		assertThat(sorted.subList(0, 12)).allSatisfy((item) -> assertThat(item.get("status")).isEqualTo("published"));
		assertThat(sorted.subList(12, 20)).extracting((item) -> item.get("id"))
			.isSortedAccordingTo(Comparator.comparingInt((id) -> (Integer) id));
	}

	@Test
	void readWhenRelatedCollectionIsNotReadableThenExplicitPathIsForbiddenAndWildcardKeepsKeys() {
		Grants grants = Grants.none().with("articles", Action.READ, grant(null, "*"));
		ItemsService service = this.fixture.service(grants);

		assertThat(reason(forbidden(() -> service.read(EDITOR, "articles", query("{\"fields\":\"id,comments.*\"}")))))
			.contains("collection \"comments\"");
		assertThat(reason(forbidden(() -> service.read(EDITOR, "articles",
				query("{\"filter\":{\"comments\":{\"_some\":{\"body\":{\"_nnull\":true}}}}}")))))
			.contains("collection \"comments\"");
		Map<String, Object> first = service.read(EDITOR, "articles", query("{\"fields\":\"*.*\",\"limit\":1}"))
			.data()
			.get(0);
		// the one-to-many stays a list of keys, without the comments the caller cannot
		// read
		assertThat(first).containsEntry("id", 1).containsEntry("comments", List.of());
	}

	@Test
	void readWhenRelatedItemIsOutsideItsRulesThenExpandedAsNullAndLeftOutOfLists() {
		Grants grants = Grants.none()
			.with("comments", Action.READ, grant(null, "*"))
			.with("articles", Action.READ, grant("{\"status\":{\"_eq\":\"draft\"}}", "id,title"))
			.with("articles", Action.READ, grant("{\"id\":{\"_eq\":1}}", "id,title,comments"));
		ItemsService service = this.fixture.service(grants);

		List<Map<String, Object>> comments = service
			.read(EDITOR, "comments", query("{\"fields\":\"id,article.title\",\"sort\":\"id\"}"))
			.data();
		assertThat(comments).extracting((item) -> item.get("article"))
			.containsExactly(Map.of("title", "Spring Boot notes #1"), Map.of("title", "Spring Boot notes #1"), null);
		Map<String, Object> first = service.readOne(EDITOR, "articles", 1, query("{\"fields\":\"comments.body\"}"));
		assertThat(first.get("comments")).asList().hasSize(2);
		// and the filter through the relation only sees readable articles
		assertThat(service
			.read(EDITOR, "comments", query("{\"filter\":{\"article\":{\"title\":{\"_contains\":\"Directus\"}}}}"))
			.data()).isEmpty();
	}

	@Test
	void aggregateWhenGroupedByAManyToOneIntoAnUnreadableCollectionThenKeysNeverRows() {
		ItemsService service = this.fixture.service(Grants.none().with("comments", Action.READ, grant(null, "*")));

		forbidden(() -> service.read(EDITOR, "articles", query("{}")));
		assertThat(service.read(EDITOR, "comments", query("{\"aggregate\":{\"count\":\"*\"},\"groupBy\":\"article\"}"))
			.data()).containsExactly(Map.of("article", 1, "count", 2L), Map.of("article", 2, "count", 1L));
		assertThat(service
			.read(EDITOR, "comments", query("{\"aggregate\":{\"max\":\"article\",\"countDistinct\":\"article\"}}"))
			.data()).containsExactly(Map.of("max", Map.of("article", 2), "countDistinct", Map.of("article", 2L)));
		// the relation's own fields stay out of reach
		forbidden(() -> service.read(EDITOR, "comments",
				query("{\"aggregate\":{\"count\":\"*\"},\"groupBy\":\"article.title\"}")));
		forbidden(() -> service.read(EDITOR, "comments", query("{\"sort\":\"article.title\"}")));
	}

	@Test
	void sortWhenAnEarlierStepOfThePathIsMaskedThenItSortsAsNull() {
		// comment 1 shows its article; 2 and 3 (on articles 1 and 2) show it as null
		Grants grants = Grants.none()
			.with("comments", Action.READ, grant(null, "id,body"))
			.with("comments", Action.READ, grant("{\"id\":{\"_eq\":1}}", "article"))
			.with("articles", Action.READ, grant(null, "*"));
		ItemsService service = this.fixture.service(grants);

		assertThat(service.read(EDITOR, "comments", query("{\"fields\":\"id,article\",\"sort\":\"id\"}")).data())
			.extracting((item) -> item.get("article"))
			.containsExactly(1, null, null);
		// by the hidden key the order would be 3, 1, 2
		assertThat(ids(service, "comments", "{\"fields\":\"id\",\"sort\":[\"-article.id\",\"id\"]}")).containsExactly(2,
				3, 1);
		assertThat(ids(service, "comments", "{\"fields\":\"id\",\"sort\":[\"-article.views\",\"id\"]}"))
			.containsExactly(2, 3, 1);
		// and neither grouping nor aggregating through it shows more than a read
		assertThat(service
			.read(EDITOR, "comments",
					query("{\"aggregate\":{\"count\":\"*\",\"max\":\"article.views\"},\"groupBy\":\"article.title\"}"))
			.data()).containsExactly(
					row("article.title", "Spring Boot notes #1", "count", 1L, "max", Map.of("article.views", 37)),
					row("article.title", null, "count", 2L, "max", row("article.views", null)));
		assertThat(service
			.read(EDITOR, "comments",
					query("{\"aggregate\":{\"countDistinct\":\"article\",\"sum\":\"article.views\"}}"))
			.data())
			.containsExactly(Map.of("countDistinct", Map.of("article", 1L), "sum", Map.of("article.views", 37)));
	}

	@Test
	void sortWhenByAMaskedManyToOneThenByItsKeyWhereVisible() {
		Grants grants = Grants.none()
			.with("comments", Action.READ, grant(null, "id,body"))
			.with("comments", Action.READ, grant("{\"id\":{\"_eq\":1}}", "article"));
		ItemsService service = this.fixture.service(grants);

		// the related row was sorted by as an entity, a 500
		assertThat(ids(service, "comments", "{\"fields\":\"id\",\"sort\":[\"-article\",\"id\"]}")).containsExactly(2, 3,
				1);
		assertThat(ids(service, "comments", "{\"fields\":\"id\",\"sort\":[\"article\",\"id\"]}")).containsExactly(1, 2,
				3);
	}

	@Test
	void sortWhenByAManyToOneThenByItsKey() {
		ItemsService service = this.fixture.service(Grants.none().with("comments", Action.READ, grant(null, "*")));

		assertThat(ids(service, "comments", "{\"sort\":[\"-article\",\"-id\"]}")).containsExactly(3, 2, 1);
		assertThat(ids(service, "comments", "{\"sort\":[\"article\",\"-id\"]}")).containsExactly(2, 1, 3);
	}

	@Test
	void readWhenNoGrantOrAnonymousThenForbiddenCollection() {
		ItemsService service = this.fixture.service(Grants.none());

		assertThat(reason(forbidden(() -> service.read(EDITOR, "articles", query("{}")))))
			.isEqualTo("You don't have permission to access collection \"articles\" or it does not exist. "
					+ "Queried in root.");
		forbidden(() -> service.read(EnforcementFixture.ANONYMOUS, "articles", query("{}")));
		forbidden(() -> service.readOne(EnforcementFixture.ANONYMOUS, "articles", 1, query("{}")));
	}

	@Test
	void readWhenAdminWithoutGrantsThenEverythingButUnknownFieldsStillForbidden() {
		ItemsService service = this.fixture.service(Grants.none());

		ReadResult result = service.read(Accountability.system(), "articles",
				query("{\"limit\":-1,\"meta\":\"total_count\"}"));
		assertThat(result.data()).hasSize(20).allSatisfy((item) -> assertThat(item).containsKey("body"));
		assertThat(result.meta()).containsEntry("total_count", 20L);
		forbidden(() -> service.read(Accountability.system(), "articles", query("{\"fields\":\"nope\"}")));
	}

	private static List<Object> ids(ItemsService service, String collection, String query) {
		return service.read(EDITOR, collection, query(query)).data().stream().map((item) -> item.get("id")).toList();
	}

	/** A row with null values, which {@link Map#of} refuses. */
	private static Map<String, Object> row(Object... entries) {
		Map<String, Object> row = new java.util.LinkedHashMap<>();
		for (int i = 0; i < entries.length; i += 2) {
			row.put((String) entries[i], entries[i + 1]);
		}
		return row;
	}

	private List<Map<String, Object>> read(Grants grants, String query) {
		return this.fixture.service(grants).read(EDITOR, "articles", query(query)).data();
	}

}
