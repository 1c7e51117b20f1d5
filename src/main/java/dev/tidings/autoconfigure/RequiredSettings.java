package dev.tidings.autoconfigure;

import java.util.ArrayList;
import java.util.List;

import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * What a host must set because Tidings cannot choose it for them, checked once at
 * start-up so that everything missing is named together rather than one failure at a
 * time. Tidings issues tokens as soon as its REST routes or its WebSocket are on, and a
 * token key it made up would not survive a restart nor be shared between instances; the
 * cluster signs its entries with the same key.
 */
final class RequiredSettings {

	private RequiredSettings() {
	}

	/**
	 * @throws MissingSettingsException naming every setting that is missing
	 */
	static void check(Environment environment, TidingsAuthProperties auth, TidingsAdminProperties admin) {
		List<String> missing = new ArrayList<>();
		boolean issuesTokens = environment.getProperty("tidings.rest.enabled", Boolean.class, true)
				|| environment.getProperty("tidings.websockets.enabled", Boolean.class, false);
		boolean clustered = TidingsClusterProperties.redisConfigured(environment);
		if (clustered && !StringUtils.hasText(auth.secret())) {
			// a key made up by each instance would make each refuse the others' entries
			missing.add("tidings.auth.secret (SECRET): several instances through Redis need it, the same on "
					+ "every instance: it signs the entries they exchange");
		}
		else if (issuesTokens && !StringUtils.hasText(auth.secret()) && !auth.allowRandomSecret()) {
			missing.add("tidings.auth.secret: the key that signs access tokens, at least 32 bytes "
					+ "(or tidings.auth.allow-random-secret=true for a key made up at each start)");
		}
		if (!StringUtils.hasText(admin.email())
				&& (StringUtils.hasText(admin.password()) || StringUtils.hasText(admin.token()))) {
			missing
				.add("tidings.admin.email: the e-mail of the first administrator, " + "whose password or token is set");
		}
		if (!missing.isEmpty()) {
			throw new MissingSettingsException(missing);
		}
	}

	/** Tidings cannot start: settings are missing. */
	static final class MissingSettingsException extends IllegalStateException {

		private final List<String> missing;

		MissingSettingsException(List<String> missing) {
			super("Tidings needs these settings: " + String.join("; ", missing));
			this.missing = List.copyOf(missing);
		}

		List<String> missing() {
			return this.missing;
		}

	}

}
