package dev.tidings.security;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.tidings.errors.TidingsException;
import dev.tidings.query.Filter;
import dev.tidings.query.QueryParser;
import dev.tidings.security.internal.Permission;
import jakarta.persistence.EntityManager;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@link AccessPolicy} backed by the permission rows: all rows of a set of policies
 * are loaded once, parsed into grants and kept in the {@link SecurityCache} until the
 * next change.
 */
public final class PermissionGrants implements AccessPolicy {

	private static final Logger logger = LoggerFactory.getLogger(PermissionGrants.class);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Set<String> OWN_PROFILE_FIELDS = Set.of("id", "first_name", "last_name", "email", "password",
			"status", "role", "last_access");

	private final EntityManager entityManager;

	private final TransactionTemplate reads;

	private final SecurityCache cache;

	private final QueryParser parser = new QueryParser((text) -> JSON.readValue(text, Object.class));

	private final Grant ownActivity = new Grant(this.parser.parseFilter(Map.of("user", Map.of("_eq", "$CURRENT_USER"))),
			Set.of("*"), null, Map.of());

	private final Grant ownRevisions = new Grant(
			this.parser.parseFilter(Map.of("activity", Map.of("user", Map.of("_eq", "$CURRENT_USER")))), Set.of("*"),
			null, Map.of());

	public PermissionGrants(EntityManager entityManager, TransactionTemplate reads, SecurityCache cache) {
		this.entityManager = entityManager;
		this.reads = reads;
		this.cache = cache;
	}

	@Override
	public Map<String, Map<Action, List<Grant>>> grants(Accountability who) {
		Map<String, Map<Action, List<Grant>>> granted = who.policies().isEmpty() ? Map.of()
				: this.cache.grants(who.policies(), (policies) -> this.reads.execute((status) -> load(policies)));
		if (who.user() != null) {
			granted = withOwnActivity(granted);
		}
		return who.app() ? withOwnProfile(granted) : granted;
	}

	/**
	 * Every user may read what it did: its own activity, and the revisions its activity
	 * wrote. The admin bypass shows everyone's.
	 */
	private Map<String, Map<Action, List<Grant>>> withOwnActivity(Map<String, Map<Action, List<Grant>>> granted) {
		Map<String, Map<Action, List<Grant>>> extended = new LinkedHashMap<>(granted);
		add(extended, "directus_activity", this.ownActivity);
		add(extended, "directus_revisions", this.ownRevisions);
		return extended;
	}

	/**
	 * App access lets a user read its own profile and roles, as Directus's minimal app
	 * permissions do, which is what an SDK's {@code readMe()} relies on.
	 */
	private Map<String, Map<Action, List<Grant>>> withOwnProfile(Map<String, Map<Action, List<Grant>>> granted) {
		Map<String, Map<Action, List<Grant>>> extended = new LinkedHashMap<>(granted);
		add(extended, "directus_users", new Grant(this.parser.parseFilter(Map.of("id", Map.of("_eq", "$CURRENT_USER"))),
				OWN_PROFILE_FIELDS, null, Map.of()));
		add(extended, "directus_roles", new Grant(
				this.parser.parseFilter(Map.of("id", Map.of("_in", "$CURRENT_ROLES"))), Set.of("*"), null, Map.of()));
		return extended;
	}

	private static void add(Map<String, Map<Action, List<Grant>>> grants, String collection, Grant grant) {
		Map<Action, List<Grant>> byAction = new LinkedHashMap<>(grants.getOrDefault(collection, Map.of()));
		List<Grant> reads = new ArrayList<>(byAction.getOrDefault(Action.READ, List.of()));
		reads.add(grant);
		byAction.put(Action.READ, List.copyOf(reads));
		grants.put(collection, byAction);
	}

	private Map<String, Map<Action, List<Grant>>> load(List<UUID> policies) {
		List<Permission> rows = new ArrayList<>(this.entityManager
			.createQuery("select p from Permission p join fetch p.policy where p.policy.id in :policies",
					Permission.class)
			.setParameter("policies", policies)
			.getResultList());
		rows.sort(Comparator.comparingInt((Permission row) -> policies.indexOf(row.getPolicy().getId())));
		Map<String, Map<Action, List<Grant>>> grants = new LinkedHashMap<>();
		for (Permission row : rows) {
			Action action = action(row.getAction());
			if (action == null) {
				continue;
			}
			Grant grant;
			try {
				grant = grant(row);
			}
			catch (TidingsException ex) {
				// written around /permissions (which refuses such rules): grant nothing
				logger.warn("Ignoring permission {} on {}: {}", row.getAction(), row.getCollection(), ex.getMessage());
				continue;
			}
			grants.computeIfAbsent(row.getCollection(), (key) -> new LinkedHashMap<>())
				.computeIfAbsent(action, (key) -> new ArrayList<>())
				.add(grant);
		}
		grants.values().forEach((byAction) -> byAction.replaceAll((action, list) -> List.copyOf(list)));
		return grants;
	}

	private Grant grant(Permission row) {
		Filter rule = this.parser.parseFilter(emptyToNull(row.getPermissions()));
		Filter validation = this.parser.parseFilter(emptyToNull(row.getValidation()));
		Map<String, @Nullable Object> presets = (row.getPresets() != null) ? new LinkedHashMap<>(row.getPresets())
				: Map.of();
		List<String> fields = (row.getFields() != null) ? row.getFields() : List.of();
		return new Grant(rule, new HashSet<>(fields), validation, presets);
	}

	private static @Nullable Object emptyToNull(@Nullable Map<String, Object> filter) {
		return (filter == null || filter.isEmpty()) ? null : filter;
	}

	/** Rows for actions Tidings does not implement ({@code share}) grant nothing. */
	private static @Nullable Action action(String token) {
		for (Action action : Action.values()) {
			if (action.token().equals(token)) {
				return action;
			}
		}
		return null;
	}

}
