package dev.tidings.realtime.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import dev.tidings.app.TidingsApplication;
import dev.tidings.events.ChangeFeed;
import dev.tidings.events.ChangeNotification;
import dev.tidings.events.ChangeType;
import dev.tidings.events.ItemChange;
import dev.tidings.items.ItemsService;
import dev.tidings.schema.FieldSchema;
import dev.tidings.schema.SchemaRegistry;
import dev.tidings.security.Accountability;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The children's keys kept for pushes of {@code articles}, against the demo app's real
 * items service and change feed: comments are written through the items service, so the
 * index hears of them as the dispatcher does, and every read of the database is counted,
 * so "kept" means not read again.
 */
@SpringBootTest(classes = TidingsApplication.class,
		properties = "spring.datasource.url=jdbc:h2:mem:child-key-index;DB_CLOSE_DELAY=-1")
class ChildKeyIndexTests {

	private static final Accountability SYSTEM = Accountability.system();

	/** The current test's index, which the feed hands every committed notification. */
	private static final AtomicReference<Consumer<ChangeNotification>> CURRENT = new AtomicReference<>();

	private final ItemsService items;

	private final JdbcTemplate jdbc;

	private final FieldSchema comments;

	private final AtomicInteger reads = new AtomicInteger();

	private final AtomicLong now = new AtomicLong();

	/** Runs in the middle of the next read, as a commit racing it would. */
	private final AtomicReference<Runnable> duringRead = new AtomicReference<>();

	private final ChildKeyIndex index = new ChildKeyIndex((collection, alias, keys) -> {
		this.reads.incrementAndGet();
		Map<Object, List<Object>> read = this.items().childKeys(collection, alias, keys);
		Runnable racing = this.duringRead.getAndSet(null);
		if (racing != null) {
			racing.run();
		}
		return read;
	}, this.now::get);

	ChildKeyIndexTests(@Autowired ItemsService items, @Autowired JdbcTemplate jdbc, @Autowired SchemaRegistry schemas,
			@Autowired ChangeFeed feed) {
		this.items = items;
		this.jdbc = jdbc;
		this.comments = schemas.require("articles").requireField("comments");
		if (CURRENT.get() == null) {
			feed.subscribe((notification) -> CURRENT.get().accept(notification));
		}
	}

	@BeforeEach
	void listenWithThisTestsIndex() {
		CURRENT.set(this.index::changed);
	}

	@Test
	void listsWhenKeptThenReadOnceUntilAChildOfTheParentIsCreated() {
		int article = article();
		int first = comment(article);
		int second = comment(article);

		assertThat(children(article)).containsExactly(first, second);
		assertThat(children(article)).containsExactly(first, second);
		assertThat(this.reads).hasValue(1);

		int third = comment(article);

		assertThat(children(article)).containsExactly(first, second, third);
		assertThat(this.reads).hasValue(2);
	}

	@Test
	void listsWhenTheParentWasCreatedWithoutChildrenThenEmptyWithoutARead() {
		// the index keeps lists of an alias once a push has needed one
		children(article());
		int article = article();

		assertThat(children(article)).isEmpty();
		assertThat(this.reads).hasValue(1);

		int first = comment(article);

		assertThat(children(article)).containsExactly(first);
		assertThat(this.reads).hasValue(2);
	}

	@Test
	void listsWhenTheParentWasCreatedWithChildrenThenRead() {
		children(article());
		int article = (Integer) this.items
			.create(SYSTEM, "articles",
					List.of(Map.of("title", "Parent", "status", "draft", "comments",
							List.of(Map.of("body", "Nested")))))
			.get(0);

		assertThat(children(article)).hasSize(1);
		assertThat(this.reads).hasValue(2);
	}

	@Test
	void listsWhenAChildOfAnotherParentChangesThenThisParentsListIsKept() {
		int article = article();
		int other = article();
		int kept = comment(article);
		assertThat(children(article)).containsExactly(kept);
		assertThat(children(other)).isEmpty();

		int added = comment(other);

		assertThat(children(article)).containsExactly(kept);
		assertThat(children(other)).containsExactly(added);
		assertThat(this.reads).hasValue(3);
	}

