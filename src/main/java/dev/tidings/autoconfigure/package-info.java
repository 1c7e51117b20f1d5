/**
 * Wiring only: the auto-configurations listed in {@code AutoConfiguration.imports}, their
 * conditions and the {@code tidings.*} property records. Uses other modules through their
 * public API, never their {@code internal} packages, and backs off from beans a host
 * defines itself.
 */
@NullMarked
package dev.tidings.autoconfigure;

import org.jspecify.annotations.NullMarked;
