package dev.tidings.library;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.tidings.rest.ApiClient;
import dev.tidings.rest.Reply;

import static dev.tidings.rest.ApiClient.json;

/**
 * A non-admin reader of the library made through the admin API: a role, one policy per
 * set of read permissions (so that one collection may carry several rules, which masks
 * the fields only some of them list), and a user.
 */
final class LibraryGrants {

	private LibraryGrants() {
	}

	/**
	 * A client logged in as a new user whose policies each hold the given read
	 * permissions.
	 */
	@SafeVarargs
	static ApiClient reader(ApiClient admin, int port, String name, List<Map<String, Object>>... policies) {
		Object role = admin.post("/roles", json(Map.of("name", name))).item().get("id");
		for (int i = 0; i < policies.length; i++) {
			Object policy = admin
				.post("/policies", json(Map.of("name", name + " " + i, "admin_access", false, "app_access", false)))
				.item()
				.get("id");
			admin.post("/access", json(Map.of("role", role, "policy", policy))).item();
			for (Map<String, Object> permission : policies[i]) {
				Map<String, Object> owned = new LinkedHashMap<>(permission);
				owned.put("policy", policy);
				admin.post("/permissions", json(owned)).item();
			}
		}
		String email = name.replace(' ', '-') + "@example.com";
		admin.post("/users", json(Map.of("email", email, "password", name + "-password-1", "role", role))).item();
		return new ApiClient(port).as(email, name + "-password-1");
	}

	/** A read permission on the collection's fields, under the rule when not null. */
	static Map<String, Object> read(String collection, List<String> fields, Map<String, Object> rule) {
		Map<String, Object> permission = new LinkedHashMap<>();
		permission.put("collection", collection);
		permission.put("action", "read");
		permission.put("fields", fields);
		if (rule != null) {
			permission.put("permissions", rule);
		}
		return permission;
	}

	/**
	 * A GET with the brackets and spaces of the query escaped, as a browser sends them.
	 */
	static Reply get(ApiClient client, String pathAndQuery) {
		return client.get(pathAndQuery.replace("[", "%5B").replace("]", "%5D").replace(" ", "%20"));
	}

}