	@Test
	void listsWhenAChildMovesThenBothParentsAreReadAgain() {
		int from = article();
		int to = article();
		int moving = comment(from);
		int staying = comment(from);
		assertThat(children(from)).containsExactly(moving, staying);
		assertThat(children(to)).isEmpty();

		this.items.update(SYSTEM, "comments", List.of(moving), Map.of("article", to));

		assertThat(children(from)).containsExactly(staying);
		assertThat(children(to)).containsExactly(moving);
	}

	@Test
	void listsWhenAChildIsDeletedThenItsParentIsReadAgain() {
		int article = article();
		int doomed = comment(article);
		int staying = comment(article);
		assertThat(children(article)).containsExactly(doomed, staying);

		this.items.delete(SYSTEM, "comments", List.of(doomed));

		assertThat(children(article)).containsExactly(staying);
	}

	@Test
	void listsWhenAChildsBodyChangesThenTheListIsStillRight() {
		int article = article();
		int edited = comment(article);
		assertThat(children(article)).containsExactly(edited);

		this.items.update(SYSTEM, "comments", List.of(edited), Map.of("body", "Edited"));

		assertThat(children(article)).containsExactly(edited);
	}

	@Test
	void listsWhenTheParentIsDeletedThenItsListIsNotKept() {
		int article = article();
		assertThat(children(article)).isEmpty();

		// a key of another Java type than the read's names the same parent
		this.index.changed(new ChangeNotification("articles",
				List.of(new ItemChange(ChangeType.DELETE, (long) article, Map.of("id", (long) article), null)),
				Instant.now()));
		children(article);

		assertThat(this.reads).hasValue(2);
	}

	@Test
	void listsWhenOlderThanTheMaxAgeThenAChangeMadeWithSqlShows() {
		int article = article();
		int first = comment(article);
		assertThat(children(article)).containsExactly(first);
		// no event reports a row inserted with SQL
		this.jdbc.update("INSERT INTO comments (article, body, date_created) VALUES (?, 'by SQL', CURRENT_TIMESTAMP)",
				article);
		int bySql = this.jdbc.queryForObject("SELECT MAX(id) FROM comments", Integer.class);

		this.now.addAndGet(ChildKeyIndex.MAX_AGE.toNanos() - 1);
		assertThat(children(article)).containsExactly(first);
		this.now.addAndGet(1);
		assertThat(children(article)).containsExactly(first, bySql);
	}

	@Test
	void listsWhenAReadOverlapsAChangeOfTheChildrenThenItIsUsedButNotKept() {
		int article = article();
		int other = article();
		this.duringRead.set(() -> comment(other));

		assertThat(children(article)).isEmpty();
		assertThat(children(article)).isEmpty();

		assertThat(this.reads).hasValue(2);
	}

	@Test
	void changedWhenAChildsForeignKeyIsUnknownThenEveryListIsDropped() {
		int article = article();
		assertThat(children(article)).isEmpty();

		this.index.changed(new ChangeNotification("comments",
				List.of(new ItemChange(ChangeType.UPDATE, 1, null, Map.of("id", 1))), Instant.now()));
		children(article);

		assertThat(this.reads).hasValue(2);
	}

	@Test
	void clearDropsEveryList() {
		int article = article();
		assertThat(children(article)).isEmpty();

		this.index.clear();
		children(article);

		assertThat(this.reads).hasValue(2);
	}

	private List<Object> children(int article) {
		return this.index.lists("articles", List.of(this.comments), List.of(article))
			.get("comments")
			.get(String.valueOf(article));
	}

	private int article() {
		return (Integer) this.items.create(SYSTEM, "articles", List.of(Map.of("title", "Parent", "status", "draft")))
			.get(0);
	}

	private int comment(int article) {
		return (Integer) this.items.create(SYSTEM, "comments", List.of(Map.of("article", article, "body", "A comment")))
			.get(0);
	}

	private ItemsService items() {
		return this.items;
	}

}
