package dev.tidings.schema.internal;

import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Member;
import java.lang.reflect.Method;

import dev.tidings.schema.FieldAccessor;
import org.jspecify.annotations.Nullable;

/**
 * Reads and writes an attribute through the member JPA maps it with: the field for field
 * access, the getter and its setter for property access.
 */
final class MemberAccessor implements FieldAccessor {

	private final @Nullable Field field;

	private final @Nullable Method getter;

	private final @Nullable Method setter;

	MemberAccessor(Member member) {
		if (member instanceof Field javaField) {
			javaField.setAccessible(true);
			this.field = javaField;
			this.getter = null;
			this.setter = null;
		}
		else if (member instanceof Method method) {
			method.setAccessible(true);
			this.field = null;
			this.getter = method;
			this.setter = findSetter(method);
		}
		else {
			throw new IllegalArgumentException("Unsupported JPA member " + member);
		}
	}

	@Override
	public @Nullable Object get(Object entity) {
		try {
			return (this.field != null) ? this.field.get(entity) : this.getter.invoke(entity);
		}
		catch (IllegalAccessException | InvocationTargetException ex) {
			throw new IllegalStateException("Cannot read " + describe(), ex);
		}
	}

	@Override
	public void set(Object entity, @Nullable Object value) {
		try {
			if (this.field != null) {
				this.field.set(entity, value);
			}
			else if (this.setter != null) {
				this.setter.invoke(entity, value);
			}
			else {
				throw new IllegalStateException("No setter for " + describe());
			}
		}
		catch (IllegalAccessException | InvocationTargetException ex) {
			throw new IllegalStateException("Cannot write " + describe(), ex);
		}
	}

	private String describe() {
		return (this.field != null) ? this.field.toString() : String.valueOf(this.getter);
	}

	private static @Nullable Method findSetter(Method getter) {
		String name = getter.getName().replaceFirst("^(get|is)", "set");
		for (Class<?> type = getter.getDeclaringClass(); type != null; type = type.getSuperclass()) {
			try {
				Method setter = type.getDeclaredMethod(name, getter.getReturnType());
				setter.setAccessible(true);
				return setter;
			}
			catch (NoSuchMethodException ex) {
				// look in the superclass
			}
		}
		return null;
	}

}
