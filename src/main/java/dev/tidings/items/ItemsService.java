package dev.tidings.items;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.tidings.errors.TidingsException;
import dev.tidings.items.internal.Aggregation;
import dev.tidings.items.internal.CallerPermissions;
import dev.tidings.items.internal.ConstraintColumns;
import dev.tidings.items.internal.Dialects;
import dev.tidings.items.internal.EntityValidation;
import dev.tidings.items.internal.FieldMask;
import dev.tidings.items.internal.ItemReader;
import dev.tidings.items.internal.ItemRenderer;
import dev.tidings.items.internal.ItemWriter;
import dev.tidings.items.internal.NestedWrites;
import dev.tidings.items.internal.ReadAccess;
import dev.tidings.items.internal.ReadPlan;
import dev.tidings.items.internal.SingletonDefaults;
import dev.tidings.items.internal.SortOrders;
import dev.tidings.items.internal.VisibleValues;
import dev.tidings.items.internal.WriteAccess;
import dev.tidings.query.BoundFilter;
import dev.tidings.query.FilterOperator;
import dev.tidings.query.Query;
import dev.tidings.query.RowMatcher;
import dev.tidings.security.AccessPolicy;
import dev.tidings.security.Accountability;
import dev.tidings.security.Action;
import dev.tidings.security.CurrentCaller;
import dev.tidings.security.UserCredentials;
import dev.tidings.schema.CollectionSchema;
import dev.tidings.schema.FieldCodec;
import dev.tidings.schema.FieldPath;
import dev.tidings.schema.SchemaRegistry;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnitUtil;
import org.jspecify.annotations.Nullable;
import org.springframework.orm.jpa.SharedEntityManagerCreator;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.validation.Validator;

/**
 * Reads and writes items of any collection: the single path shared by REST and the
 * WebSocket. Every request runs in one transaction, so a failing item of a batch leaves
 * nothing written.
 */
public class ItemsService {

	private final SchemaRegistry schemas;

	private final ItemReader reader;

	private final Aggregation aggregation;

	private final ItemWriter writer;

	private final ReadAccess readAccess;

	private final ItemRenderer renderer;

	private final WriteAccess writeAccess;

	private final NestedWrites nested;

	private final EntityManager entityManager;

	private final TransactionTemplate writes;

	private final TransactionTemplate reads;

	private final AccessPolicy access;

	private final PersistenceUnitUtil units;

	private final Clock clock;

	/**
	 * @param validator checks the entities' Bean Validation constraints before a write is
	 * flushed (the host's validator, so its configuration and messages apply)
	 */
	public ItemsService(EntityManagerFactory entityManagerFactory, SchemaRegistry schemas, AccessPolicy access,
			UserCredentials credentials, PlatformTransactionManager transactionManager, Clock clock,
			Validator validator) {
		this.schemas = schemas;
		this.access = access;
		EntityManager entityManager = SharedEntityManagerCreator.createSharedEntityManager(entityManagerFactory);
		this.entityManager = entityManager;
		SortOrders sortOrders = new SortOrders(Dialects.isPostgres(entityManagerFactory));
		this.reader = new ItemReader(entityManager, schemas, sortOrders);
		this.aggregation = new Aggregation(entityManager, sortOrders);
		this.writer = new ItemWriter(entityManager, schemas, new EntityValidation(validator),
				new ConstraintColumns(entityManagerFactory));
		this.readAccess = new ReadAccess(schemas);
		this.renderer = new ItemRenderer(entityManager, schemas, sortOrders);
		this.writeAccess = new WriteAccess(entityManager, schemas);
		this.nested = new NestedWrites(entityManager, schemas, this.writeAccess, this.writer, credentials);
		this.units = entityManagerFactory.getPersistenceUnitUtil();
		this.writes = new TransactionTemplate(transactionManager);
		this.reads = new TransactionTemplate(transactionManager);
		this.reads.setReadOnly(true);
		this.clock = clock;
	}

