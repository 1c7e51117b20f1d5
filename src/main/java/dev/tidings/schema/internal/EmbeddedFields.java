package dev.tidings.schema.internal;

import java.lang.reflect.AnnotatedElement;
import java.util.ArrayList;
import java.util.List;

import dev.tidings.schema.Concealed;
import dev.tidings.schema.FieldAccessor;
import dev.tidings.schema.FieldCodec;
import dev.tidings.schema.FieldSchema;
import dev.tidings.schema.FieldType;
import jakarta.persistence.Column;
import jakarta.persistence.metamodel.Attribute;
import jakarta.persistence.metamodel.Attribute.PersistentAttributeType;
import jakarta.persistence.metamodel.ManagedType;
import jakarta.persistence.metamodel.SingularAttribute;
import org.hibernate.metamodel.mapping.AttributeMapping;
import org.hibernate.metamodel.mapping.EmbeddableValuedModelPart;
import org.hibernate.metamodel.mapping.SelectableMapping;
import org.hibernate.persister.entity.AbstractEntityPersister;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Flattens an {@code @Embedded} attribute: each basic attribute of the embeddable (of a
 * nested one too) is a field of the owning collection, named by its column as Hibernate
 * maps it ({@code @AttributeOverride} included), whose attribute is the dotted path
 * ({@code address.street}).
 */
final class EmbeddedFields {

	private static final Logger logger = LoggerFactory.getLogger(EmbeddedFields.class);

	List<FieldSchema> fields(Attribute<?, ?> attribute, AbstractEntityPersister persister) {
		List<FieldSchema> fields = new ArrayList<>();
		AttributeMapping mapping = persister.findAttributeMapping(attribute.getName());
		if (!(mapping instanceof EmbeddableValuedModelPart part)) {
			return fields;
		}
		collect(attribute, attribute.getName(), new MemberAccessor(attribute.getJavaMember()), part, true, fields,
				persister);
		return fields;
	}

	private void collect(Attribute<?, ?> embedded, String path, FieldAccessor accessor, EmbeddableValuedModelPart part,
			boolean optional, List<FieldSchema> fields, AbstractEntityPersister persister) {
		ManagedType<?> type = (ManagedType<?>) ((SingularAttribute<?, ?>) embedded).getType();
		Class<?> embeddable = type.getJavaType();
		boolean nestedOptional = optional && ((SingularAttribute<?, ?>) embedded).isOptional();
		for (Attribute<?, ?> attribute : MetamodelReader.declarationOrder(type)) {
			String name = path + "." + attribute.getName();
			AttributeMapping mapping = part.getEmbeddableTypeDescriptor().findAttributeMapping(attribute.getName());
			FieldAccessor inner = new ComponentAccessor(accessor, embeddable,
					new MemberAccessor(attribute.getJavaMember()));
			PersistentAttributeType kind = attribute.getPersistentAttributeType();
			if (kind == PersistentAttributeType.EMBEDDED && mapping instanceof EmbeddableValuedModelPart nested) {
				collect(attribute, name, inner, nested, nestedOptional, fields, persister);
			}
			else if (kind == PersistentAttributeType.BASIC && mapping instanceof SelectableMapping column
					&& attribute instanceof SingularAttribute<?, ?> singular) {
				fields.add(basic(singular, name, column, mapping, inner, nestedOptional));
			}
			else {
				logger.warn(
						"Tidings does not support attribute \"{}\" of entity {} ({}): its collection has no field for it",
						name, persister.getEntityName(), kind);
			}
		}
	}

	private static FieldSchema basic(SingularAttribute<?, ?> singular, String path, SelectableMapping column,
			AttributeMapping mapping, FieldAccessor accessor, boolean optional) {
		AnnotatedElement member = (AnnotatedElement) singular.getJavaMember();
		Column annotation = member.getAnnotation(Column.class);
		Class<?> javaType = FieldTypes.boxed(singular.getJavaType());
		FieldCodec codec = MetamodelReader.codec(mapping, javaType, member, annotation);
		FieldType type = codec.type();
		// a missing embedded object reads as nulls, so every flattened field may be null
		boolean nullable = optional || column.isNullable();
		Integer maxLength = (type == FieldType.STRING && codec.choices().isEmpty()) ? ((javaType == Character.class)
				? Integer.valueOf(1) : Integer.valueOf((annotation != null) ? annotation.length() : 255)) : null;
		return new FieldSchema(MetamodelReader.unquote(column.getSelectionExpression()), path, type, javaType, false,
				false, nullable, false, maxLength, null, accessor, member.isAnnotationPresent(Concealed.class), codec,
				false);
	}

	/**
	 * An attribute of an embedded object: reads null while the object is absent, and
	 * creates the object when a value is written to it.
	 */
	private record ComponentAccessor(FieldAccessor owner, Class<?> embeddable,
			FieldAccessor attribute) implements FieldAccessor {

		@Override
		public @Nullable Object get(Object entity) {
			Object component = this.owner.get(entity);
			return (component != null) ? this.attribute.get(component) : null;
		}

		@Override
		public void set(Object entity, @Nullable Object value) {
			Object component = this.owner.get(entity);
			if (component == null) {
				if (value == null) {
					return;
				}
				component = MetamodelReader.newInstance(this.embeddable);
				this.owner.set(entity, component);
			}
			this.attribute.set(component, value);
		}

	}

}
