package dev.tidings.items.internal;

import dev.tidings.schema.CollectionSchema;
import jakarta.persistence.EntityManager;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.persister.entity.AbstractEntityPersister;
import org.hibernate.persister.entity.EntityPersister;

/**
 * After a create that gave its own key to an identity column on PostgreSQL, moves the
 * column's sequence past the largest key, as Directus resets a serial column, so that the
 * next generated key does not collide with the given one. Never backwards: a sequence
 * another transaction already advanced further stays where it is. A sequence Hibernate
 * draws from in blocks (a {@code SEQUENCE} generator) is not touched; an instance may
 * hold keys of it already.
 */
final class IdentityCatchUp {

	private static final String SQL = """
			SELECT setval(s.name, GREATEST((SELECT MAX(%s) FROM %s), COALESCE(pg_sequence_last_value(s.name::regclass), 1)))
			FROM (SELECT pg_get_serial_sequence(?1, ?2) AS name) s WHERE s.name IS NOT NULL""";

	private IdentityCatchUp() {
	}

	static void after(EntityManager entityManager, CollectionSchema collection) {
		SessionFactoryImplementor factory = entityManager.getEntityManagerFactory()
			.unwrap(SessionFactoryImplementor.class);
		EntityPersister persister = factory.getMappingMetamodel().getEntityDescriptor(collection.entityType());
		if (!Dialects.isPostgres(factory) || !persister.getGenerator().generatedOnExecution()
				|| !(persister instanceof AbstractEntityPersister mapped)) {
			return;
		}
		String table = mapped.getTableName();
		String column = mapped.getIdentifierColumnNames()[0];
		// names from the mapping, never from the request
		entityManager.createNativeQuery(SQL.formatted(column, table))
			.setParameter(1, table)
			.setParameter(2, column.replace("\"", ""))
			.getResultList();
	}

}
