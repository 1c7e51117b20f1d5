package com.example.board;

import java.util.List;
import java.util.Map;

import dev.tidings.items.ItemsService;
import dev.tidings.query.Query;
import dev.tidings.security.Accountability;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Gives the board's members a Tidings role that may read tasks, once. An administrator
 * could do the same through Tidings' API (/roles, /policies, /access, /permissions);
 * here the board sets it up in code, with Tidings' own service, as trusted host code.
 */
@Component
class TidingsRoles implements ApplicationRunner {

	static final String MEMBERS = "Members";

	private final ItemsService items;

	TidingsRoles(ItemsService items) {
		this.items = items;
	}

	@Override
	public void run(ApplicationArguments args) {
		Accountability system = Accountability.system();
		boolean done = this.items.read(system, "directus_roles", Query.EMPTY)
			.data()
			.stream()
			.anyMatch((role) -> MEMBERS.equals(role.get("name")));
		if (done) {
			return;
		}
		Object role = this.items.create(system, "directus_roles", List.of(Map.of("name", MEMBERS))).get(0);
		Object policy = this.items
			.create(system, "directus_policies", List.of(Map.of("name", "Read tasks", "app_access", false)))
			.get(0);
		this.items.create(system, "directus_access", List.of(Map.of("role", role, "policy", policy)));
		this.items.create(system, "directus_permissions",
				List.of(Map.of("policy", policy, "collection", "tasks", "action", "read", "fields", List.of("*"))));
	}

}
