package dev.tidings.events;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.tidings.events.internal.ChangeSet;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The merge rules of one transaction's changes: subscribers see the net effect per item,
 * in the order items were first changed, one notification per collection.
 */
class ChangeSetTests {

	private final ChangeSet changes = new ChangeSet();

	@Test
	void createThenUpdateThenOneCreateWithTheLastRow() {
		this.changes.add("articles", create(1, "a"));
		this.changes.add("articles", update(1, "a", "b"));
		this.changes.add("articles", update(1, "b", "c"));

		assertThat(only()).isEqualTo(new ItemChange(ChangeType.CREATE, 1, null, row("c")));
	}

	@Test
	void updateThenUpdateThenFirstBeforeAndLastAfter() {
		this.changes.add("articles", update(1, "a", "b"));
		this.changes.add("articles", update(1, "b", "c"));

		assertThat(only()).isEqualTo(new ItemChange(ChangeType.UPDATE, 1, row("a"), row("c")));
	}

	@Test
	void createThenDeleteThenNothing() {
		this.changes.add("articles", create(1, "a"));
		this.changes.add("articles", delete(1, "a"));

		assertThat(this.changes.notifications(Instant.EPOCH)).isEmpty();
		assertThat(this.changes.isEmpty()).isTrue();
	}

	@Test
	void updateThenDeleteThenDeleteWithTheOriginalRow() {
		this.changes.add("articles", update(1, "a", "b"));
		this.changes.add("articles", delete(1, "b"));

		assertThat(only()).isEqualTo(new ItemChange(ChangeType.DELETE, 1, row("a"), null));
	}

	@Test
	void deleteThenCreateOfTheSameKeyThenUpdateFromOldToNewRow() {
		this.changes.add("articles", delete(1, "a"));
		this.changes.add("articles", create(1, "b"));

		assertThat(only()).isEqualTo(new ItemChange(ChangeType.UPDATE, 1, row("a"), row("b")));
	}

	@Test
	void severalItemsThenFirstChangeOrderKept() {
		this.changes.add("articles", create(1, "a"));
		this.changes.add("articles", create(2, "a"));
		this.changes.add("articles", update(1, "a", "b"));

		assertThat(this.changes.notifications(Instant.EPOCH)).singleElement()
			.satisfies((notification) -> assertThat(notification.changes()).extracting(ItemChange::key)
				.containsExactly(1, 2));
	}

	@Test
	void twoCollectionsThenOneNotificationEachInFirstChangeOrder() {
		this.changes.add("comments", create(7, "a"));
		this.changes.add("articles", create(1, "a"));
		this.changes.add("comments", create(8, "a"));

		assertThat(this.changes.notifications(Instant.EPOCH)).extracting(ChangeNotification::collection)
			.containsExactly("comments", "articles");
	}

	@Test
	void restoreThenChangesSinceTheCopyForgotten() {
		this.changes.add("articles", create(1, "a"));
		ChangeSet savepoint = this.changes.copy();
		this.changes.add("articles", update(1, "a", "b"));
		this.changes.add("comments", create(7, "a"));

		this.changes.restore(savepoint);

		assertThat(this.changes.notifications(Instant.EPOCH)).singleElement()
			.satisfies((notification) -> assertThat(notification.changes())
				.containsExactly(new ItemChange(ChangeType.CREATE, 1, null, row("a"))));
	}

	@Test
	void createWhenNoChildWrittenInTheTransactionThenItsOneToManyAliasListedEmpty() {
		this.changes.add("articles", create(1, "a"));
		this.changes.add("articles", update(2, "a", "b"));

		assertThat(this.changes.notifications(Instant.EPOCH, ChangeSetTests::comments)).singleElement()
			.satisfies((notification) -> assertThat(notification.changes()).containsExactly(
					new ItemChange(ChangeType.CREATE, 1, null, Map.of("title", "a", "comments", List.of())),
					update(2, "a", "b")));
	}

	@Test
	void createWhenAChildIsWrittenInTheSameTransactionThenTheAliasIsLeftToARead() {
		this.changes.add("articles", create(1, "a"));
		this.changes.add("comments", create(7, "x"));

		assertThat(this.changes.notifications(Instant.EPOCH, ChangeSetTests::comments))
			.filteredOn((notification) -> notification.collection().equals("articles"))
			.singleElement()
			.satisfies((notification) -> assertThat(notification.changes()).containsExactly(create(1, "a")));
	}

	@Test
	void notificationsWhenAParentChangedBeforeItsChildrenThenTheChildrenFirst() {
		this.changes.add("articles", update(1, "a", "b"));
		this.changes.add("directus_activity", create(9, "x"));
		this.changes.add("comments", create(7, "x"));

		assertThat(this.changes.notifications(Instant.EPOCH, ChangeSetTests::comments))
			.extracting(ChangeNotification::collection)
			.containsExactly("comments", "articles", "directus_activity");
		assertThat(this.changes.notifications(Instant.EPOCH, (collection) -> Map.of("others", collection)))
			.as("a collection whose alias lists its own rows, and a cycle, keep first-change order")
			.extracting(ChangeNotification::collection)
			.containsExactly("articles", "directus_activity", "comments");
	}

	@Test
	void notificationsLookUpEachCollectionsAliasesOnce() {
		this.changes.add("articles", update(1, "a", "b"));
		this.changes.add("comments", create(7, "x"));
		List<String> lookedUp = new ArrayList<>();

		this.changes.notifications(Instant.EPOCH, (collection) -> {
			lookedUp.add(collection);
			return comments(collection);
		});

		assertThat(lookedUp).containsExactly("articles", "comments");
	}

	private static Map<String, String> comments(String collection) {
		return collection.equals("articles") ? Map.of("comments", "comments") : Map.of();
	}

	private ItemChange only() {
		assertThat(this.changes.notifications(Instant.EPOCH)).hasSize(1);
		assertThat(this.changes.notifications(Instant.EPOCH).get(0).changes()).hasSize(1);
		return this.changes.notifications(Instant.EPOCH).get(0).changes().get(0);
	}

	private static ItemChange create(int key, String title) {
		return new ItemChange(ChangeType.CREATE, key, null, row(title));
	}

	private static ItemChange update(int key, String before, String after) {
		return new ItemChange(ChangeType.UPDATE, key, row(before), row(after));
	}

	private static ItemChange delete(int key, String title) {
		return new ItemChange(ChangeType.DELETE, key, row(title), null);
	}

	private static Map<String, Object> row(String title) {
		return Map.of("title", title);
	}

}
