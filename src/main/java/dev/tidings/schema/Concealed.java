package dev.tidings.schema;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a write-only field, such as a password hash: reads return {@code "**********"}
 * when it has a value, and it cannot be used in a filter, a sort or a search, so its
 * stored value can never be probed.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface Concealed {

}