	/**
	 * The rows and fields of the query that the caller may read; counts in {@code meta}
	 * count only those rows.
	 */
	public ReadResult read(Accountability who, String collection, Query query) {
		CollectionSchema schema = this.schemas.require(collection);
		CallerPermissions permissions = permissions(who);
		return this.reads.execute((status) -> {
			ReadPlan plan = this.readAccess.plan(permissions, schema, query);
			List<Map<String, @Nullable Object>> data = query.isAggregate()
					? this.aggregation.aggregate(schema, plan.filter(), query,
							VisibleValues.of(permissions, this.schemas))
					: this.reader.read(schema, plan.filter(), query, plan.selection(), mask(permissions),
							VisibleValues.of(permissions, this.schemas));
			Map<String, Long> meta = new LinkedHashMap<>();
			if (query.meta().contains(Query.Meta.TOTAL_COUNT)) {
				meta.put(Query.Meta.TOTAL_COUNT.token(), this.reader.count(schema, plan.permitted()));
			}
			if (query.meta().contains(Query.Meta.FILTER_COUNT)) {
				meta.put(Query.Meta.FILTER_COUNT.token(), this.reader.count(schema, plan.filter()));
			}
			return new ReadResult(data, meta);
		});
	}

	/**
	 * One item by key; a missing item is a 403, never a 404, so keys cannot be probed.
	 */
	public Map<String, @Nullable Object> readOne(Accountability who, String collection, Object key, Query query) {
		List<Map<String, @Nullable Object>> items = readByKeys(who, collection, List.of(key), query);
		if (items.isEmpty()) {
			throw TidingsException.forbidden();
		}
		return items.get(0);
	}

	/**
	 * The items with the given keys that also match the query's filter and that the
	 * caller may read, in the query's sort or else in the order of the keys, as a write
	 * reads back: a client that creates several items gets them back in the order it sent
	 * them, whatever order the table keeps (random for uuid keys).
	 */
	public List<Map<String, @Nullable Object>> readByKeys(Accountability who, String collection, List<?> keys,
			Query query) {
		Map<Object, Map<String, @Nullable Object>> keyed = readKeyed(who, collection, keys, query);
		if (!query.sort().isEmpty()) {
			return new ArrayList<>(keyed.values());
		}
		CollectionSchema schema = this.schemas.require(collection);
		List<Map<String, @Nullable Object>> ordered = new ArrayList<>(keyed.size());
		for (Object key : keys(schema, keys)) {
			Map<String, @Nullable Object> item = keyed.remove(schema.primaryKeyField().codec().toJson(key));
			if (item != null) {
				ordered.add(item);
			}
		}
		return ordered;
	}

	/**
	 * What {@link #readByKeys} reads, in its order, each item under its key as JSON
	 * ({@link FieldCodec#toJson}) whether or not the query's fields select the key: a
	 * push must say which items it carries even when their rows do not.
	 */
	public Map<Object, Map<String, @Nullable Object>> readKeyed(Accountability who, String collection, List<?> keys,
			Query query) {
		if (query.isAggregate()) {
			// an aggregate has no rows to render: the plan of one carries no selection
			throw TidingsException.invalidQuery("aggregate and groupBy apply to lists, not to items read by key");
		}
		CollectionSchema schema = this.schemas.require(collection);
		List<Object> typed = keys(schema, keys);
		CallerPermissions permissions = permissions(who);
		return this.reads.execute((status) -> {
			ReadPlan plan = this.readAccess.plan(permissions, schema, query);
			Map<Object, Map<String, @Nullable Object>> items = new LinkedHashMap<>();
			if (typed.isEmpty()) {
				return items;
			}
			BoundFilter filter = and(plan.filter(), byKeys(schema, typed));
			VisibleValues visibility = VisibleValues.of(permissions, this.schemas);
			List<?> entities = this.reader.entities(schema, filter, query.withLimit(typed.size()), visibility);
			List<Map<String, @Nullable Object>> rendered = this.renderer.render(entities, plan.selection(),
					mask(permissions), visibility);
			for (int i = 0; i < entities.size(); i++) {
				items.put(
						Objects.requireNonNull(
								schema.primaryKeyField().codec().toJson(this.units.getIdentifier(entities.get(i)))),
						rendered.get(i));
			}
			return items;
		});
	}

	/**
	 * A singleton's item (its first row) as the caller may read it; before the item
	 * exists, the defaults a new one would start with ({@link SingletonDefaults}), so a
	 * singleton always reads as an object.
	 */
	public Map<String, @Nullable Object> readSingleton(Accountability who, String collection, Query query) {
		CollectionSchema schema = this.schemas.require(collection);
		List<Map<String, @Nullable Object>> rows = read(who, collection, query.withLimit(1)).data();
		if (!rows.isEmpty()) {
			return rows.get(0);
		}
		return SingletonDefaults.of(schema, query.fields(), permissions(who));
	}

