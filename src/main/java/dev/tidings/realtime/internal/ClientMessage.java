package dev.tidings.realtime.internal;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import org.jspecify.annotations.Nullable;

/**
 * What a client may send on the socket (docs/protocol.md, "Client → server"), told apart
 * by {@code type}. Fields are nullable as they arrive; each handler checks the ones it
 * needs. Extra keys are ignored, as Directus's schema lets them through.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({ @JsonSubTypes.Type(value = ClientMessage.Auth.class, name = "auth"),
		@JsonSubTypes.Type(value = ClientMessage.Subscribe.class, name = "subscribe"),
		@JsonSubTypes.Type(value = ClientMessage.Unsubscribe.class, name = "unsubscribe"),
		@JsonSubTypes.Type(value = ClientMessage.Items.class, name = "items"),
		@JsonSubTypes.Type(value = ClientMessage.Ping.class, name = "ping"),
		@JsonSubTypes.Type(value = ClientMessage.Pong.class, name = "pong") })
public sealed interface ClientMessage {

	/** The types the codec knows; any other type is ignored, as Directus does. */
	List<String> TYPES = List.of("auth", "subscribe", "unsubscribe", "items", "ping", "pong");

	/** The client's id for this request: a string or a number, echoed in replies. */
	@Nullable Object uid();

	/** The {@code type} of the message, which replies and errors reuse. */
	String type();

	/**
	 * {@code auth}: exactly one of a token, a refresh token or an e-mail and password (an
	 * access token wins when several are given, as in Directus).
	 */
	record Auth(@Nullable Object uid, @JsonProperty("access_token") @Nullable String accessToken,
			@JsonProperty("refresh_token") @Nullable String refreshToken, @Nullable String email,
			@Nullable String password) implements ClientMessage {

		@Override
		public String type() {
			return "auth";
		}

		@Override
		public String toString() {
			return "Auth[uid=" + this.uid + "]";
		}

	}

	/**
	 * {@code subscribe} to a collection or one item, optionally to one event only, and
	 * optionally resuming after a cursor ({@code since}).
	 */
	record Subscribe(@Nullable Object uid, @Nullable String collection, @Nullable String event, @Nullable Object item,
			@Nullable Object query, @Nullable Object since) implements ClientMessage {

		@Override
		public String type() {
			return "subscribe";
		}

	}

	/** {@code unsubscribe} one subscription by uid, or all of them without one. */
	record Unsubscribe(@Nullable Object uid) implements ClientMessage {

		@Override
		public String type() {
			return "unsubscribe";
		}

	}

	/** {@code items}: create, read, update or delete through the items service. */
	record Items(@Nullable Object uid, @Nullable String collection, @Nullable String action, @Nullable Object data,
			@Nullable Object id, @Nullable List<Object> ids, @Nullable Object query) implements ClientMessage {

		@Override
		public String type() {
			return "items";
		}

	}

	/** A client's {@code ping}, answered with {@code pong}. */
	record Ping(@Nullable Object uid) implements ClientMessage {

		@Override
		public String type() {
			return "ping";
		}

	}

	/** A client's answer to the server's heartbeat ping. */
	record Pong(@Nullable Object uid) implements ClientMessage {

		@Override
		public String type() {
			return "pong";
		}

	}

}
