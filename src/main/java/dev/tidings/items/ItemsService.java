package dev.tidings.items;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.tidings.errors.TidingsException;
import dev.tidings.items.internal.Aggregation;
import dev.tidings.items.internal.Dialects;
import dev.tidings.items.internal.ItemReader;
import dev.tidings.items.internal.ItemWriter;
import dev.tidings.items.internal.SortOrders;
import dev.tidings.query.Filter;
import dev.tidings.query.FilterBinder;
import dev.tidings.query.FilterOperator;
import dev.tidings.query.Query;
import dev.tidings.query.Variables;
import dev.tidings.security.AccessPolicy;
import dev.tidings.security.Accountability;
import dev.tidings.schema.CollectionSchema;
import dev.tidings.schema.FieldValues;
import dev.tidings.schema.SchemaRegistry;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import org.jspecify.annotations.Nullable;
import org.springframework.orm.jpa.SharedEntityManagerCreator;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

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

	private final TransactionTemplate writes;

	private final TransactionTemplate reads;

	private final AccessPolicy access;

	private final Clock clock;

	public ItemsService(EntityManagerFactory entityManagerFactory, SchemaRegistry schemas, AccessPolicy access,
			PlatformTransactionManager transactionManager, Clock clock) {
		this.schemas = schemas;
		this.access = access;
		EntityManager entityManager = SharedEntityManagerCreator.createSharedEntityManager(entityManagerFactory);
		SortOrders sortOrders = new SortOrders(schemas, Dialects.isPostgres(entityManagerFactory));
		this.reader = new ItemReader(entityManager, schemas, sortOrders);
		this.aggregation = new Aggregation(entityManager, schemas, sortOrders);
		this.writer = new ItemWriter(entityManager, schemas);
		this.writes = new TransactionTemplate(transactionManager);
		this.reads = new TransactionTemplate(transactionManager);
		this.reads.setReadOnly(true);
		this.clock = clock;
	}

	public ReadResult read(Accountability who, String collection, Query query) {
		CollectionSchema schema = this.schemas.require(collection);
		return this.reads.execute((status) -> {
			Filter filter = filter(schema, query);
			List<Map<String, @Nullable Object>> data = query.isAggregate()
					? this.aggregation.aggregate(schema, filter, query) : this.reader.read(schema, filter, query);
			Map<String, Long> meta = new LinkedHashMap<>();
			if (query.meta().contains(Query.Meta.TOTAL_COUNT)) {
				meta.put(Query.Meta.TOTAL_COUNT.token(), this.reader.count(schema, null));
			}
			if (query.meta().contains(Query.Meta.FILTER_COUNT)) {
				meta.put(Query.Meta.FILTER_COUNT.token(), this.reader.count(schema, filter));
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
	 * The items with the given keys that also match the query's filter, as a write reads
	 * back.
	 */
	public List<Map<String, @Nullable Object>> readByKeys(Accountability who, String collection, List<?> keys,
			Query query) {
		CollectionSchema schema = this.schemas.require(collection);
		List<Object> typed = keys(schema, keys);
		if (typed.isEmpty()) {
			return List.of();
		}
		return this.reads.execute((status) -> {
			Filter filter = and(filter(schema, query), byKeys(schema, typed));
			return this.reader.read(schema, filter, query.withLimit(typed.size()));
		});
	}

	/** Creates the items and returns their keys in order. */
	public List<Object> create(Accountability who, String collection, List<? extends Map<String, ?>> items) {
		CollectionSchema schema = this.schemas.require(collection);
		return this.writes.execute((status) -> {
			List<Object> keys = new ArrayList<>();
			for (Map<String, ?> item : items) {
				keys.add(this.writer.create(schema, item));
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
		return this.writes.execute((status) -> {
			List<Object> updated = new ArrayList<>();
			for (Object key : typed) {
				if (this.writer.update(schema, key, data)) {
					updated.add(key);
				}
			}
			return updated;
		});
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
		return this.writes.execute((status) -> {
			List<Object> updated = new ArrayList<>();
			for (int i = 0; i < items.size(); i++) {
				if (this.writer.update(schema, typed.get(i), items.get(i))) {
					updated.add(typed.get(i));
				}
			}
			return updated;
		});
	}

	/**
	 * Updates every item the query selects. Unlike Directus, no default limit of 100
	 * applies: a limit caps the update only when the query sets one.
	 */
	public List<Object> updateByQuery(Accountability who, String collection, Query query, Map<String, ?> data) {
		CollectionSchema schema = this.schemas.require(collection);
		return this.writes.execute((status) -> {
			List<Object> updated = new ArrayList<>();
			for (Object key : keysMatching(schema, query)) {
				if (this.writer.update(schema, key, data)) {
					updated.add(key);
				}
			}
			return updated;
		});
	}

	public void delete(Accountability who, String collection, List<?> keys) {
		CollectionSchema schema = this.schemas.require(collection);
		List<Object> typed = keys(schema, keys);
		this.writes.executeWithoutResult((status) -> typed.forEach((key) -> this.writer.delete(schema, key)));
	}

	/** Deletes every item the query selects (no implicit limit, as for updates). */
	public void deleteByQuery(Accountability who, String collection, Query query) {
		CollectionSchema schema = this.schemas.require(collection);
		this.writes.executeWithoutResult(
				(status) -> keysMatching(schema, query).forEach((key) -> this.writer.delete(schema, key)));
	}

	private List<Object> keysMatching(CollectionSchema schema, Query query) {
		Query unlimited = (query.limit() != null) ? query : query.withLimit(-1);
		List<Object> keys = new ArrayList<>();
		for (Object entity : this.reader.entities(schema, filter(schema, unlimited), unlimited)) {
			keys.add(schema.primaryKeyField().accessor().get(entity));
		}
		return keys;
	}

	private @Nullable Filter filter(CollectionSchema schema, Query query) {
		Variables variables = Variables.anonymous(this.clock.instant());
		Filter filter = (query.filter() != null) ? FilterBinder.bind(query.filter(), schema, this.schemas, variables)
				: null;
		if (query.search() != null && !query.search().isEmpty()) {
			filter = and(filter, FilterBinder.search(query.search(), schema));
		}
		return filter;
	}

	private static Filter and(@Nullable Filter left, Filter right) {
		return (left != null) ? new Filter.And(List.of(left, right)) : right;
	}

	private static Filter byKeys(CollectionSchema schema, List<Object> keys) {
		return new Filter.Condition(List.of(schema.primaryKey()), FilterOperator.IN, keys);
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
			Object key = FieldValues.fromJson(raw, schema.primaryKeyField().javaType());
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
