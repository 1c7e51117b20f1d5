package dev.tidings.schema.internal;

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.tidings.schema.CollectionSchema;
import dev.tidings.schema.Concealed;
import dev.tidings.schema.ContentCollection;
import dev.tidings.schema.FieldCodec;
import dev.tidings.schema.FieldSchema;
import dev.tidings.schema.FieldType;
import dev.tidings.schema.Relation;
import jakarta.persistence.Column;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Lob;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OneToOne;
import jakarta.persistence.metamodel.Attribute;
import jakarta.persistence.metamodel.Attribute.PersistentAttributeType;
import jakarta.persistence.metamodel.EntityType;
import jakarta.persistence.metamodel.ManagedType;
import jakarta.persistence.metamodel.PluralAttribute;
import jakarta.persistence.metamodel.SingularAttribute;
import jakarta.persistence.metamodel.Type;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.metamodel.mapping.AttributeMapping;
import org.hibernate.metamodel.mapping.BasicValuedMapping;
import org.hibernate.type.descriptor.converter.spi.BasicValueConverter;
import org.hibernate.persister.entity.AbstractEntityPersister;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the collection schemas from the JPA metamodel, with column and table names as
 * Hibernate maps them.
 */
public final class MetamodelReader {

	private static final Logger logger = LoggerFactory.getLogger(MetamodelReader.class);

	private final EntityManagerFactory entityManagerFactory;

	private final SessionFactoryImplementor sessionFactory;

	private final EmbeddedFields embedded;

	public MetamodelReader(EntityManagerFactory entityManagerFactory) {
		this.entityManagerFactory = entityManagerFactory;
		this.sessionFactory = entityManagerFactory.unwrap(SessionFactoryImplementor.class);
		this.embedded = new EmbeddedFields();
	}

	/**
	 * The collections, and the entities marked as collections that cannot be served, each
	 * with the reason, warned about here.
	 */
	public Schema read() {
		Map<Class<?>, String> names = new LinkedHashMap<>();
		Map<String, String> unsupported = new LinkedHashMap<>();
		List<EntityType<?>> entities = new ArrayList<>();
		for (EntityType<?> entity : this.entityManagerFactory.getMetamodel()
			.getEntities()
			.stream()
			.filter((entity) -> entity.getJavaType().isAnnotationPresent(ContentCollection.class))
			.sorted(Comparator.comparing(EntityType::getName))
			.toList()) {
			String name = collectionName(entity.getJavaType());
			if (!entity.hasSingleIdAttribute()) {
				String reason = "Collection \"" + name + "\" (entity " + entity.getJavaType().getName()
						+ ") has a composite key, which Tidings does not support";
				logger.warn("{}: it is not served, and relations to it have no field", reason);
				unsupported.put(name, reason);
				continue;
			}
			names.put(entity.getJavaType(), name);
			entities.add(entity);
		}
		List<CollectionSchema> collections = new ArrayList<>();
		for (EntityType<?> entity : entities) {
			collections.add(collection(entity, names));
		}
		return new Schema(collections, unsupported);
	}

	/**
	 * What the metamodel yields.
	 *
	 * @param collections the collections served
	 * @param unsupported why each entity marked as a collection is not served, by the
	 * collection name it would have had
	 */
	public record Schema(List<CollectionSchema> collections, Map<String, String> unsupported) {

	}

	private String collectionName(Class<?> type) {
		String declared = type.getAnnotation(ContentCollection.class).value();
		return declared.isBlank() ? unquote(persister(type).getTableName()) : declared;
	}

