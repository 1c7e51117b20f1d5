package dev.tidings.items;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.tidings.app.TidingsApplication;
import dev.tidings.items.EnforcementFixture.Grants;
import dev.tidings.query.Query;
import dev.tidings.schema.SchemaRegistry;
import dev.tidings.security.Accountability;
import dev.tidings.security.Action;
import jakarta.persistence.EntityManagerFactory;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

import static dev.tidings.items.EnforcementFixture.EDITOR;
import static dev.tidings.items.EnforcementFixture.EDITOR_ID;
import static dev.tidings.items.EnforcementFixture.forbidden;
import static dev.tidings.items.EnforcementFixture.grant;
import static dev.tidings.items.EnforcementFixture.query;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * A snapshot view answers what a read by key answers: for every demo article, as a row
 * snapshot holds it (API names, Java values), {@code render} equals {@code readByKeys} of
 * the same key through the same query, under row rules, masks, field projections, filters
 * and search; and the view says when it cannot decide without the database.
 */
@SpringBootTest(classes = TidingsApplication.class, properties = EnforcementFixture.DATABASE)
class SnapshotViewTests {

	private static final Grants READER = Grants.none()
		.with("articles", Action.READ, grant("{\"status\":{\"_eq\":\"published\"}}", "id,title,status,published_at"));

	/** Every row with three fields, and the body only where published. */
	private static final Grants MASKED = Grants.none()
		.with("articles", Action.READ, grant(null, "id,title,status"))
		.with("articles", Action.READ, grant("{\"status\":{\"_eq\":\"published\"}}", "body"));

	private static final Grants OWN_OR_PUBLISHED = Grants.none()
		.with("articles", Action.READ, grant("{\"author\":{\"_eq\":\"$CURRENT_USER\"}}", "*"))
		.with("articles", Action.READ, grant("{\"status\":{\"_eq\":\"published\"}}", "id,title,author"));

	private static final Grants EVERYTHING = Grants.none()
		.with("articles", Action.READ, grant(null, "*"))
		.with("comments", Action.READ, grant(null, "*"));

	private static final String SCALARS = "\"fields\":[\"id\",\"title\",\"body\",\"status\",\"author\",\"views\",\"published_at\"]";

	private final EnforcementFixture fixture;

	private final JdbcTemplate jdbc;

	SnapshotViewTests(@Autowired EntityManagerFactory entityManagerFactory, @Autowired SchemaRegistry schemas,
			@Autowired PlatformTransactionManager transactionManager, @Autowired JdbcTemplate jdbc) {
		this.fixture = new EnforcementFixture(entityManagerFactory, schemas, transactionManager, jdbc);
		this.jdbc = jdbc;
	}

	@BeforeEach
	void startFromTheSeed() {
		this.fixture.reset();
	}

	@Test
	void renderWhenReaderThenPublishedRowsWithFourFieldsAsReadByKeys() {
		assertRendersAsReadByKeys(READER, EDITOR, "{}");
		assertRendersAsReadByKeys(READER, EDITOR, "{\"fields\":[\"id\",\"title\"]}");
		assertRendersAsReadByKeys(READER, EDITOR, "{\"fields\":\"*\",\"filter\":{\"title\":{\"_contains\":\"#1\"}}}");
		assertThat(this.fixture.service(READER).view(EDITOR, "articles", Query.EMPTY).render(snapshot(3))).isNull();
	}

	@Test
	void renderWhenTwoGrantsMaskAFieldThenNullWhereMaskedAsReadByKeys() {
		assertRendersAsReadByKeys(MASKED, EDITOR, "{}");
		assertRendersAsReadByKeys(MASKED, EDITOR, "{\"search\":\"week 2\"}");
		// the masked body filters only where it shows, in memory as in SQL
		assertRendersAsReadByKeys(MASKED, EDITOR, "{\"filter\":{\"body\":{\"_contains\":\"week\"}}}");
		Map<String, @Nullable Object> draft = this.fixture.service(MASKED)
			.view(EDITOR, "articles", Query.EMPTY)
			.render(snapshot(3));
		assertThat(draft).containsEntry("body", null).containsEntry("title", "WebSockets notes #3");
	}

