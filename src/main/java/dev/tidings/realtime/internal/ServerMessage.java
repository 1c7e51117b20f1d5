package dev.tidings.realtime.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.jspecify.annotations.Nullable;

/**
 * What the server sends (docs/protocol.md, "Server → client"). Each record writes its
 * {@code type} explicitly; keys that are null are left out, never sent as {@code null},
 * and only {@code auth ok} and errors carry a {@code status}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({ "type", "status", "event", "data", "meta", "error", "refresh_token", "uid" })
public sealed interface ServerMessage {

	@JsonProperty("type")
	String type();

	/** {@code {"type":"auth","status":"ok"}}, with a new refresh token after a login. */
	record AuthOk(@Nullable Object uid,
			@JsonProperty("refresh_token") @Nullable String refreshToken) implements ServerMessage {

		@Override
		public String type() {
			return "auth";
		}

		@JsonProperty("status")
		public String status() {
			return "ok";
		}

	}

	/**
	 * {@code {"type":…,"status":"error","error":{"code","message"}}}: the type is the
	 * request's ({@code auth}, {@code subscribe}, {@code items}) or {@code server}.
	 */
	record ErrorReply(@JsonProperty("type") String type, @Nullable Object uid, Body error) implements ServerMessage {

		public ErrorReply(String type, @Nullable Object uid, String code, String message) {
			this(type, uid, new Body(code, message));
		}

		@JsonProperty("status")
		public String status() {
			return "error";
		}

		/** Only the code and the message: Directus sends no extensions here. */
		@JsonPropertyOrder({ "code", "message" })
		public record Body(String code, String message) {
		}

	}

	/**
	 * {@code {"type":"subscription","event":…}}: {@code init}, a change, or the
	 * acknowledgement of {@code unsubscribe}. Pushes and {@code init} carry the uid as a
	 * string; the acknowledgement echoes it as sent. With a change log, {@code init}
	 * carries the cursor it is current as of and, answering a {@code since}, whether the
	 * subscription {@code resumed} (no data: the missed changes follow) or starts afresh.
	 */
	record Subscription(String event, @Nullable Object data, @Nullable Object meta, @Nullable Object uid,
			@Nullable String cursor, @Nullable Boolean resumed) implements ServerMessage {

		/** A message without a cursor: an acknowledgement, or no change log. */
		Subscription(String event, @Nullable Object data, @Nullable Object meta, @Nullable Object uid) {
			this(event, data, meta, uid, null, null);
		}

		@Override
		public String type() {
			return "subscription";
		}

	}

	/** The answer to an {@code items} request. */
	record Items(@Nullable Object data, @Nullable Object meta, @Nullable Object uid) implements ServerMessage {

		@Override
		public String type() {
			return "items";
		}

	}

	/** The server's heartbeat {@code ping}, or the answer to a client's. */
	record Ping() implements ServerMessage {

		@Override
		public String type() {
			return "ping";
		}

	}

	/** The answer to a client's {@code ping}. */
	record Pong(@Nullable Object uid) implements ServerMessage {

		@Override
		public String type() {
			return "pong";
		}

	}

}
