package dev.tidings.rest;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One HTTP answer of Tidings, with the Directus envelope unpacked: {@code data},
 * {@code meta}, or the single entry of {@code errors}.
 *
 * @param status the HTTP status
 * @param contentType the {@code Content-Type} header, or null
 * @param body the body as text
 */
public record Reply(int status, String contentType, String body) {

	@SuppressWarnings("unchecked")
	public Map<String, Object> object() {
		assertThat(this.contentType).as("Content-Type of %s", this.body).startsWith("application/json");
		return (Map<String, Object>) ApiClient.parse(this.body);
	}

	/** The items of a list answer, asserting the status and the envelope. */
	@SuppressWarnings("unchecked")
	public List<Map<String, Object>> items() {
		assertThat(this.status).as(this.body).isEqualTo(200);
		Object data = object().get("data");
		assertThat(data).as(this.body).isInstanceOf(List.class);
		return (List<Map<String, Object>>) data;
	}

	/** The item of a single-item answer, asserting the status and the envelope. */
	@SuppressWarnings("unchecked")
	public Map<String, Object> item() {
		assertThat(this.status).as(this.body).isEqualTo(200);
		Object data = object().get("data");
		assertThat(data).as(this.body).isInstanceOf(Map.class);
		return (Map<String, Object>) data;
	}

	@SuppressWarnings("unchecked")
	public Map<String, Object> meta() {
		return (Map<String, Object>) object().get("meta");
	}

	/**
	 * The only error of an error answer, after checking the status, the envelope and that
	 * nothing internal (exception names, SQL) leaks to the client.
	 */
	@SuppressWarnings("unchecked")
	public Map<String, Object> error(int expectedStatus, String expectedCode) {
		assertThat(this.status).as(this.body).isEqualTo(expectedStatus);
		assertNothingInternal();
		Map<String, Object> envelope = object();
		assertThat(envelope).as(this.body).containsOnlyKeys("errors");
		List<Map<String, Object>> errors = (List<Map<String, Object>>) envelope.get("errors");
		assertThat(errors).as(this.body).hasSize(1);
		Map<String, Object> error = errors.get(0);
		assertThat(error).as(this.body).containsOnlyKeys("message", "extensions");
		assertThat(extensions(error)).as(this.body).containsEntry("code", expectedCode);
		return error;
	}

	/** The {@code extensions} of an error of this answer. */
	@SuppressWarnings("unchecked")
	public static Map<String, Object> extensions(Map<String, Object> error) {
		return (Map<String, Object>) error.get("extensions");
	}

	/** The {@code reason} of an answer's only error. */
	public String reason(int expectedStatus, String expectedCode) {
		return (String) extensions(error(expectedStatus, expectedCode)).get("reason");
	}

	void assertNothingInternal() {
		String lower = this.body.toLowerCase(Locale.ROOT);
		assertThat(lower).as(this.body)
			.doesNotContain("exception")
			.doesNotContain("sql")
			.doesNotContain("select ")
			.doesNotContain("insert ")
			.doesNotContain("\tat ")
			.doesNotContain("hibernate");
	}

}