	@Test
	void renderWhenRulesUseCurrentUserThenBoundToTheCallerAsReadByKeys() {
		int own = this.fixture.article("Mine", "draft", EDITOR_ID);
		int other = this.fixture.article("Theirs", "draft", EnforcementFixture.OTHER_ID);

		assertRendersAsReadByKeys(OWN_OR_PUBLISHED, EDITOR, "{" + SCALARS + "}");
		SnapshotView view = this.fixture.service(OWN_OR_PUBLISHED).view(EDITOR, "articles", query("{" + SCALARS + "}"));
		assertThat(view.render(snapshot(own))).containsEntry("author", EDITOR_ID.toString());
		assertThat(view.render(snapshot(other))).isNull();
	}

	@Test
	void renderWhenAdminThenEveryScalarFieldAsReadByKeys() {
		assertRendersAsReadByKeys(Grants.none(), Accountability.system(), "{" + SCALARS + "}");
		assertRendersAsReadByKeys(Grants.none(), Accountability.system(),
				"{" + SCALARS + ",\"filter\":{\"views\":{\"_gt\":200}}}");
	}

	@Test
	void viewWhenQueryNamesAFieldTheCallerMayNotReadThenForbiddenAtOnce() {
		ItemsService service = this.fixture.service(READER);

		forbidden(() -> service.view(EDITOR, "articles", query("{\"fields\":[\"id\",\"body\"]}")));
		forbidden(() -> service.view(EDITOR, "articles", query("{\"filter\":{\"views\":{\"_gt\":1}}}")));
		forbidden(() -> service.view(EDITOR, "comments", Query.EMPTY));
	}

	@Test
	void viewWhenSelectionOrFilterReachesRelationsThenNeedsTheDatabase() {
		ItemsService service = this.fixture.service(EVERYTHING);

		// "*" selects the comments alias, which no snapshot carries
		SnapshotView everything = service.view(EDITOR, "articles", Query.EMPTY);
		assertThat(everything.needsDatabase()).isTrue();
		assertThat(everything.matchesInMemory()).isTrue();
		assertThat(everything.matches(snapshot(3))).isTrue();
		assertThatIllegalStateException().isThrownBy(() -> everything.render(snapshot(3)));

		SnapshotView relational = service.view(EDITOR, "articles",
				query("{\"fields\":[\"id\"],\"filter\":{\"comments\":{\"_some\":{\"body\":{\"_nnull\":true}}}}}"));
		assertThat(relational.needsDatabase()).isTrue();
		assertThat(relational.matchesInMemory()).isFalse();

		assertThat(service.view(EDITOR, "comments", query("{\"fields\":[\"id\",\"article.title\"]}")).needsDatabase())
			.isTrue();
		assertThat(service.view(EDITOR, "comments", query("{\"fields\":[\"id\",\"article\"]}")).needsDatabase())
			.isFalse();
	}

	@Test
	void renderWhenTheSnapshotListsTheCommentsAliasThenAsReadByKeysOfTheNewArticle() {
		ItemsService service = this.fixture.service(EVERYTHING);
		int fresh = this.fixture.article("Fresh", "draft", EDITOR_ID);
		Map<String, @Nullable Object> created = new LinkedHashMap<>(snapshot(fresh));
		created.put("comments", List.of());

		SnapshotView everything = service.view(EDITOR, "articles", Query.EMPTY);
		assertThat(everything.renders(snapshot(fresh))).isFalse();
		assertThat(everything.renders(created)).isTrue();
		assertThat(everything.render(created))
			.isEqualTo(service.readByKeys(EDITOR, "articles", List.of(fresh), Query.EMPTY).get(0))
			.containsEntry("comments", List.of());
		// expanded, the alias needs the related rows whatever the snapshot lists
		assertThat(service.view(EDITOR, "articles", query("{\"fields\":[\"id\",\"comments.body\"]}")).renders(created))
			.isFalse();
		assertThat(
				service.view(EDITOR, "articles", query("{\"fields\":[\"id\",\"count(comments)\"]}")).renders(created))
			.isFalse();
	}

