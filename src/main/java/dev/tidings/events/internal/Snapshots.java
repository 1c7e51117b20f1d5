package dev.tidings.events.internal;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.tidings.schema.CollectionSchema;
import dev.tidings.schema.FieldSchema;
import org.hibernate.bytecode.enhance.spi.LazyPropertyInitializer;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.persister.entity.EntityPersister;
import org.hibernate.proxy.HibernateProxy;
import org.hibernate.proxy.LazyInitializer;
import org.hibernate.type.ComponentType;
import org.hibernate.type.Type;
import org.jspecify.annotations.Nullable;

/**
 * Turns one of Hibernate's state arrays (the values it wrote, or the row it had loaded
 * before the change) into a snapshot keyed by API field name: one entry per column field,
 * the key included, each attribute of an embedded object as its own field, a many-to-one
 * or owning one-to-one as the related key (a lazy proxy is never initialised), mutable
 * values deep-copied so the host changing its entity later does not change what was
 * recorded. A concealed field (a password hash) is kept only as "has a value", so its
 * stored value never leaves the transaction.
 */
public final class Snapshots {

	/** What a concealed field with a value holds in a snapshot, as reads show it. */
	public static final String CONCEALED = "**********";

	/**
	 * By entity, then by collection: a subclass's rows are snapshot for each collection
	 * of its tree, with that collection's fields.
	 */
	private final Map<String, Map<String, Layout>> layouts = new ConcurrentHashMap<>();

	public Map<String, @Nullable Object> of(CollectionSchema collection, EntityPersister persister, Object key,
			@Nullable Object[] state) {
		Layout layout = this.layouts.computeIfAbsent(persister.getEntityName(), (entity) -> new ConcurrentHashMap<>())
			.computeIfAbsent(collection.name(), (name) -> Layout.of(collection, persister));
		SessionFactoryImplementor factory = persister.getFactory();
		Map<String, @Nullable Object> row = new LinkedHashMap<>();
		for (int i = 0; i < layout.fields().size(); i++) {
			FieldSchema field = layout.fields().get(i);
			int index = layout.indexes()[i];
			if (field.primaryKey()) {
				row.put(field.name(), key);
				continue;
			}
			if (index < 0) {
				continue;
			}
			Object value = state[index];
			if (value == LazyPropertyInitializer.UNFETCHED_PROPERTY) {
				// never loaded, so not known without a query: absent rather than wrong
				continue;
			}
			Type type = persister.getPropertyTypes()[index];
			// an embedded object is one property; a flattened field reads its attribute
			for (int position : layout.embedded()[i]) {
				ComponentType component = (ComponentType) type;
				value = (value != null) ? component.getPropertyValue(value, position) : null;
				type = component.getSubtypes()[position];
			}
			row.put(field.name(), value(field, type, value, factory));
		}
		return row;
	}

	private static @Nullable Object value(FieldSchema field, Type type, @Nullable Object value,
			SessionFactoryImplementor factory) {
		if (value == null) {
			return null;
		}
		if (field.concealed()) {
			return CONCEALED;
		}
		if (field.holdsRelatedKey()) {
			LazyInitializer proxy = HibernateProxy.extractLazyInitializer(value);
			return (proxy != null) ? proxy.getInternalIdentifier()
					: factory.getPersistenceUnitUtil().getIdentifier(value);
		}
		return type.deepCopy(value, factory);
	}

	/**
	 * Where each column field of a collection sits in its persister's state arrays (-1
	 * for the key, which is not in them) and, for a field of an embedded object, the
	 * positions of its attribute in the nested components; worked out once, not per
	 * change.
	 */
	private record Layout(List<FieldSchema> fields, int[] indexes, int[][] embedded) {

		static Layout of(CollectionSchema collection, EntityPersister persister) {
			List<FieldSchema> fields = collection.columns();
			List<String> names = Arrays.asList(persister.getPropertyNames());
			int[] indexes = new int[fields.size()];
			int[][] embedded = new int[fields.size()][];
			for (int i = 0; i < fields.size(); i++) {
				List<String> path = fields.get(i).attributePath();
				indexes[i] = names.indexOf(path.get(0));
				embedded[i] = new int[path.size() - 1];
				Type type = (indexes[i] >= 0) ? persister.getPropertyTypes()[indexes[i]] : null;
				for (int step = 1; step < path.size(); step++) {
					ComponentType component = (ComponentType) type;
					embedded[i][step - 1] = component.getPropertyIndex(path.get(step));
					type = component.getSubtypes()[embedded[i][step - 1]];
				}
			}
			return new Layout(fields, indexes, embedded);
		}

	}

}