	private CollectionSchema collection(EntityType<?> entity, Map<Class<?>, String> names) {
		Class<?> type = entity.getJavaType();
		AbstractEntityPersister persister = persister(type);
		Object blank = newInstance(type);
		Map<String, FieldSchema> fields = new LinkedHashMap<>();
		Map<String, String> unsupported = new LinkedHashMap<>();
		String primaryKey = null;
		for (Attribute<?, ?> attribute : declarationOrder(entity)) {
			List<FieldSchema> found = (attribute.getPersistentAttributeType() == PersistentAttributeType.EMBEDDED)
					? this.embedded.fields(attribute, persister) : single(field(attribute, persister, blank, names));
			if (found.isEmpty()) {
				// nothing is dropped silently: the host learns which attribute the API
				// lacks
				String reason = "Tidings does not support attribute \"" + attribute.getName() + "\" of entity "
						+ type.getName() + " (" + attribute.getPersistentAttributeType() + "): collection \""
						+ names.get(type) + "\" has no field for it";
				logger.warn(reason);
				unsupported.put(snakeCase(attribute.getName()), reason);
				continue;
			}
			for (FieldSchema field : found) {
				fields.put(field.name(), field);
				if (field.primaryKey()) {
					primaryKey = field.name();
				}
			}
		}
		if (primaryKey == null) {
			throw new IllegalStateException("Collection entity " + type.getName() + " needs a single @Id");
		}
		return new CollectionSchema(names.get(type), type, fields, primaryKey, unsupported,
				type.getAnnotation(ContentCollection.class).singleton());
	}

	/**
	 * Whether the provider generates the key: {@code @GeneratedValue} or a generator
	 * annotation of Hibernate's own, such as {@code @UuidGenerator}.
	 */
	private static boolean generatedKey(AbstractEntityPersister persister) {
		return persister.getGenerator().generatesOnInsert();
	}

	private static List<FieldSchema> single(@Nullable FieldSchema field) {
		return (field != null) ? List.of(field) : List.of();
	}

	private @Nullable FieldSchema field(Attribute<?, ?> attribute, AbstractEntityPersister persister, Object blank,
			Map<Class<?>, String> names) {
		AnnotatedElement member = (AnnotatedElement) attribute.getJavaMember();
		MemberAccessor accessor = new MemberAccessor(attribute.getJavaMember());
		PersistentAttributeType kind = attribute.getPersistentAttributeType();
		if (kind == PersistentAttributeType.BASIC && attribute instanceof SingularAttribute<?, ?> singular) {
			boolean id = singular.isId();
			String column = id ? persister.getIdentifierColumnNames()[0]
					: persister.getPropertyColumnNames(attribute.getName())[0];
			Column annotation = member.getAnnotation(Column.class);
			Class<?> javaType = FieldTypes.boxed(attribute.getJavaType());
			FieldCodec codec = codec(persister.findAttributeMapping(attribute.getName()), javaType, member, annotation);
			FieldType type = codec.type();
			boolean nullable = !id && singular.isOptional() && !attribute.getJavaType().isPrimitive()
					&& (annotation == null || annotation.nullable());
			Integer maxLength = (type == FieldType.STRING && codec.choices().isEmpty()) ? ((javaType == Character.class)
					? Integer.valueOf(1) : Integer.valueOf((annotation != null) ? annotation.length() : 255)) : null;
			return new FieldSchema(unquote(column), attribute.getName(), type, javaType, id,
					id && generatedKey(persister), nullable, singular.isVersion() || accessor.get(blank) != null,
					maxLength, null, accessor, member.isAnnotationPresent(Concealed.class), codec,
					singular.isVersion());
		}
		if ((kind == PersistentAttributeType.MANY_TO_ONE || kind == PersistentAttributeType.ONE_TO_ONE)
				&& attribute instanceof SingularAttribute<?, ?> singular) {
			return toOne(singular, member, persister, accessor, blank, names);
		}
		if ((kind == PersistentAttributeType.ONE_TO_MANY || kind == PersistentAttributeType.MANY_TO_MANY)
				&& attribute instanceof PluralAttribute<?, ?, ?> plural) {
			return toMany(plural, member, accessor, names);
		}
		if (kind == PersistentAttributeType.ELEMENT_COLLECTION && attribute instanceof PluralAttribute<?, ?, ?> plural
				&& plural.getCollectionType() != PluralAttribute.CollectionType.MAP
				&& plural.getElementType().getPersistenceType() == Type.PersistenceType.BASIC) {
			Class<?> elementType = FieldTypes.boxed(plural.getElementType().getJavaType());
			FieldCodec codec = FieldCodec.listOf(FieldCodec.of(FieldTypes.of(elementType, false), elementType));
			return new FieldSchema(snakeCase(plural.getName()), plural.getName(), FieldType.ALIAS, List.class, false,
					false, true, false, null, null, accessor, false, codec, false);
		}
		return null;
	}

