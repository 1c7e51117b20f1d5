/**
 * The Directus query language: {@link dev.tidings.query.Query}, the sealed
 * {@link dev.tidings.query.Filter} AST, its parsers (URL and JSON forms), the binding of
 * values to field types and dynamic variables, and the in-memory evaluator that realtime
 * pushes rely on. Pure Java: no JPA, Spring or Jackson here, so the evaluator can run
 * anywhere.
 */
@NullMarked
package dev.tidings.query;

import org.jspecify.annotations.NullMarked;
