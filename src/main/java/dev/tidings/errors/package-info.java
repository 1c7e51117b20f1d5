/**
 * The Directus error vocabulary: {@link dev.tidings.errors.ErrorCode} with its HTTP
 * status and {@link dev.tidings.errors.TidingsException}, the one exception every module
 * throws for a failure a client should see. Depends on nothing; knows nothing about HTTP
 * or WebSockets beyond the status.
 */
@NullMarked
package dev.tidings.errors;

import org.jspecify.annotations.NullMarked;
