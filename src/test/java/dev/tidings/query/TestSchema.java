package dev.tidings.query;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import dev.tidings.schema.CollectionSchema;
import dev.tidings.schema.FieldAccessor;
import dev.tidings.schema.FieldSchema;
import dev.tidings.schema.FieldType;
import dev.tidings.schema.Relation;
import dev.tidings.schema.SchemaRegistry;

/**
 * A hand-built schema for the query tests: {@code articles} with an author
 * ({@code users}) and {@code comments}, plus {@code events} for the date, time and
 * narrower numeric types.
 */
final class TestSchema {

	static final CollectionSchema ARTICLES = collection("articles", "id", field("id", FieldType.INTEGER, Integer.class),
			field("title", FieldType.STRING, String.class), field("body", FieldType.TEXT, String.class),
			field("status", FieldType.STRING, String.class), field("views", FieldType.INTEGER, Integer.class),
			field("rating", FieldType.FLOAT, Double.class), field("price", FieldType.DECIMAL, BigDecimal.class),
			field("featured", FieldType.BOOLEAN, Boolean.class), field("uid", FieldType.UUID, UUID.class),
			field("published_at", FieldType.TIMESTAMP, Instant.class),
			manyToOne("author", FieldType.UUID, UUID.class, "users"), oneToMany("comments", "comments", "article"));

	static final CollectionSchema USERS = collection("users", "id", field("id", FieldType.UUID, UUID.class),
			field("email", FieldType.STRING, String.class));

	static final CollectionSchema COMMENTS = collection("comments", "id", field("id", FieldType.INTEGER, Integer.class),
			manyToOne("article", FieldType.INTEGER, Integer.class, "articles"),
			field("body", FieldType.STRING, String.class));

	static final CollectionSchema EVENTS = collection("events", "id", field("id", FieldType.BIG_INTEGER, Long.class),
			field("day", FieldType.DATE, LocalDate.class), field("starts", FieldType.DATE_TIME, LocalDateTime.class),
			field("opens", FieldType.TIME, LocalTime.class), field("weight", FieldType.FLOAT, float.class),
			field("meta", FieldType.JSON, Map.class));

	static final SchemaRegistry REGISTRY = new MapSchemaRegistry(
			Map.of("articles", ARTICLES, "users", USERS, "comments", COMMENTS, "events", EVENTS));

	private TestSchema() {
	}

	private static CollectionSchema collection(String name, String primaryKey, FieldSchema... fields) {
		Map<String, FieldSchema> byName = new LinkedHashMap<>();
		for (FieldSchema field : fields) {
			byName.put(field.name(), field.name().equals(primaryKey) ? asPrimaryKey(field) : field);
		}
		return new CollectionSchema(name, Map.class, byName, primaryKey);
	}

	private static FieldSchema asPrimaryKey(FieldSchema field) {
		return new FieldSchema(field.name(), field.attribute(), field.type(), field.javaType(), true, true, false,
				false, null, null, field.accessor(), false);
	}

	private static FieldSchema field(String name, FieldType type, Class<?> javaType) {
		return new FieldSchema(name, name, type, javaType, false, false, true, false, null, null, accessor(name),
				false);
	}

	private static FieldSchema manyToOne(String name, FieldType keyType, Class<?> keyJavaType, String related) {
		return new FieldSchema(name, name, keyType, keyJavaType, false, false, true, false, null,
				new Relation(Relation.Kind.MANY_TO_ONE, related, null), accessor(name), false);
	}

	private static FieldSchema oneToMany(String name, String related, String mappedBy) {
		return new FieldSchema(name, name, FieldType.ALIAS, List.class, false, false, true, false, null,
				new Relation(Relation.Kind.ONE_TO_MANY, related, mappedBy), accessor(name), false);
	}

	/** Reads and writes a key of a map "entity"; the query module never calls it. */
	private static FieldAccessor accessor(String name) {
		return new FieldAccessor() {

			@Override
			public @Nullable Object get(Object entity) {
				return ((Map<?, ?>) entity).get(name);
			}

			@Override
			@SuppressWarnings("unchecked")
			public void set(Object entity, @Nullable Object value) {
				((Map<String, Object>) entity).put(name, value);
			}

		};
	}

	record MapSchemaRegistry(Map<String, CollectionSchema> byName) implements SchemaRegistry {

		@Override
		public Optional<CollectionSchema> find(String collection) {
			return Optional.ofNullable(this.byName.get(collection));
		}

		@Override
		public Optional<CollectionSchema> forEntity(Class<?> entityType) {
			return Optional.empty();
		}

		@Override
		public Collection<CollectionSchema> collections() {
			return this.byName.values();
		}

	}

}
