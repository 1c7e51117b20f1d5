package dev.tidings.schema;

import java.lang.invoke.MethodType;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One field of a collection, named as the API exposes it (the column's snake_case name).
 *
 * @param name the API name
 * @param attribute the JPA attribute name; for an attribute of an embedded object, its
 * path from the entity ({@code address.street})
 * @param type the Directus type; for a to-one relation, the type of the related key
 * @param javaType the attribute's Java type (for a to-one relation, the related key's
 * Java type; for a to-many relation, {@code java.util.List})
 * @param primaryKey whether this is the collection's key
 * @param generated whether the database generates the value (an identity key)
 * @param nullable whether the column accepts null
 * @param hasDefault whether a new entity has a non-null value for it before any write
 * @param maxLength the column length for text, when bounded
 * @param relation the relation, for relational fields
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

	/** The attribute names leading from the entity to the field's value. */
	public List<String> attributePath() {
		return List.of(this.attribute.split("\\."));
	}

	/**
	 * Whether the column of this field holds the key of a related item: a many-to-one or
	 * the owning side of a one-to-one.
	 */
	public boolean holdsRelatedKey() {
		return this.relation != null && this.relation.holdsKey();
	}

	/** Whether the field leads to at most one related item. */
	public boolean isToOne() {
		return this.relation != null && !this.relation.toMany();
	}

	/** Whether the field lists related items: a one-to-many or a many-to-many. */
	public boolean isToMany() {
		return this.relation != null && this.relation.toMany();
	}

	/**
	 * Whether the field is a one-to-many whose children hold the foreign key: a new row
	 * can have none of them that its own transaction did not write.
	 */
	public boolean listsChildrenByForeignKey() {
		return this.relation != null && this.relation.kind() == Relation.Kind.ONE_TO_MANY
				&& this.relation.mappedBy() != null;
	}

	/**
	 * Whether the field is a column of its own row; the others are aliases (to-many
	 * relations, the inverse side of a one-to-one, element collections).
	 */
	public boolean isColumn() {
		return (this.relation != null) ? this.relation.holdsKey() : this.type != FieldType.ALIAS;
	}

	/**
	 * Whether the field lists basic values kept in a table of their own (an element
	 * collection): read and written whole, never filtered or sorted.
	 */
	public boolean isValueList() {
		return this.relation == null && this.type == FieldType.ALIAS;
	}

}
