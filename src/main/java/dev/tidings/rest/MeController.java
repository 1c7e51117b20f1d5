package dev.tidings.rest;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.tidings.errors.ErrorCode;
import dev.tidings.errors.TidingsException;
import dev.tidings.items.ItemsService;
import dev.tidings.schema.CollectionSchema;
import dev.tidings.schema.SchemaRegistry;
import dev.tidings.security.AccessPolicy;
import dev.tidings.security.Accountability;
import dev.tidings.security.Action;
import dev.tidings.security.Grant;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The caller's own view: {@code /users/me}, {@code /roles/me},
 * {@code /policies/me/globals} and {@code /permissions/me}.
 */
@RestController
@RequestMapping("${tidings.rest.base-path:}")
public class MeController {

	private static final String USERS = "directus_users";

	private final ItemsService items;

	private final AccessPolicy access;

	private final SchemaRegistry schemas;

	private final JsonCodec json;

	public MeController(ItemsService items, AccessPolicy access, SchemaRegistry schemas, JsonCodec json) {
		this.items = items;
		this.access = access;
		this.schemas = schemas;
		this.json = json;
	}

	/**
	 * The caller's user; only its id when its policies do not let it read its own record,
	 * as Directus answers.
	 */
	@GetMapping("/users/me")
	public ResponseEntity<byte[]> readMe(Accountability who, HttpServletRequest request) {
		String user = requireUser(who);
		try {
			return this.json.ok(this.items.readOne(who, USERS, user, this.json.urlQuery(request)));
		}
		catch (TidingsException ex) {
			if (ex.code() != ErrorCode.FORBIDDEN) {
				throw ex;
			}
			return this.json.ok(Map.of("id", user));
		}
	}

	@PatchMapping("/users/me")
	public ResponseEntity<byte[]> updateMe(Accountability who, HttpServletRequest request) {
		String user = requireUser(who);
		this.items.authorize(who, USERS, Action.UPDATE);
		Map<String, Object> data = Payloads.object(this.json.body(request), "The payload");
		this.items.update(who, USERS, List.of(user), data);
		return this.json.ok(this.items.readOne(who, USERS, user, this.json.urlQuery(request)));
	}

	@GetMapping("/roles/me")
	public ResponseEntity<byte[]> readMyRoles(Accountability who, HttpServletRequest request) {
		if (who.roles().isEmpty()) {
			return this.json.ok(List.of());
		}
		try {
			return this.json.ok(this.items.readByKeys(who, "directus_roles",
					who.roles().stream().map(Object::toString).toList(), this.json.urlQuery(request)));
		}
		catch (TidingsException ex) {
			if (ex.code() != ErrorCode.FORBIDDEN) {
				throw ex;
			}
			return this.json.ok(who.roles().stream().map((role) -> Map.of("id", role.toString())).toList());
		}
	}

	@GetMapping("/policies/me/globals")
	public ResponseEntity<byte[]> readMyGlobals(Accountability who) {
		Map<String, Object> globals = new LinkedHashMap<>();
		globals.put("app_access", who.app());
		if (!who.isAnonymous()) {
			globals.put("admin_access", who.admin());
			globals.put("enforce_tfa", false);
		}
		return this.json.ok(globals);
	}

	/**
	 * What the caller may do, per collection and action. Unlike Directus, an action is
	 * {@code full} whenever one grant covers every row, even if another grant has a rule.
	 */
	@GetMapping("/permissions/me")
	public ResponseEntity<byte[]> readMyPermissions(Accountability who) {
		Map<String, Map<Action, List<Grant>>> grants = who.admin() ? Map.of() : this.access.grants(who);
		Map<String, Object> answer = new LinkedHashMap<>();
		for (CollectionSchema collection : this.schemas.collections()) {
			Map<Action, List<Grant>> byAction = grants.getOrDefault(collection.name(), Map.of());
			if (!who.admin() && byAction.isEmpty()) {
				continue;
			}
			Map<String, Object> actions = new LinkedHashMap<>();
			for (Action action : Action.values()) {
				actions.put(action.token(), who.admin() ? full() : summary(byAction.getOrDefault(action, List.of())));
			}
			answer.put(collection.name(), actions);
		}
		return this.json.ok(answer);
	}

	private static Map<String, Object> full() {
		Map<String, Object> full = new LinkedHashMap<>();
		full.put("access", "full");
		full.put("fields", List.of("*"));
		full.put("presets", Map.of());
		return full;
	}

	private static Map<String, Object> summary(List<Grant> grants) {
		if (grants.isEmpty()) {
			return Map.of("access", "none");
		}
		Set<String> fields = new LinkedHashSet<>();
		Map<String, @Nullable Object> presets = new LinkedHashMap<>();
		for (Grant grant : grants) {
			fields.addAll(grant.fields().contains("*") ? Set.of("*") : grant.fields());
			presets.putAll(grant.presets());
		}
		Map<String, Object> summary = new LinkedHashMap<>();
		summary.put("access", grants.stream().anyMatch(Grant::unrestricted) ? "full" : "partial");
		summary.put("fields", fields.contains("*") ? List.of("*") : fields.stream().sorted().toList());
		summary.put("presets", presets);
		return summary;
	}

	private static String requireUser(Accountability who) {
		if (who.user() == null) {
			throw new TidingsException(ErrorCode.INVALID_CREDENTIALS, "Invalid user credentials.");
		}
		return who.user().toString();
	}

}