	/**
	 * Writes a singleton's item: updates its first row, whoever may read it, or creates
	 * it when the collection is empty; returns its key. One transaction, so the row found
	 * is the row written.
	 */
	public Object upsertSingleton(Accountability who, String collection, Map<String, ?> data) {
		CollectionSchema schema = this.schemas.require(collection);
		return writeAs(who, (status) -> {
			List<Object> first = this.reader.keys(schema, null, Query.EMPTY.withLimit(1),
					VisibleValues.of(permissions(Accountability.system()), this.schemas));
			if (first.isEmpty()) {
				return create(who, collection, List.of(data)).get(0);
			}
			Object key = Objects.requireNonNull(schema.primaryKeyField().codec().toJson(first.get(0)));
			update(who, collection, List.of(key), data);
			return key;
		});
	}

	/**
	 * The caller's view of the collection through the query, to decide and render row
	 * snapshots in memory as {@link #readByKeys} would read them. Checks the query's
	 * permissions now: a forbidden collection or field fails here, as a read would.
	 */
	public SnapshotView view(Accountability who, String collection, Query query) {
		CollectionSchema schema = this.schemas.require(collection);
		CallerPermissions permissions = permissions(who);
		ReadPlan plan = this.readAccess.plan(permissions, schema, query);
		return new SnapshotView(schema, plan, mask(permissions), this.renderer, new RowMatcher());
	}

	/**
	 * Every child's key of each parent through the one-to-many alias, in the order the
	 * alias lists them without a sort, by the parent's key (of the key's Java type);
	 * parents without children are absent. Checks no permission: for a
	 * {@link SnapshotView#fullListAliases view} whose caller sees every child.
	 */
	public Map<Object, List<Object>> childKeys(String collection, String alias, List<?> keys) {
		CollectionSchema schema = this.schemas.require(collection);
		List<Object> typed = keys(schema, keys);
		return this.reads.execute((status) -> this.renderer.childKeys(schema, typed, schema.requireField(alias)));
	}

	/**
	 * Refuses a caller who may not perform the action on the collection at all, as a
	 * write would, but before its body is read: such a caller learns nothing from how the
	 * body would have been judged.
	 */
	public void authorize(Accountability who, String collection, Action action) {
		permissions(who).require(this.schemas.require(collection), action);
	}

	/** Creates the items and returns their keys in order. */
	public List<Object> create(Accountability who, String collection, List<? extends Map<String, ?>> items) {
		CollectionSchema schema = this.schemas.require(collection);
		CallerPermissions permissions = permissions(who);
		return writeAs(who, (status) -> {
			List<Object> keys = new ArrayList<>();
			for (Map<String, ?> item : items) {
				keys.add(this.nested.create(permissions, schema, item));
			}
			return keys;
		});
	}

	/**
	 * Applies the same partial payload to every item with one of the keys; returns the
	 * keys found.
	 */
	public List<Object> update(Accountability who, String collection, List<?> keys, Map<String, ?> data) {
		CollectionSchema schema = this.schemas.require(collection);
		List<Object> typed = keys(schema, keys);
		CallerPermissions permissions = permissions(who);
		return writeAs(who, (status) -> write(permissions, schema, typed, Collections.nCopies(typed.size(), data)));
	}

	/** Applies one payload per item, each carrying its own key. */
	public List<Object> updateBatch(Accountability who, String collection, List<? extends Map<String, ?>> items) {
		CollectionSchema schema = this.schemas.require(collection);
		List<Object> typed = new ArrayList<>();
		for (Map<String, ?> item : items) {
			Object key = item.get(schema.primaryKey());
			if (key == null) {
				throw TidingsException.invalidPayload("Item in update misses primary key");
			}
			typed.add(key(schema, key));
		}
		CallerPermissions permissions = permissions(who);
		return writeAs(who, (status) -> write(permissions, schema, typed, items));
	}

	/**
	 * Updates every item the query selects under the caller's read permissions; all of
	 * them must then pass the update check. Unlike Directus, no default limit of 100
	 * applies: a limit caps the update only when the query sets one.
	 */
	public List<Object> updateByQuery(Accountability who, String collection, Query query, Map<String, ?> data) {
		CollectionSchema schema = this.schemas.require(collection);
		CallerPermissions permissions = permissions(who);
		return writeAs(who, (status) -> {
			List<Object> keys = keysMatching(permissions, schema, query);
			return write(permissions, schema, keys, Collections.nCopies(keys.size(), data));
		});
	}

