package dev.tidings.query;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

import dev.tidings.errors.ErrorCode;
import dev.tidings.errors.TidingsException;

import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** Assertions on the client errors the query module throws. */
final class Failures {

	private Failures() {
	}

	/** A 400 INVALID_QUERY with exactly this reason. */
	static void assertInvalidQuery(ThrowingCallable call, String reason) {
		assertThatExceptionOfType(TidingsException.class).isThrownBy(call).satisfies((ex) -> {
			org.assertj.core.api.Assertions.assertThat(ex.code()).isEqualTo(ErrorCode.INVALID_QUERY);
			org.assertj.core.api.Assertions.assertThat(ex.errors().get(0).extensions()).containsEntry("reason", reason);
		});
	}

	/** A 400 INVALID_QUERY whose reason contains the text. */
	static void assertInvalidQueryMentioning(ThrowingCallable call, String text) {
		assertThatExceptionOfType(TidingsException.class).isThrownBy(call).satisfies((ex) -> {
			org.assertj.core.api.Assertions.assertThat(ex.code()).isEqualTo(ErrorCode.INVALID_QUERY);
			org.assertj.core.api.Assertions.assertThat((String) ex.errors().get(0).extensions().get("reason"))
				.contains(text);
		});
	}

	/** The 403 Directus gives for an unknown field. */
	static void assertForbiddenField(ThrowingCallable call, String field, String collection) {
		assertThatExceptionOfType(TidingsException.class).isThrownBy(call).satisfies((ex) -> {
			org.assertj.core.api.Assertions.assertThat(ex.code()).isEqualTo(ErrorCode.FORBIDDEN);
			org.assertj.core.api.Assertions.assertThat(ex.httpStatus()).isEqualTo(403);
			org.assertj.core.api.Assertions.assertThat(ex.getMessage())
				.isEqualTo(TidingsException.forbiddenField(field, collection).getMessage());
		});
	}

}