	@Test
	void renderWhenFullChildListsCompleteTheSnapshotsThenAsReadByKeysOfEveryArticle() {
		ItemsService service = this.fixture.service(EVERYTHING);
		SnapshotView everything = service.view(EDITOR, "articles", Query.EMPTY);
		assertThat(everything.fullListAliases()).extracting((field) -> field.name()).containsExactly("comments");
		List<Integer> keys = this.jdbc.queryForList("SELECT id FROM articles ORDER BY id", Integer.class);
		Map<Object, List<Object>> children = service.childKeys("articles", "comments", keys);
		assertThat(children).as("articles with comments").isNotEmpty();

		for (int key : keys) {
			Map<String, @Nullable Object> completed = new LinkedHashMap<>(snapshot(key));
			completed.put("comments", children.getOrDefault(key, List.of()));
			assertThat(everything.render(completed)).as("article %s", key)
				.isEqualTo(service.readByKeys(EDITOR, "articles", List.of(key), Query.EMPTY).get(0));
		}
	}

	@Test
	void fullListAliasesWhenTheCallerSeesSomeChildrenOrAnotherOrderThenNull() {
		Grants someComments = Grants.none()
			.with("articles", Action.READ, grant(null, "*"))
			.with("comments", Action.READ, grant("{\"body\":{\"_nnull\":true}}", "*"));
		ItemsService everything = this.fixture.service(EVERYTHING);

		assertThat(this.fixture.service(someComments).view(EDITOR, "articles", Query.EMPTY).fullListAliases()).isNull();
		assertThat(everything.view(EDITOR, "articles", query("{\"deep\":{\"comments\":{\"_sort\":[\"-id\"]}}}"))
			.fullListAliases()).isNull();
		assertThat(everything
			.view(EDITOR, "articles", query("{\"deep\":{\"comments\":{\"_filter\":{\"id\":{\"_gt\":1}}}}}"))
			.fullListAliases()).isNull();
		assertThat(everything.view(EDITOR, "articles", query("{\"fields\":[\"id\",\"title\"]}")).fullListAliases())
			.isNull();
	}

	@Test
	void needsDatabaseWhenAliasFunctionOrDeepThenTrue() {
		ItemsService service = this.fixture.service(EVERYTHING);

		assertThat(service
			.view(EDITOR, "articles",
					query("{\"fields\":[\"id\",\"headline\"]," + "\"alias\":{\"headline\":\"title\"}}"))
			.needsDatabase()).isTrue();
		assertThat(
				service.view(EDITOR, "articles", query("{\"fields\":[\"id\",\"year(published_at)\"]}")).needsDatabase())
			.isTrue();
		assertThat(service
			.view(EDITOR, "comments",
					query("{\"fields\":[\"id\",\"article\"],"
							+ "\"deep\":{\"article\":{\"_filter\":{\"status\":{\"_eq\":\"published\"}}}}}"))
			.needsDatabase()).isTrue();
		assertThat(service.view(EDITOR, "articles", query("{\"fields\":[\"id\",\"title\"]}")).needsDatabase())
			.isFalse();
	}

	private void assertRendersAsReadByKeys(Grants grants, Accountability who, String json) {
		ItemsService service = this.fixture.service(grants);
		Query query = query(json);
		SnapshotView view = service.view(who, "articles", query);
		assertThat(view.needsDatabase()).as(json).isFalse();
		List<Integer> keys = this.jdbc.queryForList("SELECT id FROM articles ORDER BY id", Integer.class);
		int shown = 0;
		for (int key : keys) {
			List<Map<String, @Nullable Object>> read = service.readByKeys(who, "articles", List.of(key), query);
			Map<String, @Nullable Object> rendered = view.render(snapshot(key));
			assertThat(rendered).as("article %s through %s", key, json).isEqualTo(read.isEmpty() ? null : read.get(0));
			shown += read.size();
		}
		assertThat(shown).as("rows shown through %s", json).isPositive();
	}

	private Map<String, @Nullable Object> snapshot(int id) {
		return ArticleScenarios.snapshot(this.jdbc, id);
	}

}
