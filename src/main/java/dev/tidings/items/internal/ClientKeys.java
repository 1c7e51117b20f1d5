package dev.tidings.items.internal;

import java.util.LinkedHashSet;
import java.util.Set;

import dev.tidings.schema.ContentCollection;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.spi.BootstrapContext;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.integrator.spi.Integrator;
import org.hibernate.mapping.Component;
import org.hibernate.mapping.GeneratorCreator;
import org.hibernate.mapping.PersistentClass;
import org.hibernate.mapping.Property;
import org.hibernate.mapping.RootClass;
import org.hibernate.mapping.SimpleValue;

/**
 * Lets a client give the key of an item it creates in a collection whose key is
 * generated, as Directus does: the generator of every content collection's entity
 * hierarchy keeps a key already set on the entity ({@link KeptKeyGenerator}) and
 * generates one only when none is. Host entities outside content collections keep their
 * generators untouched. Loaded by Hibernate as a Java service, before it creates the
 * generators of a session factory.
 */
public final class ClientKeys implements Integrator {

	@Override
	public void integrate(Metadata metadata, BootstrapContext bootstrapContext,
			SessionFactoryImplementor sessionFactory) {
		Set<RootClass> roots = new LinkedHashSet<>();
		for (PersistentClass entity : metadata.getEntityBindings()) {
			Class<?> type = entity.getMappedClass();
			if (type != null && type.isAnnotationPresent(ContentCollection.class)) {
				roots.add(entity.getRootClass());
			}
		}
		roots.forEach(ClientKeys::keepGivenKeys);
	}

	/**
	 * A primitive key can't say that none was given (0 is a key too); assigned and
	 * composite keys are left as Hibernate has them.
	 */
	private static void keepGivenKeys(RootClass root) {
		Property id = root.getIdentifierProperty();
		if (!(root.getIdentifier() instanceof SimpleValue key) || key instanceof Component || id == null
				|| id.getGetter(root.getMappedClass()).getReturnTypeClass().isPrimitive()) {
			return;
		}
		GeneratorCreator generated = key.getCustomIdGeneratorCreator();
		if (generated == null || generated.isAssigned()) {
			return;
		}
		key.setCustomIdGeneratorCreator((context) -> KeptKeyGenerator.around(generated.createGenerator(context)));
	}

}
