package dev.tidings.items;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.tidings.errors.TidingsException;
import dev.tidings.query.Filter;
import dev.tidings.query.Query;
import dev.tidings.query.QueryParser;
import dev.tidings.schema.SchemaRegistry;
import dev.tidings.security.AccessPolicy;
import dev.tidings.security.Accountability;
import dev.tidings.security.Action;
import dev.tidings.security.Grant;
import dev.tidings.security.PasswordHasher;
import dev.tidings.security.UserCredentials;
import jakarta.persistence.EntityManagerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.orm.jpa.SharedEntityManagerCreator;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.validation.beanvalidation.LocalValidatorFactoryBean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * What the enforcement tests share: callers with real user ids, grants written as
 * Directus permission rows, an {@link ItemsService} over the test context's database with
 * a fixed policy, and the demo rows (20 seeded articles: 12 published, 4 draft, 4
 * archived; 3 comments on articles 1 and 2).
 */
final class EnforcementFixture {

	static final String DATABASE = "spring.datasource.url=jdbc:h2:mem:items-enforcement;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=20000";

	static final UUID EDITOR_ID = UUID.fromString("0b0b0b0b-0000-4000-8000-000000000001");

	static final UUID OTHER_ID = UUID.fromString("0b0b0b0b-0000-4000-8000-000000000002");

	static final UUID ROLE_ID = UUID.fromString("0b0b0b0b-0000-4000-8000-0000000000aa");

	static final Accountability EDITOR = new Accountability(EDITOR_ID, ROLE_ID, List.of(ROLE_ID),
			List.of(UUID.fromString("0b0b0b0b-0000-4000-8000-0000000000bb")), false, true);

	static final Accountability ANONYMOUS = Accountability.anonymous(List.of());

	private static final JsonMapper JSON = new JsonMapper();

	private static final LocalValidatorFactoryBean VALIDATOR = new LocalValidatorFactoryBean();

	static {
		VALIDATOR.afterPropertiesSet();
	}

	private static final QueryParser PARSER = new QueryParser((text) -> JSON.readValue(text, Object.class));

	private final EntityManagerFactory entityManagerFactory;

	private final SchemaRegistry schemas;

	private final PlatformTransactionManager transactionManager;

	private final JdbcTemplate jdbc;

	EnforcementFixture(EntityManagerFactory entityManagerFactory, SchemaRegistry schemas,
			PlatformTransactionManager transactionManager, JdbcTemplate jdbc) {
		this.entityManagerFactory = entityManagerFactory;
		this.schemas = schemas;
		this.transactionManager = transactionManager;
		this.jdbc = jdbc;
	}

	/** A service whose policy gives every caller the same grants. */
	ItemsService service(Grants grants) {
		return new ItemsService(this.entityManagerFactory, this.schemas, grants,
				new UserCredentials(new PasswordHasher(),
						SharedEntityManagerCreator.createSharedEntityManager(this.entityManagerFactory)),
				this.transactionManager, Clock.systemUTC(), VALIDATOR);
	}

	/**
	 * Removes what a test added, so each starts from the seed; the callers' users exist,
	 * as articles point at them.
	 */
	void reset() {
		for (UUID user : List.of(EDITOR_ID, OTHER_ID)) {
			this.jdbc.update("MERGE INTO tidings_users (id, email, status) KEY (id) VALUES (?, ?, 'active')", user,
					user + "@example.com");
		}
		this.jdbc.update("DELETE FROM comments WHERE id > 3 OR article > 20");
		this.jdbc.update("DELETE FROM articles WHERE id > 20");
	}

	/** Inserts an article owned by the author (null for none) and returns its key. */
	int article(String title, String status, UUID author) {
		this.jdbc.update("INSERT INTO articles (title, body, status, author, views) VALUES (?, ?, ?, ?, 0)", title,
				"body of " + title, status, author);
		return this.jdbc.queryForObject("SELECT MAX(id) FROM articles", Integer.class);
	}

	String title(int id) {
		return this.jdbc.queryForObject("SELECT title FROM articles WHERE id = ?", String.class, id);
	}

	int count(String table) {
		return this.jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Integer.class);
	}

	static Query query(String json) {
		return PARSER.fromJson(JSON.readValue(json, Map.class));
	}

	static Map<String, Object> payload(String json) {
		return JSON.readValue(json, Map.class);
	}

	/** A permission row: rule and validation as Directus JSON (null for none). */
	static Grant grant(String rule, String fields, String validation, String presets) {
		return new Grant(filter(rule), Set.of(fields.split(",")), filter(validation),
				(presets != null) ? payload(presets) : Map.of());
	}

	static Grant grant(String rule, String fields) {
		return grant(rule, fields, null, null);
	}

	static TidingsException forbidden(Runnable call) {
		TidingsException failure = catchThrowableOfType(TidingsException.class, call::run);
		assertThat(failure).as("a 403").isNotNull();
		assertThat(failure.httpStatus()).isEqualTo(403);
		return failure;
	}

	static String reason(TidingsException failure) {
		return (String) failure.errors().get(0).extensions().get("reason");
	}

	private static Filter filter(String json) {
		return (json != null) ? PARSER.parseFilter(JSON.readValue(json, Object.class)) : null;
	}

	/**
	 * A fixed policy: the grants per collection and action, the same for every caller.
	 */
	static final class Grants implements AccessPolicy {

		private final Map<String, Map<Action, List<Grant>>> grants = new LinkedHashMap<>();

		static Grants none() {
			return new Grants();
		}

		Grants with(String collection, Action action, Grant grant) {
			this.grants.computeIfAbsent(collection, (key) -> new LinkedHashMap<>())
				.computeIfAbsent(action, (key) -> new ArrayList<>())
				.add(grant);
			return this;
		}

		@Override
		public Map<String, Map<Action, List<Grant>>> grants(Accountability who) {
			return this.grants;
		}

	}

}
