package dev.tidings.schema;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a JPA entity as a content collection served under {@code /items/{name}} and
 * pushed over the WebSocket.
 */
@Documented
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface ContentCollection {

	/** The collection name; defaults to the entity's table name. */
	String value() default "";

	/**
	 * Whether the collection holds one item, as a Directus singleton:
	 * {@code /items/{name}} reads and upserts that item as an object instead of a list.
	 */
	boolean singleton() default false;

}
