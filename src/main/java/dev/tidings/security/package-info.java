/**
 * Who is asking and what they may do: users, roles, policies, access and permissions as
 * Directus 11 models them, password hashing, sessions and JWT issue and verification,
 * {@code Accountability} and the {@code AccessPolicy} that turns it into a {@code Grant}.
 * The only module that touches jjwt; it knows nothing about HTTP routes or WebSockets.
 */
@NullMarked
package dev.tidings.security;

import org.jspecify.annotations.NullMarked;