	/**
	 * A many-to-one or the owning side of a one-to-one is a column holding the related
	 * key; the inverse side of a one-to-one is an alias holding it, named after the
	 * attribute.
	 */
	private @Nullable FieldSchema toOne(SingularAttribute<?, ?> singular, AnnotatedElement member,
			AbstractEntityPersister persister, MemberAccessor accessor, Object blank, Map<Class<?>, String> names) {
		Class<?> target = singular.getJavaType();
		if (!names.containsKey(target)) {
			return null;
		}
		Class<?> keyType = FieldTypes.boxed(keyType(target));
		OneToOne oneToOne = member.getAnnotation(OneToOne.class);
		Relation.Kind relationKind = (oneToOne != null) ? Relation.Kind.ONE_TO_ONE : Relation.Kind.MANY_TO_ONE;
		if (oneToOne != null && !oneToOne.mappedBy().isEmpty()) {
			String mappedBy = unquote(persister(target).getPropertyColumnNames(oneToOne.mappedBy())[0]);
			return new FieldSchema(snakeCase(singular.getName()), singular.getName(), FieldTypes.of(keyType, false),
					keyType, false, false, true, false, null, new Relation(relationKind, names.get(target), mappedBy),
					accessor, false);
		}
		JoinColumn join = member.getAnnotation(JoinColumn.class);
		boolean nullable = singular.isOptional() && (join == null || join.nullable());
		return new FieldSchema(unquote(persister.getPropertyColumnNames(singular.getName())[0]), singular.getName(),
				FieldTypes.of(keyType, false), keyType, false, false, nullable, accessor.get(blank) != null, null,
				new Relation(relationKind, names.get(target), null), accessor, false);
	}

	/**
	 * A one-to-many or many-to-many is an alias named after the attribute, whatever maps
	 * it (a back reference, a join column, a join table).
	 */
	private @Nullable FieldSchema toMany(PluralAttribute<?, ?, ?> plural, AnnotatedElement member,
			MemberAccessor accessor, Map<Class<?>, String> names) {
		Class<?> target = plural.getElementType().getJavaType();
		if (!names.containsKey(target)) {
			return null;
		}
		OneToMany oneToMany = member.getAnnotation(OneToMany.class);
		ManyToMany manyToMany = member.getAnnotation(ManyToMany.class);
		String declared = (oneToMany != null) ? oneToMany.mappedBy()
				: (manyToMany != null) ? manyToMany.mappedBy() : "";
		String mappedBy = null;
		if (!declared.isEmpty()) {
			// the owning field's API name: a column for a many-to-one, an alias otherwise
			mappedBy = (oneToMany != null) ? unquote(persister(target).getPropertyColumnNames(declared)[0])
					: snakeCase(declared);
		}
		Relation.Kind relationKind = (oneToMany != null) ? Relation.Kind.ONE_TO_MANY : Relation.Kind.MANY_TO_MANY;
		boolean orphanRemoval = oneToMany != null && oneToMany.orphanRemoval();
		return new FieldSchema(snakeCase(plural.getName()), plural.getName(), FieldType.ALIAS, List.class, false, false,
				true, false, null, new Relation(relationKind, names.get(target), mappedBy, orphanRemoval), accessor,
				false);
	}