	public void delete(Accountability who, String collection, List<?> keys) {
		CollectionSchema schema = this.schemas.require(collection);
		List<Object> typed = keys(schema, keys);
		CallerPermissions permissions = permissions(who);
		writeAs(who, (status) -> {
			remove(permissions, schema, typed);
			return null;
		});
	}

	/**
	 * Deletes every item the query selects under the caller's read permissions (no
	 * implicit limit, as for updates); all of them must pass the delete check.
	 */
	public void deleteByQuery(Accountability who, String collection, Query query) {
		CollectionSchema schema = this.schemas.require(collection);
		CallerPermissions permissions = permissions(who);
		writeAs(who, (status) -> {
			remove(permissions, schema, keysMatching(permissions, schema, query));
			return null;
		});
	}

	/**
	 * Runs a write in its transaction with the caller as {@link CurrentCaller}, so that
	 * auditing ({@code @CreatedBy}) records who wrote, whichever path the write came by.
	 * A request's entity manager outlives its transactions (open in view), and the
	 * in-memory inverse sides of items a nested write created or relinked lag behind the
	 * rows: the write's entities are let go, so reading back reads the rows. Not inside a
	 * transaction of the host's, whose own entities must stay managed.
	 */
	private <T> T writeAs(Accountability who, TransactionCallback<T> work) {
		try {
			return CurrentCaller.as(who, () -> this.writes.execute(work));
		}
		finally {
			if (!TransactionSynchronizationManager.isActualTransactionActive()) {
				this.entityManager.clear();
			}
		}
	}

	/** Checks (and locks) every key before writing any, so a refusal writes nothing. */
	private List<Object> write(CallerPermissions permissions, CollectionSchema schema, List<Object> keys,
			List<? extends Map<String, ?>> payloads) {
		List<Map<String, ?>> checked = this.writeAccess.update(permissions, schema, keys, payloads);
		List<Object> updated = new ArrayList<>();
		for (int i = 0; i < keys.size(); i++) {
			if (this.nested.update(permissions, schema, keys.get(i), checked.get(i))) {
				updated.add(keys.get(i));
			}
		}
		return updated;
	}

	private void remove(CallerPermissions permissions, CollectionSchema schema, List<Object> keys) {
		this.writeAccess.delete(permissions, schema, keys);
		keys.forEach((key) -> this.writer.delete(schema, key));
	}

	private List<Object> keysMatching(CallerPermissions permissions, CollectionSchema schema, Query query) {
		Query unlimited = (query.limit() != null) ? query : query.withLimit(-1);
		ReadPlan plan = this.readAccess.plan(permissions, schema, unlimited);
		return this.reader.keys(schema, plan.filter(), unlimited, VisibleValues.of(permissions, this.schemas));
	}

	/** The caller's grants for one request, bound to its variables at this instant. */
	private CallerPermissions permissions(Accountability who) {
		return new CallerPermissions(this.access, who, this.clock.instant(), this.schemas);
	}

	private FieldMask mask(CallerPermissions permissions) {
		return new FieldMask(permissions, this.schemas, this.units);
	}

	private static BoundFilter and(@Nullable BoundFilter left, BoundFilter right) {
		return (left != null) ? new BoundFilter.And(List.of(left, right)) : right;
	}

	private BoundFilter byKeys(CollectionSchema schema, List<Object> keys) {
		return new BoundFilter.Condition(FieldPath.of(schema, schema.primaryKey(), this.schemas), FilterOperator.IN,
				keys);
	}

	private static List<Object> keys(CollectionSchema schema, List<?> keys) {
		return keys.stream().map((key) -> key(schema, key)).toList();
	}

	/**
	 * A key that does not fit the key type is a 403, as Directus answers for malformed
	 * keys.
	 */
	private static Object key(CollectionSchema schema, Object raw) {
		try {
			Object key = schema.primaryKeyField().codec().fromJson(raw);
			if (key == null) {
				throw TidingsException.forbidden();
			}
			return key;
		}
		catch (IllegalArgumentException | ArithmeticException ex) {
			throw TidingsException.forbidden();
		}
	}

}
