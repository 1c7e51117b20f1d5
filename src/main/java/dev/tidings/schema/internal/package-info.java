/**
 * Reading collections out of the JPA metamodel. The only place of the schema module that
 * knows Hibernate: column names and table names are taken from the provider so that the
 * API names match the database whatever naming strategy the host configured.
 */
@NullMarked
package dev.tidings.schema.internal;

import org.jspecify.annotations.NullMarked;
