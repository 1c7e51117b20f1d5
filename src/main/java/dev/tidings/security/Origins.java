package dev.tidings.security;

import java.net.URI;

import org.jspecify.annotations.Nullable;

/**
 * Where a browser request comes from, as both transports judge it before trusting the
 * browser's own credentials (cookies).
 */
public final class Origins {

	private Origins() {
	}

	/**
	 * Whether the {@code Origin} a browser sent names the host the request was sent to
	 * (its {@code Host} header): the page is the server's own. A malformed origin is not.
	 */
	public static boolean isSameHost(String origin, @Nullable String host) {
		try {
			String authority = URI.create(origin).getRawAuthority();
			return host != null && authority != null && authority.equalsIgnoreCase(host);
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

}
