package dev.tidings.app;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.tidings.items.ItemsService;
import dev.tidings.query.Filter;
import dev.tidings.query.FilterOperator;
import dev.tidings.query.Query;
import dev.tidings.security.Accountability;
import org.jspecify.annotations.Nullable;

/**
 * The demo's Editor and Reader, the same roles, policies and accounts as the Directus
 * peer, so one script runs against both. Created through the items service like any
 * administrator would, and once: when the Editor role exists they were created before, so
 * an account an operator deleted or changed stays as it is.
 */
class DemoAccounts {

	private static final Map<String, Object> OWN_ARTICLES = Map.of("author", Map.of("_eq", "$CURRENT_USER"));

	private static final Map<String, Object> PUBLISHED = Map.of("status", Map.of("_eq", "published"));

	private static final Map<String, Object> ON_PUBLISHED = Map.of("article", PUBLISHED);

	private final ItemsService items;

	private final Accountability system = Accountability.system();

	DemoAccounts(ItemsService items) {
		this.items = items;
	}

	void createOnce() {
		if (find("directus_roles", "name", "Editor") != null) {
			return;
		}
		String editor = role("Editor",
				"Reads all articles, creates articles, updates only own articles, deletes nothing;"
						+ " reads and creates comments, and discusses articles in directus_comments",
				List.of(permission("articles", "read", List.of("*"), null),
						permission("articles", "create", List.of("*"), null),
						permission("articles", "update", List.of("*"), OWN_ARTICLES),
						permission("comments", "read", List.of("*"), null),
						permission("comments", "create", List.of("*"), null),
						permission("directus_comments", "read", List.of("*"), null),
						permission("directus_comments", "create", List.of("*"), null)));
		String reader = role("Reader",
				"Reads only published articles, and only id, title, status, published_at;"
						+ " reads id, body, date_created of the comments on them",
				List.of(permission("articles", "read", List.of("id", "title", "status", "published_at"), PUBLISHED),
						permission("comments", "read", List.of("id", "body", "date_created"), ON_PUBLISHED)));
		user("editor@example.com", "editor-password-123", "Eddie", "Editor", editor);
		user("reader@example.com", "reader-password-123", "Rita", "Reader", reader);
	}

	/** Creates the role, its policy and their permissions; returns the role's id. */
	private String role(String name, String description, List<Map<String, Object>> permissions) {
		String policy = create("directus_policies",
				Map.of("name", name, "description", description, "admin_access", false, "app_access", false));
		for (Map<String, Object> permission : permissions) {
			Map<String, Object> row = new LinkedHashMap<>(permission);
			row.put("policy", policy);
			create("directus_permissions", row);
		}
		String role = create("directus_roles", Map.of("name", name, "description", name + " role"));
		create("directus_access", Map.of("role", role, "policy", policy));
		return role;
	}

	private void user(String email, String password, String firstName, String lastName, String role) {
		if (find("directus_users", "email", email) == null) {
			create("directus_users", Map.of("email", email, "password", password, "first_name", firstName, "last_name",
					lastName, "role", role));
		}
	}

	private static Map<String, Object> permission(String collection, String action, List<String> fields,
			@Nullable Map<String, Object> rule) {
		Map<String, Object> row = new LinkedHashMap<>();
		row.put("collection", collection);
		row.put("action", action);
		row.put("fields", fields);
		row.put("permissions", (rule != null) ? rule : Map.of());
		row.put("validation", Map.of());
		return row;
	}

	private @Nullable String find(String collection, String field, String value) {
		Query byValue = Query.EMPTY.withFilter(new Filter.Condition(List.of(field), FilterOperator.EQ, value))
			.withLimit(1);
		List<Map<String, @Nullable Object>> found = this.items.read(this.system, collection, byValue).data();
		return found.isEmpty() ? null : String.valueOf(found.get(0).get("id"));
	}

	private String create(String collection, Map<String, Object> item) {
		return String.valueOf(this.items.create(this.system, collection, List.of(item)).get(0));
	}

}
