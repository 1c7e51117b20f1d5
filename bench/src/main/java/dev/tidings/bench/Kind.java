package dev.tidings.bench;

import java.util.Set;
import java.util.function.Predicate;

/**
 * The subscriptions the tool opens, spread over the three roles, filtered and not, with
 * and without field lists. Each kind knows which items it may see and which fields it may
 * receive, so the tool can tell for every write who must get it and who must not. All
 * queries ask {@code limit: 1}, which only shapes the initial read and keeps it small.
 */
enum Kind {

	/** Reader, no query: published items, its four fields. */
	READER_ALL(Role.READER, "{\"limit\":1}", Set.of("id", "title", "status", "published_at"),
			(item) -> item.status().equals("published")),

	/** Reader, filtered on the title it may read, with a field list. */
	READER_HOT(Role.READER,
			"{\"fields\":[\"id\",\"title\",\"status\"],\"filter\":{\"title\":{\"_starts_with\":\"hot\"}},\"limit\":1}",
			Set.of("id", "title", "status"),
			(item) -> item.status().equals("published") && item.title().startsWith("hot")),

	/** Editor, two fields of every item. */
	EDITOR_FIELDS(Role.EDITOR, "{\"fields\":[\"id\",\"title\"],\"limit\":1}", Set.of("id", "title"), (item) -> true),

	/** Editor, no query: every item, every field. */
	EDITOR_ALL(Role.EDITOR, "{\"limit\":1}", null, (item) -> true),

	/** Administrator, no query. */
	ADMIN_ALL(Role.ADMIN, "{\"limit\":1}", null, (item) -> true),

	/** Administrator, drafts only. */
	ADMIN_DRAFT(Role.ADMIN,
			"{\"fields\":[\"id\",\"title\",\"status\"],\"filter\":{\"status\":{\"_eq\":\"draft\"}},\"limit\":1}",
			Set.of("id", "title", "status"), (item) -> item.status().equals("draft")),

	/** Administrator, a numeric filter. */
	ADMIN_VIEWS(Role.ADMIN,
			"{\"fields\":[\"id\",\"title\",\"views\"],\"filter\":{\"views\":{\"_gt\":500}},\"limit\":1}",
			Set.of("id", "title", "views"), (item) -> item.views() > 500);

	private final Role role;

	private final String query;

	private final Set<String> fields;

	private final Predicate<Item> sees;

	Kind(Role role, String query, Set<String> fields, Predicate<Item> sees) {
		this.role = role;
		this.query = query;
		this.fields = fields;
		this.sees = sees;
	}

	Role role() {
		return this.role;
	}

	/** The subscribe message, with the SDK's first uid. */
	String subscribe() {
		return "{\"type\":\"subscribe\",\"collection\":\"articles\",\"query\":" + this.query + ",\"uid\":\"1\"}";
	}

	boolean sees(Item item) {
		return this.sees.test(item);
	}

	/** Whether a pushed item carries only fields this kind may receive. */
	boolean allows(Set<String> pushedFields) {
		return this.fields == null || this.fields.containsAll(pushedFields);
	}

}
