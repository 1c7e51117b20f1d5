/**
 * Comments on items ({@code directus_comments}), so that a collaborative app can discuss
 * an article next to it. Rows are written through {@code items}, so the caller's
 * permissions on comments apply; a comment may only be left on an item its author can
 * read. No HTTP here.
 */
@NullMarked
package dev.tidings.comments;

import org.jspecify.annotations.NullMarked;