	private Class<?> keyType(Class<?> entity) {
		EntityType<?> type = this.entityManagerFactory.getMetamodel().entity(entity);
		return type.getId(type.getIdType().getJavaType()).getJavaType();

	}

	/**
	 * The codec of a basic attribute, of an entity or of an embeddable alike: by its Java
	 * type, or, for an attribute stored through an {@code AttributeConverter}, by the
	 * column's type and through the converter, so that the API shows what the database
	 * holds; a {@code @Lob} is a large object.
	 */
	static FieldCodec codec(@Nullable AttributeMapping mapping, Class<?> javaType, AnnotatedElement member,
			@Nullable Column column) {
		FieldCodec codec = codec(mapping, javaType, isText(member, column));
		return member.isAnnotationPresent(Lob.class) ? codec.largeObject() : codec;
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private static FieldCodec codec(@Nullable AttributeMapping mapping, Class<?> javaType, boolean text) {
		// a value JSON carries as it is (a map or list too) keeps its own codec; only a
		// type JSON has no form for shows what the converter stores
		boolean jsonCarriesIt = FieldTypes.of(javaType, text) != FieldType.JSON || Map.class.isAssignableFrom(javaType)
				|| Collection.class.isAssignableFrom(javaType);
		if (!jsonCarriesIt && mapping instanceof BasicValuedMapping basic) {
			BasicValueConverter converter = basic.getJdbcMapping().getValueConverter();
			if (converter != null) {
				Class<?> columnType = FieldTypes.boxed(converter.getRelationalJavaType().getJavaTypeClass());
				FieldCodec column = FieldCodec.of(FieldTypes.of(columnType, text), columnType);
				return FieldCodec.converted(column, javaType, converter::toDomainValue, converter::toRelationalValue);
			}
		}
		return FieldCodec.of(FieldTypes.of(javaType, text), javaType);
	}

	private static boolean isText(AnnotatedElement member, @Nullable Column column) {
		return member.isAnnotationPresent(Lob.class)
				|| (column != null && column.columnDefinition().toLowerCase(Locale.ROOT).startsWith("text"));
	}

	private AbstractEntityPersister persister(Class<?> type) {
		return (AbstractEntityPersister) this.sessionFactory.getMappingMetamodel().getEntityDescriptor(type);
	}

	/**
	 * The metamodel's attributes are a set; the API lists fields in the order the class
	 * declares them.
	 */
	static List<Attribute<?, ?>> declarationOrder(ManagedType<?> entity) {
		List<String> order = new ArrayList<>();
		collectFieldNames(entity.getJavaType(), order);
		List<Attribute<?, ?>> attributes = new ArrayList<>(entity.getAttributes());
		attributes.sort(Comparator.comparingInt((Attribute<?, ?> attribute) -> {
			int index = order.indexOf(attribute.getName());
			return (index >= 0) ? index : Integer.MAX_VALUE;
		}).thenComparing(Attribute::getName));
		return attributes;
	}

	private static void collectFieldNames(Class<?> type, List<String> order) {
		if (type.getSuperclass() != null && type.getSuperclass() != Object.class) {
			collectFieldNames(type.getSuperclass(), order);
		}
		for (Field field : type.getDeclaredFields()) {
			order.add(field.getName());
		}
	}

	static Object newInstance(Class<?> type) {
		try {
			Constructor<?> constructor = type.getDeclaredConstructor();
			constructor.setAccessible(true);
			return constructor.newInstance();
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException(type.getName() + " needs a no-arg constructor", ex);
		}
	}

	static String unquote(String name) {
		String bare = name.replace("\"", "").replace("`", "");
		int dot = bare.lastIndexOf('.');
		return (dot >= 0) ? bare.substring(dot + 1) : bare;
	}

	static String snakeCase(String name) {
		return name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
	}

}
