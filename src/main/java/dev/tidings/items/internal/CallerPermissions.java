package dev.tidings.items.internal;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.tidings.errors.TidingsException;
import dev.tidings.query.FilterBinder;
import dev.tidings.query.Variables;
import dev.tidings.schema.CollectionSchema;
import dev.tidings.schema.SchemaRegistry;
import dev.tidings.security.AccessPolicy;
import dev.tidings.security.Accountability;
import dev.tidings.security.Action;
import dev.tidings.security.Grant;
import org.jspecify.annotations.Nullable;

/**
 * What one caller may do during one request: the grants of its policies, bound once to
 * the request's dynamic variables and kept for the request, so that every check of the
 * request sees the same answer. Admins hold one grant covering every row and field of
 * every collection, which makes them bypass every check while field existence is still
 * validated by the schema.
 */
public final class CallerPermissions {

	private static final Grant EVERYTHING = new Grant(null, Set.of("*"), null, Map.of());

	private final AccessPolicy policy;

	private final Accountability who;

	private final Variables variables;

	private final SchemaRegistry schemas;

	private final Map<String, @Nullable CollectionGrants> cache = new HashMap<>();

	public CallerPermissions(AccessPolicy policy, Accountability who, Instant now, SchemaRegistry schemas) {
		this.policy = policy;
		this.who = who;
		this.variables = who.variables(now);
		this.schemas = schemas;
	}

	public boolean admin() {
		return this.who.admin();
	}

	public Variables variables() {
		return this.variables;
	}

	/** The caller's grants for the action, or null when it may not perform it at all. */
	public @Nullable CollectionGrants find(CollectionSchema collection, Action action) {
		String key = collection.name() + "/" + action.token();
		if (!this.cache.containsKey(key)) {
			this.cache.put(key, load(collection, action));
		}
		return this.cache.get(key);
	}

	/**
	 * The caller's grants for the action; a 403 naming the collection when it has none.
	 */
	public CollectionGrants require(CollectionSchema collection, Action action) {
		CollectionGrants grants = find(collection, action);
		if (grants == null) {
			throw TidingsException.forbiddenCollection(collection.name());
		}
		return grants;
	}

	private @Nullable CollectionGrants load(CollectionSchema collection, Action action) {
		List<Grant> grants = admin() ? List.of(EVERYTHING) : this.policy.grants(this.who, collection.name(), action);
		if (grants.isEmpty()) {
			return null;
		}
		return new CollectionGrants(collection, grants.stream().map((grant) -> bind(collection, grant)).toList());
	}

	private BoundGrant bind(CollectionSchema collection, Grant grant) {
		return new BoundGrant(
				grant.unrestricted() ? null : FilterBinder.bind(grant.rule(), collection, this.schemas, this.variables),
				grant);
	}

}
