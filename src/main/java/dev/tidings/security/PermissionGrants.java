package dev.tidings.security;

import dev.tidings.security.internal.Permission;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.tidings.query.Filter;
import dev.tidings.query.QueryParser;
import dev.tidings.security.AccessPolicy;
import dev.tidings.security.Accountability;
import dev.tidings.security.Action;
import dev.tidings.security.Grant;
import jakarta.persistence.EntityManager;
import org.jspecify.annotations.Nullable;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@link AccessPolicy} backed by the permission rows: all rows of a set of policies
 * are loaded once, parsed into grants and kept in the {@link SecurityCache} until the
 * next change.
 */
public final class PermissionGrants implements AccessPolicy {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final EntityManager entityManager;

	private final TransactionTemplate reads;

	private final SecurityCache cache;

	private final QueryParser parser = new QueryParser((text) -> JSON.readValue(text, Object.class));

	public PermissionGrants(EntityManager entityManager, TransactionTemplate reads, SecurityCache cache) {
		this.entityManager = entityManager;
		this.reads = reads;
		this.cache = cache;
	}

	@Override
	public List<Grant> grants(Accountability who, String collection, Action action) {
		return all(who).getOrDefault(collection, Map.of()).getOrDefault(action, List.of());
	}

	/**
	 * Every grant of the caller, by collection and action, in policy order (later
	 * policies' presets win).
	 */
	public Map<String, Map<Action, List<Grant>>> all(Accountability who) {
		if (who.policies().isEmpty()) {
			return Map.of();
		}
		return this.cache.grants(who.policies(), (policies) -> this.reads.execute((status) -> load(policies)));
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
			grants.computeIfAbsent(row.getCollection(), (key) -> new LinkedHashMap<>())
				.computeIfAbsent(action, (key) -> new ArrayList<>())
				.add(grant(row));
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
