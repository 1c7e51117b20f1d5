/**
 * How items are read and written with JPA: the Criteria translation of bound filters, the
 * field projection, aggregates, payload conversion and the translation of database
 * errors. Private to the items module; other modules go through
 * {@link dev.tidings.items.ItemsService}.
 */
@NullMarked
package dev.tidings.items.internal;

import org.jspecify.annotations.NullMarked;
