package dev.tidings.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns missing settings into Boot's start-up report: one list, and what to do. */
final class MissingSettingsFailureAnalyzer extends AbstractFailureAnalyzer<RequiredSettings.MissingSettingsException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, RequiredSettings.MissingSettingsException cause) {
		StringBuilder description = new StringBuilder("Tidings cannot start without these settings:\n");
		cause.missing().forEach((setting) -> description.append("\n    - ").append(setting));
		return new FailureAnalysis(description.toString(),
				"Set them in application.properties (or as environment variables, e.g. TIDINGS_AUTH_SECRET). "
						+ "The README's \"Settings a host needs\" lists what each one does.",
				cause);
	}

}
