package dev.tidings.bench;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * Accounts of the three demo roles for the honest sessions of scenario (e), each holding
 * at most as many sockets as the server allows one user, so the attacker alone meets the
 * per-user limit. Created by the administrator with the role of the demo account of that
 * role, so each reads what its kind expects; logged in once, every socket of an account
 * shares its token.
 */
final class Accounts {

	private static final String PASSWORD = "bench-password-123";

	private final Map<Role, List<String>> tokens = new EnumMap<>(Role.class);

	private final Map<Role, Integer> dealt = new EnumMap<>(Role.class);

	private final int perAccount;

	private Accounts(int perAccount) {
		this.perAccount = perAccount;
	}

	/** Enough accounts for {@code sessions} dealt round-robin over {@link Kind}. */
	static Accounts create(Target target, int sessions, int perAccount) throws IOException, InterruptedException {
		Accounts accounts = new Accounts(perAccount);
		Map<Role, Integer> needed = new EnumMap<>(Role.class);
		Kind[] kinds = Kind.values();
		for (int i = 0; i < sessions; i++) {
			needed.merge(kinds[i % kinds.length].role(), 1, Integer::sum);
		}
		String tag = Long.toString(System.nanoTime() % 1_000_000_000L, 36);
		for (Map.Entry<Role, Integer> entry : needed.entrySet()) {
			Role role = entry.getKey();
			int count = (entry.getValue() + perAccount - 1) / perAccount;
			String roleId = roleOf(target, role.email());
			List<Map<String, Object>> users = new ArrayList<>();
			for (int i = 0; i < count; i++) {
				Map<String, Object> user = new LinkedHashMap<>();
				user.put("email", "bench-" + role.name().toLowerCase() + "-" + tag + "-" + i + "@example.com");
				user.put("password", PASSWORD);
				user.put("role", roleId);
				users.add(user);
			}
			target.rest.post("/users", users);
			List<String> tokens = new ArrayList<>();
			for (Map<String, Object> user : users) {
				tokens.add(target.rest.login((String) user.get("email"), PASSWORD));
			}
			accounts.tokens.put(role, tokens);
		}
		return accounts;
	}

	private static String roleOf(Target target, String email) throws IOException, InterruptedException {
		String filter = URLEncoder.encode("{\"email\":{\"_eq\":\"" + email + "\"}}", StandardCharsets.UTF_8);
		JsonNode users = target.rest.get("/users?fields=role&filter=" + filter);
		if (users.size() != 1) {
			throw new IOException("no demo account " + email + ": start the server with DEMO_CONTENT=true");
		}
		return users.get(0).path("role").asString();
	}

	/** The token for the next session of that kind, sessions opened in order. */
	synchronized String next(Kind kind) {
		int index = this.dealt.merge(kind.role(), 1, Integer::sum) - 1;
		return this.tokens.get(kind.role()).get(index / this.perAccount);
	}

	int count() {
		return this.tokens.values().stream().mapToInt(List::size).sum();
	}

}
