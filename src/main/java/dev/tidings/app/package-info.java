/**
 * The standalone application and its demo content model. It boots through our
 * auto-configuration like any host and uses only public API; nothing registers these
 * classes when Tidings is embedded, so they stay inert in the library jar.
 */
@NullMarked
package dev.tidings.app;

import org.jspecify.annotations.NullMarked;
