package dev.tidings.items.internal;

import java.io.Serializable;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.LinkedHashSet;
import java.util.Set;

import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.generator.Generator;
import org.jspecify.annotations.Nullable;

/**
 * A key generator that generates only when the entity has no key yet, and otherwise lets
 * Hibernate insert the key set on it ({@link Generator#allowAssignedIdentifiers()}).
 * Hibernate asks a generator per entity whether it generates before or on the insert;
 * answering no to both makes it take the entity's key, also for an identity column.
 * <p>
 * A proxy rather than a subclass or a plain wrapper, because Hibernate picks behaviour by
 * the interfaces a generator implements (on-execution, bulk insertion, optimizers): the
 * proxy implements all of the generator's and answers them as it would.
 */
final class KeptKeyGenerator implements InvocationHandler, Serializable {

	private static final long serialVersionUID = 1L;

	private final Generator generator;

	private KeptKeyGenerator(Generator generator) {
		this.generator = generator;
	}

	static Generator around(Generator generator) {
		Set<Class<?>> interfaces = new LinkedHashSet<>();
		for (Class<?> type = generator.getClass(); type != null; type = type.getSuperclass()) {
			collect(type, interfaces);
		}
		return (Generator) Proxy.newProxyInstance(generator.getClass().getClassLoader(),
				interfaces.toArray(Class<?>[]::new), new KeptKeyGenerator(generator));
	}

	private static void collect(Class<?> type, Set<Class<?>> interfaces) {
		for (Class<?> implemented : type.getInterfaces()) {
			if (interfaces.add(implemented)) {
				collect(implemented, interfaces);
			}
		}
	}

	@Override
	public @Nullable Object invoke(Object proxy, Method method, @Nullable Object[] args) throws Throwable {
		boolean perEntity = args != null && args.length == 2 && args[1] instanceof SharedSessionContractImplementor;
		switch (method.getName()) {
			case "allowAssignedIdentifiers":
				return true;
			case "generatedOnExecution":
				if (perEntity) {
					return this.generator.generatedOnExecution(args[0], (SharedSessionContractImplementor) args[1])
							&& !hasKey(args[0], (SharedSessionContractImplementor) args[1]);
				}
				break;
			case "generatedBeforeExecution":
				if (perEntity) {
					return this.generator.generatedBeforeExecution(args[0], (SharedSessionContractImplementor) args[1])
							&& !hasKey(args[0], (SharedSessionContractImplementor) args[1]);
				}
				break;
			case "equals":
				return proxy == args[0];
			case "hashCode":
				return System.identityHashCode(proxy);
			default:
				break;
		}
		try {
			return method.invoke(this.generator, args);
		}
		catch (InvocationTargetException ex) {
			throw ex.getCause();
		}
	}

	private static boolean hasKey(Object entity, SharedSessionContractImplementor session) {
		return session.getEntityPersister(null, entity).getIdentifier(entity, session) != null;
	}

}
