/**
 * Host applications that manage their own schema, each way Spring Boot offers:
 * Hibernate's default {@code ddl-auto} for an embedded database, Flyway, Liquibase.
 * Tidings must leave each as it is.
 */
@NullMarked
package dev.tidings.host.schema;

import org.jspecify.annotations.NullMarked;
