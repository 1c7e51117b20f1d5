/**
 * The Directus query language: {@link dev.tidings.query.Query}, the parsed
 * {@link dev.tidings.query.Filter} tree and its parsers (URL and JSON forms), the binding
 * of it to a collection as a {@link dev.tidings.query.BoundFilter} (resolved paths,
 * values of each field's type, dynamic variables substituted), and the in-memory
 * evaluator that realtime pushes rely on. Pure Java: no JPA, Spring or Jackson here, so
 * the evaluator can run anywhere.
 */
@NullMarked
package dev.tidings.query;

import org.jspecify.annotations.NullMarked;
