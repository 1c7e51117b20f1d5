package dev.tidings.schema;

import java.lang.invoke.MethodType;

import org.jspecify.annotations.Nullable;

/**
 * One field of a collection, named as the API exposes it (the column's snake_case name).
 *
 * @param name the API name
 * @param attribute the JPA attribute name
 * @param type the Directus type; for a many-to-one, the type of the related key
 * @param javaType the attribute's Java type (for a many-to-one, the related key's Java
 * type; for a one-to-many, {@code java.util.List})
 * @param primaryKey whether this is the collection's key
 * @param generated whether the database generates the value (an identity key)
 * @param nullable whether the column accepts null
 * @param hasDefault whether a new entity has a non-null value for it before any write
 * @param maxLength the column length for text, when bounded
 * @param relation the relation, for many-to-one and one-to-many fields
 * @param accessor reads and writes the attribute on an entity
 * @param concealed whether the field is write-only ({@link Concealed})
 * @param codec converts the field's values between JSON and Java
 * @param version whether this is the entity's {@code @Version}: written only by the JPA
 * provider, and compared, not written, when a payload carries it
 */
public record FieldSchema(String name, String attribute, FieldType type, Class<?> javaType, boolean primaryKey,
		boolean generated, boolean nullable, boolean hasDefault, @Nullable Integer maxLength,
		@Nullable Relation relation, FieldAccessor accessor, boolean concealed, FieldCodec codec, boolean version) {

	public FieldSchema {
		javaType = MethodType.methodType(javaType).wrap().returnType();
	}

	/** A field whose values are its Java type's, converted by {@link FieldCodec#of}. */
	public FieldSchema(String name, String attribute, FieldType type, Class<?> javaType, boolean primaryKey,
			boolean generated, boolean nullable, boolean hasDefault, @Nullable Integer maxLength,
			@Nullable Relation relation, FieldAccessor accessor, boolean concealed) {
		this(name, attribute, type, javaType, primaryKey, generated, nullable, hasDefault, maxLength, relation,
				accessor, concealed, FieldCodec.of(type, MethodType.methodType(javaType).wrap().returnType()), false);
	}

	public boolean isManyToOne() {
		return this.relation != null && this.relation.isManyToOne();
	}

	public boolean isOneToMany() {
		return this.relation != null && this.relation.isOneToMany();
	}

	/**
	 * Whether the field is a column of its own row (everything but one-to-many aliases).
	 */
	public boolean isColumn() {
		return !isOneToMany();
	}

}
