package dev.tidings.files;

import java.time.Duration;

/**
 * Whether and where files may be imported from a URL.
 *
 * @param enabled whether {@code POST /files/import} fetches at all
 * @param allowPrivateAddresses whether it may fetch from loopback, private and link-local
 * addresses, which only the server can reach
 * @param timeout how long connecting and each read may take
 */
public record ImportRules(boolean enabled, boolean allowPrivateAddresses, Duration timeout) {

	public static ImportRules disabled() {
		return new ImportRules(false, false, Duration.ofSeconds(30));
	}

}
