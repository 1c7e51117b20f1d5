package dev.tidings.realtime.internal;

import dev.tidings.events.LocalChangeBus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import dev.tidings.app.TidingsApplication;
import dev.tidings.events.ChangeType;
import dev.tidings.events.ItemChange;
import dev.tidings.items.ItemsService;
import dev.tidings.query.Query;
import dev.tidings.query.QueryParser;
import dev.tidings.security.Accountabilities;
import dev.tidings.security.Accountability;
import dev.tidings.security.SecurityCache;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

import static dev.tidings.realtime.internal.ArticleRows.notification;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The dispatcher wired by the auto-configuration against the real items service and
 * access policy of the demo app, fed the notifications the events module would publish
 * for rows committed with SQL, and sessions that record their frames: who receives which
 * push, shaped how, in which order. The dispatcher's fence tells when it is done with
 * what was published, so "nothing was sent" is checked after it is done, not after a
 * guess.
 */
@SpringBootTest(classes = TidingsApplication.class,
		properties = "spring.datasource.url=jdbc:h2:mem:change-dispatcher;DB_CLOSE_DELAY=-1")
@Import(RealtimeStandIns.class)
class ChangeDispatcherTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final QueryParser PARSER = new QueryParser((text) -> JSON.readValue(text, Object.class));

	private final ItemsService items;

	private final SubscriptionIndex index;

	private final LocalChangeBus bus;

	private final Accountabilities accountabilities;

	private final JdbcTemplate jdbc;

	private final ArticleRows rows;

	private final List<ClientSession> sessions = new ArrayList<>();

	private final ChangeDispatcher dispatcher;

	private final SecurityCache securityCache;

	ChangeDispatcherTests(@Autowired ItemsService items, @Autowired SubscriptionIndex index,
			@Autowired LocalChangeBus bus, @Autowired Accountabilities accountabilities, @Autowired JdbcTemplate jdbc,
			@Autowired ChangeDispatcher dispatcher, @Autowired SecurityCache securityCache) {
		this.dispatcher = dispatcher;
		this.securityCache = securityCache;
		this.items = items;
		this.index = index;
		this.bus = bus;
		this.accountabilities = accountabilities;
		this.jdbc = jdbc;
		this.rows = new ArticleRows(jdbc);
	}

	@BeforeEach
	void startFromTheSeed() {
		this.rows.reset();
		// rows written with SQL report no change: nothing kept may predate them
		this.dispatcher.forgetChildKeys();
	}

	@AfterEach
	void unsubscribeAll() {
		this.sessions.forEach(this.index::removeAll);
	}

	@Test
	void createWhenReaderThenPublishedArticleWithFourFieldsAndNothingForDraft() {
		RecordingSession reader = subscribe(user("reader@example.com"), "1", "{}");

		ItemChange draft = this.rows.created("Draft news", "draft");
		ItemChange published = this.rows.created("Published news", "published");
		publish(draft);
		publish(published);
		awaitDispatched();

		assertThat(reader.messages()).hasSize(1);
		Map<String, @Nullable Object> push = reader.messages().get(0);
		assertThat(push).containsOnlyKeys("type", "event", "data", "collection", "keys", "key", "uid")
			.containsEntry("type", "subscription")
			.containsEntry("event", "create")
			.containsEntry("collection", "articles")
			.containsEntry("keys", List.of(published.key()))
			.containsEntry("key", published.key())
			.containsEntry("uid", "1");
		assertThat(data(push)).singleElement()
			.satisfies((item) -> assertThat(item).containsOnlyKeys("id", "title", "status", "published_at"))
			.isEqualTo(rest(user("reader@example.com"), published.key(), "{}"));
	}

	@Test
	void updateWhenPublishedIsArchivedThenReaderGetsDeleteAndWhenDraftIsPublishedThenUpdate() {
		int shown = (Integer) this.rows.created("Shown", "published").key();
		int hidden = (Integer) this.rows.created("Hidden", "draft").key();
		RecordingSession reader = subscribe(user("reader@example.com"), "1", "{}");

		publish(this.rows.updated(shown, Map.of("status", "archived")));
		publish(this.rows.updated(hidden, Map.of("status", "published")));
		awaitDispatched();

		assertThat(reader.messages()).extracting((push) -> push.get("event")).containsExactly("delete", "update");
		assertThat(reader.messages().get(0)).containsEntry("data", List.of(shown))
			.containsEntry("keys", List.of(shown));
		assertThat(data(reader.messages().get(1))).containsExactly(rest(user("reader@example.com"), hidden, "{}"));
		assertThat(reader.messages().get(1)).containsEntry("keys", List.of(hidden)).containsEntry("key", hidden);
	}

	@Test
	void updateWhenItemLeavesTheFilterOfAViewThatNeedsTheDatabaseThenDelete() {
		int key = (Integer) this.rows.created("Leaving", "published").key();
		// "*" includes the comments alias, sorted here, which makes this group re-read
		// its rows
		RecordingSession editor = subscribe(user("editor@example.com"), "1",
				"{\"filter\":{\"status\":{\"_eq\":\"published\"}},\"deep\":{\"comments\":{\"_sort\":[\"-id\"]}}}");

		publish(this.rows.updated(key, Map.of("title", "Still there")));
		// a re-read sees the row as it is when it runs, not as the change left it
		awaitDispatched();
		publish(this.rows.updated(key, Map.of("status", "draft")));
		awaitDispatched();

		assertThat(editor.messages()).extracting((push) -> push.get("event")).containsExactly("update", "delete");
		assertThat(data(editor.messages().get(0))).singleElement()
			.satisfies((item) -> assertThat(item).containsEntry("title", "Still there").containsKey("comments"));
		assertThat(editor.messages().get(1)).containsEntry("data", List.of(key)).containsEntry("keys", List.of(key));
	}

	@Test
	void updateWhenTheViewShowsEveryCommentThenItsListIsKeptElseReadAgain() {
		int key = (Integer) this.rows.created("Commented", "published").key();
		int first = comment(key);
		Accountability editor = user("editor@example.com");
		RecordingSession kept = subscribe(editor, "1", "{\"fields\":[\"id\",\"comments\"]}");
		RecordingSession sorted = subscribe(editor, "1",
				"{\"fields\":[\"id\",\"comments\"],\"deep\":{\"comments\":{\"_sort\":[\"-id\"]}}}");

		publish(this.rows.updated(key, Map.of("views", 1)));
		awaitDispatched();
		// a comment inserted with SQL reports no change: only a read sees it
		int second = comment(key);
		publish(this.rows.updated(key, Map.of("views", 2)));
		awaitDispatched();
		// as the cluster does when it may have missed changes
		this.securityCache.invalidate();
		publish(this.rows.updated(key, Map.of("views", 3)));
		awaitDispatched();

		assertThat(kept.messages()).extracting((push) -> data(push).get(0).get("comments"))
			.containsExactly(List.of(first), List.of(first), List.of(first, second));
		assertThat(sorted.messages()).extracting((push) -> data(push).get(0).get("comments"))
			.containsExactly(List.of(first), List.of(second, first), List.of(second, first));
	}

	@Test
	void deleteWhenDraftThenEditorGetsItsKeyAndReaderNothing() {
		int draft = (Integer) this.rows.created("Doomed draft", "draft").key();
		RecordingSession reader = subscribe(user("reader@example.com"), "1", "{}");
		RecordingSession editor = subscribe(user("editor@example.com"), "1", "{}");

		publish(this.rows.deleted(draft));
		awaitDispatched();

		assertThat(reader.frames()).isEmpty();
		assertThat(editor.frames()).containsExactly("{\"type\":\"subscription\",\"event\":\"delete\",\"data\":[" + draft
				+ "],\"collection\":\"articles\",\"keys\":[" + draft + "],\"key\":" + draft + ",\"uid\":\"1\"}");
	}

	@Test
	void batchWhenReaderMayReadSomeItemsThenItsKeysNameOnlyThose() {
		int published = (Integer) this.rows.created("Batch published", "published").key();
		int draft = (Integer) this.rows.created("Batch draft", "draft").key();
		RecordingSession reader = subscribe(user("reader@example.com"), "1", "{}");
		RecordingSession editor = subscribe(user("editor@example.com"), "1", "{\"fields\":[\"id\"]}");

		publish(this.rows.updated(published, Map.of("views", 1)), this.rows.updated(draft, Map.of("views", 1)));
		publish(this.rows.deleted(published), this.rows.deleted(draft));
		awaitDispatched();

		assertThat(reader.messages()).extracting((push) -> push.get("event")).containsExactly("update", "delete");
		assertThat(reader.messages().get(0)).containsEntry("keys", List.of(published)).containsEntry("key", published);
		assertThat(reader.messages().get(1)).containsEntry("data", List.of(published))
			.containsEntry("keys", List.of(published))
			.containsEntry("key", published);
		assertThat(editor.messages()).extracting((push) -> push.get("event")).containsExactly("update", "delete");
		assertThat(editor.messages()).allSatisfy(
				(push) -> assertThat(push).containsEntry("keys", List.of(published, draft)).doesNotContainKey("key"));
	}

	@Test
	void pushWhenFieldsLeaveOutTheKeyThenKeysStillNameTheItems() {
		int first = (Integer) this.rows.created("First", "published").key();
		int second = (Integer) this.rows.created("Second", "published").key();
		int leaving = (Integer) this.rows.created("Leaving", "published").key();
		Accountability editor = user("editor@example.com");
		String filter = "\"filter\":{\"status\":{\"_eq\":\"published\"}}";
		RecordingSession inMemory = subscribe(editor, "1", "{\"fields\":[\"title\"]," + filter + "}");
		// the comments alias makes this group complete its snapshots with kept lists
		RecordingSession listed = subscribe(editor, "1", "{\"fields\":[\"title\",\"comments\"]," + filter + "}");

		publish(this.rows.updated(first, Map.of("title", "First!")),
				this.rows.updated(second, Map.of("title", "Second!")),
				this.rows.updated(leaving, Map.of("status", "draft")));
		awaitDispatched();

		for (RecordingSession session : List.of(inMemory, listed)) {
			assertThat(session.messages()).extracting((push) -> push.get("event")).containsExactly("update", "delete");
			Map<String, @Nullable Object> update = session.messages().get(0);
			assertThat(data(update)).extracting((item) -> item.get("title")).containsExactly("First!", "Second!");
			assertThat(data(update)).allSatisfy((item) -> assertThat(item).doesNotContainKey("id"));
			assertThat(update).containsEntry("keys", List.of(first, second)).doesNotContainKey("key");
			assertThat(session.messages().get(1)).containsEntry("data", List.of(leaving))
				.containsEntry("keys", List.of(leaving))
				.containsEntry("key", leaving);
		}
	}

	@Test
	void createWhenSubscriptionSelectsFieldsThenOnlyThoseItMayRead() {
		RecordingSession reader = subscribe(user("reader@example.com"), "1", "{\"fields\":[\"id\",\"title\"]}");
		RecordingSession editor = subscribe(user("editor@example.com"), "1",
				"{\"fields\":[\"id\",\"title\",\"views\"]}");
		RecordingSession forbidden = subscribe(user("reader@example.com"), "1", "{\"fields\":[\"id\",\"body\"]}");

		ItemChange change = this.rows.created("Projected", "published");
		publish(change);
		awaitDispatched();

		assertThat(data(reader.messages().get(0))).containsExactly(Map.of("id", change.key(), "title", "Projected"));
		assertThat(data(editor.messages().get(0)))
			.containsExactly(Map.of("id", change.key(), "title", "Projected", "views", 0));
		// its group fails (body is not readable) without stopping the others
		assertThat(forbidden.frames()).isEmpty();
	}

	@Test
	void createWhenTwoGrantsMaskAFieldThenAsRest() {
		Accountability masker = masker();
		RecordingSession session = subscribe(masker, "1", "{}");

		ItemChange draft = this.rows.created("Masked draft", "draft");
		ItemChange published = this.rows.created("Shown body", "published");
		publish(draft, published);
		awaitDispatched();

		assertThat(session.messages()).singleElement()
			.satisfies((push) -> assertThat(data(push)).containsExactly(rest(masker, draft.key(), "{}"),
					rest(masker, published.key(), "{}")));
		assertThat(data(session.messages().get(0)).get(0)).containsEntry("body", null);
	}

	@Test
	void createWhenSubscriptionFiltersThenOnlyMatchingItems() {
		RecordingSession reader = subscribe(user("reader@example.com"), "1",
				"{\"filter\":{\"title\":{\"_icontains\":\"LIVE\"}}}");

		ItemChange live = this.rows.created("Live blog", "published");
		publish(this.rows.created("Dead blog", "published"), live);
		awaitDispatched();

		assertThat(reader.messages()).singleElement()
			.satisfies(
					(push) -> assertThat(data(push)).extracting((item) -> item.get("id")).containsExactly(live.key()));
	}

	@Test
	void changesWhenItemSubscriptionThenOneObjectForItsKeyOnly() {
		int key = (Integer) this.rows.created("Watched", "draft").key();
		int other = (Integer) this.rows.created("Unwatched", "draft").key();
		RecordingSession editor = subscribe(user("editor@example.com"), "item", "{\"fields\":[\"id\",\"title\"]}", null,
				String.valueOf(key));

		publish(this.rows.updated(other, Map.of("title", "Ignored")));
		publish(this.rows.updated(key, Map.of("title", "Renamed")));
		publish(this.rows.deleted(key));
		awaitDispatched();

		assertThat(editor.frames()).containsExactly(
				"{\"type\":\"subscription\",\"event\":\"update\",\"data\":{\"id\":" + key
						+ ",\"title\":\"Renamed\"},\"collection\":\"articles\",\"keys\":[" + key + "],\"key\":" + key
						+ ",\"uid\":\"item\"}",
				// the data is the key as a string, as Directus sends it; keys keep its
				// type
				"{\"type\":\"subscription\",\"event\":\"delete\",\"data\":\"" + key
						+ "\",\"collection\":\"articles\",\"keys\":[" + key + "],\"key\":" + key
						+ ",\"uid\":\"item\"}");
	}

	@Test
	void changesWhenEventFilterThenOnlyThatEvent() {
		int key = (Integer) this.rows.created("Event", "published").key();
		RecordingSession deletes = subscribe(user("editor@example.com"), "1", "{\"fields\":[\"id\"]}",
				ChangeType.DELETE, null);
		RecordingSession creates = subscribe(user("editor@example.com"), "2", "{\"fields\":[\"id\"]}",
				ChangeType.CREATE, null);

		publish(this.rows.created("Another", "draft"));
		publish(this.rows.updated(key, Map.of("title", "Changed")));
		publish(this.rows.deleted(key));
		awaitDispatched();

		assertThat(deletes.messages()).extracting((push) -> push.get("event")).containsExactly("delete");
		assertThat(creates.messages()).extracting((push) -> push.get("event")).containsExactly("create");
	}

	@Test
	void pushWhenSubscriptionsShareAGroupThenEachEchoesItsOwnUid() {
		Accountability editor = user("editor@example.com");
		RecordingSession first = subscribe(editor, "1", "{\"fields\":[\"id\"]}");
		RecordingSession second = subscribe(editor, "abc", "{\"fields\":[\"id\"]}");
		RecordingSession anonymous = subscribe(editor, null, "{\"fields\":[\"id\"]}");
		RecordingSession closed = subscribe(editor, "1", "{\"fields\":[\"id\"]}");
		closed.close();
		RecordingSession signedOut = new RecordingSession(null);
		this.sessions.add(signedOut);
		this.index.add(new Subscription(signedOut, "1", "articles", Query.EMPTY, null, null));

		ItemChange change = this.rows.created("Echo", "draft");
		publish(change);
		awaitDispatched();

		String body = "{\"type\":\"subscription\",\"event\":\"create\",\"data\":[{\"id\":" + change.key()
				+ "}],\"collection\":\"articles\",\"keys\":[" + change.key() + "],\"key\":" + change.key();
		assertThat(first.frames()).containsExactly(body + ",\"uid\":\"1\"}");
		assertThat(second.frames()).containsExactly(body + ",\"uid\":\"abc\"}");
		assertThat(anonymous.frames()).containsExactly(body + "}");
		assertThat(closed.frames()).isEmpty();
		assertThat(signedOut.frames()).isEmpty();
	}

	@Test
	void pushWhenQueryAsksForMetaThenCountsAsRest() {
		Accountability reader = user("reader@example.com");
		RecordingSession session = subscribe(reader, "1",
				"{\"fields\":[\"id\"],\"meta\":\"*\",\"filter\":{\"title\":{\"_contains\":\"notes\"}},\"limit\":1,\"page\":3}");

		ItemChange change = this.rows.created("More notes", "published");
		publish(change);
		awaitDispatched();
		// counted when pushed, so they match REST's counts at that moment
		Map<String, Long> withIt = this.items.read(reader, "articles", query("{\"limit\":0,\"meta\":\"*\"}")).meta();
		publish(this.rows.deleted((Integer) change.key()));
		awaitDispatched();
		Map<String, Long> without = this.items.read(reader, "articles", query("{\"limit\":0,\"meta\":\"*\"}")).meta();

		assertThat(session.messages()).hasSize(2).allSatisfy((push) -> assertThat(push).containsKey("meta"));
		assertThat(session.messages().get(0).get("meta"))
			.isEqualTo(Map.of("total_count", withIt.get("total_count").intValue(), "filter_count", 13));
		assertThat(session.messages().get(1).get("meta"))
			.isEqualTo(Map.of("total_count", without.get("total_count").intValue(), "filter_count", 12));
	}

	@Test
	void pushesWhenManyNotificationsThenEachSessionSeesThemInCommitOrder() {
		int key = (Integer) this.rows.created("Counter", "published").key();
		List<RecordingSession> readers = IntStream.range(0, 5)
			.mapToObj((i) -> subscribe(user("reader@example.com"), "1", "{\"fields\":[\"id\",\"title\"]}"))
			.toList();
		RecordingSession editor = subscribe(user("editor@example.com"), "1", "{\"fields\":[\"id\",\"views\"]}");

		for (int i = 1; i <= 200; i++) {
			publish(this.rows.updated(key, Map.of("views", i, "title", "Counter " + i)));
		}

		await().atMost(Duration.ofSeconds(30)).until(() -> editor.frames().size() == 200);
		assertThat(editor.messages()).extracting((push) -> data(push).get(0).get("views"))
			.containsExactlyElementsOf(IntStream.rangeClosed(1, 200).boxed().toList());
		awaitDispatched();
		readers.forEach((reader) -> assertThat(reader.messages()).extracting((push) -> data(push).get(0).get("title"))
			.containsExactlyElementsOf(IntStream.rangeClosed(1, 200).mapToObj((i) -> "Counter " + i).toList()));
	}

	@Test
	void pushWhenOneSessionDeliversSlowlyThenOthersAreNotWaitingForIt() throws Exception {
		// a session buffers and writes on its own thread, as ClientSession requires
		ExecutorService writer = Executors.newSingleThreadExecutor();
		try {
			Accountability editor = user("editor@example.com");
			RecordingSession delivered = new RecordingSession(editor);
			ClientSession slow = new ClientSession() {

				@Override
				public String id() {
					return "slow";
				}

				@Override
				public Accountability caller() {
					return editor;
				}

				@Override
				public void push(PushFrame frame) {
					writer.execute(() -> {
						sleep(Duration.ofMillis(200));
						delivered.push(frame);
					});
				}

				@Override
				public boolean isOpen() {
					return true;
				}

				@Override
				public void shed() {
					throw new AssertionError("a slow reader is not a costly one");
				}

			};
			this.sessions.add(slow);
			this.index.add(new Subscription(slow, "1", "articles", query("{\"fields\":[\"id\"]}"), null, null));
			RecordingSession fast = subscribe(editor, "1", "{\"fields\":[\"id\"]}");

			for (int i = 0; i < 20; i++) {
				publish(this.rows.created("Burst " + i, "draft"));
			}

			await().atMost(Duration.ofSeconds(3)).until(() -> fast.frames().size() == 20);
			assertThat(delivered.frames()).hasSizeLessThan(10);
			await().atMost(Duration.ofSeconds(10)).until(() -> delivered.frames().size() == 20);
			assertThat(delivered.frames()).isEqualTo(fast.frames());
		}
		finally {
			writer.shutdownNow();
		}
	}

	@Test
	void acceptWhenTheStripeIsFullThenTheCollectionsSubscribersAreClosedRatherThanLeftWithAGap() throws Exception {
		// one stripe holding one waiting notification, its thread held inside a push
		ChangeDispatcher small = new ChangeDispatcher(this.index, this.items, 1, 1, Duration.ofMinutes(1),
				ObservationRegistry.NOOP, null);
		CountDownLatch pushing = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		try {
			Accountability editor = user("editor@example.com");
			RecordingSession held = new RecordingSession(editor) {

				@Override
				public void push(PushFrame frame) {
					super.push(frame);
					pushing.countDown();
					await().atMost(Duration.ofSeconds(30)).until(() -> release.getCount() == 0);
				}

			};
			this.sessions.add(held);
			this.index.add(new Subscription(held, "1", "articles", query("{\"fields\":[\"id\"]}"), null, null));
			RecordingSession reader = subscribe(user("reader@example.com"), "1", "{\"fields\":[\"id\"]}");
			RecordingSession ofOneItem = subscribe(editor, "2", "{\"fields\":[\"id\"]}", null, "1");
			RecordingSession elsewhere = new RecordingSession(editor);
			this.sessions.add(elsewhere);
			this.index.add(new Subscription(elsewhere, "1", "comments", query("{\"fields\":[\"id\"]}"), null, null));

			small.accept(notification(this.rows.created("Holds the stripe", "draft")));
			assertThat(pushing.await(30, TimeUnit.SECONDS)).isTrue();
			small.accept(notification(this.rows.created("Waits", "draft")));
			assertThat(reader.wasShed()).isFalse();
			small.accept(notification(this.rows.created("Dropped", "draft")));

			assertThat(List.of(held, reader, ofOneItem)).allMatch(RecordingSession::wasShed);
			assertThat(this.index.sessions("articles")).isEmpty();
			assertThat(elsewhere.wasShed()).isFalse();
			assertThat(this.index.sessions("comments")).containsExactly(elsewhere);
		}
		finally {
			release.countDown();
			small.close();
		}
	}

	private RecordingSession subscribe(Accountability caller, @Nullable String uid, String query) {
		return subscribe(caller, uid, query, null, null);
	}

	private RecordingSession subscribe(Accountability caller, @Nullable String uid, String query,
			@Nullable ChangeType event, @Nullable String item) {
		RecordingSession session = new RecordingSession(caller);
		this.sessions.add(session);
		this.index.add(new Subscription(session, uid, "articles", query(query), event, item));
		return session;
	}

	/** Inserts a comment on the article with SQL, reporting nothing; returns its key. */
	private int comment(int article) {
		this.jdbc.update("INSERT INTO comments (article, body, date_created) VALUES (?, 'By SQL', CURRENT_TIMESTAMP)",
				article);
		return this.jdbc.queryForObject("SELECT MAX(id) FROM comments", Integer.class);
	}

	private void publish(ItemChange... changes) {
		this.bus.publish(notification(changes));
	}

	/** Waits until every notification published so far has been dispatched. */
	private void awaitDispatched() {
		this.dispatcher.fence("articles").orTimeout(20, TimeUnit.SECONDS).join();
	}

	private Accountability user(String email) {
		return this.accountabilities
			.forUser(this.jdbc.queryForObject("SELECT id FROM tidings_users WHERE email = ?", UUID.class, email));
	}

	/**
	 * A user whose role holds two read grants on articles: id, title and status of every
	 * row, and the body of published rows only.
	 */
	private Accountability masker() {
		UUID existing = this.jdbc
			.query("SELECT id FROM tidings_users WHERE email = 'masker@example.com'",
					(rs, row) -> rs.getObject(1, UUID.class))
			.stream()
			.findFirst()
			.orElse(null);
		if (existing != null) {
			return this.accountabilities.forUser(existing);
		}
		Accountability system = Accountability.system();
		Object policy = this.items.create(system, "directus_policies", List.of(Map.of("name", "Maskers"))).get(0);
		this.items.create(system, "directus_permissions",
				List.of(permission(policy, List.of("id", "title", "status"), Map.of()),
						permission(policy, List.of("body"), Map.of("status", Map.of("_eq", "published")))));
		Object role = this.items.create(system, "directus_roles", List.of(Map.of("name", "Maskers"))).get(0);
		this.items.create(system, "directus_access", List.of(Map.of("role", role, "policy", policy)));
		Object user = this.items
			.create(system, "directus_users",
					List.of(Map.of("email", "masker@example.com", "password", "masker-password-1", "role", role)))
			.get(0);
		return this.accountabilities.forUser(UUID.fromString(String.valueOf(user)));
	}

	private static Map<String, Object> permission(Object policy, List<String> fields, Map<String, Object> rule) {
		Map<String, Object> row = new LinkedHashMap<>();
		row.put("policy", policy);
		row.put("collection", "articles");
		row.put("action", "read");
		row.put("fields", fields);
		row.put("permissions", rule);
		return row;
	}

	/** What REST returns for the key through the query, as the wire has it. */
	private Map<String, @Nullable Object> rest(Accountability caller, Object key, String query) {
		List<Map<String, @Nullable Object>> read = this.items.readByKeys(caller, "articles", List.of(key),
				query(query));
		assertThat(read).as("REST reads %s", key).hasSize(1);
		return JSON.readValue(JSON.writeValueAsString(read.get(0)), Map.class);
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, @Nullable Object>> data(Map<String, @Nullable Object> push) {
		return (List<Map<String, @Nullable Object>>) push.get("data");
	}

	private static Query query(String json) {
		return PARSER.fromJson(JSON.readValue(json, Map.class));
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
