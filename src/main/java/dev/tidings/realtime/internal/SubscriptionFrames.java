package dev.tidings.realtime.internal;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import dev.tidings.events.Cursor;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * Serialises pushes as {@code subscription} frames, once per group: the body up to the
 * uid is written once, and each distinct uid appends its own ending once, so every
 * session with that uid (the SDK numbers them {@code "1"}, {@code "2"}…) gets the same
 * string. Uses its own mapper, so a host's Jackson settings never change the wire.
 */
final class SubscriptionFrames {

	private final JsonMapper json = JsonMapper.builder().build();

	/**
	 * A frame for the push to a subscription on the collection; {@code meta} only when
	 * the subscription asked for it.
	 * <p>
	 * Besides Directus's {@code data}, a push says what changed: {@code collection},
	 * {@code keys} (of the items this group may see, in the data's order) and, for one
	 * item, {@code key}, so a client can act on a delete or a batch without reading the
	 * data's shape. With a change log, {@code cursor} tells the place of the push's last
	 * change, for a later {@code subscribe} with {@code since}. The SDK passes unknown
	 * keys through untouched.
	 */
	Frame frame(String collection, Push push, boolean item, @Nullable Map<String, Long> meta, Instant committedAt,
			@Nullable Cursor cursor) {
		Object data = item ? push.data().get(0) : push.data();
		StringBuilder body = new StringBuilder(128).append("{\"type\":\"subscription\",\"event\":\"")
			.append(push.event().token())
			.append("\",\"data\":")
			.append(this.json.writeValueAsString(data))
			.append(",\"collection\":")
			.append(this.json.writeValueAsString(collection))
			.append(",\"keys\":")
			.append(this.json.writeValueAsString(push.keys()));
		if (push.keys().size() == 1) {
			body.append(",\"key\":").append(this.json.writeValueAsString(push.keys().get(0)));
		}
		if (meta != null) {
			body.append(",\"meta\":").append(this.json.writeValueAsString(meta));
		}
		if (cursor != null) {
			body.append(",\"cursor\":\"").append(cursor).append('"');
		}
		return new Frame(body.toString(), push, committedAt);
	}

	/** One push's frame, ended per uid on demand. */
	final class Frame {

		private final String body;

		private final Push push;

		private final Instant committedAt;

		private final PushFrame anonymous;

		private final Map<String, PushFrame> byUid = new HashMap<>();

		private Frame(String body, Push push, Instant committedAt) {
			this.body = body;
			this.push = push;
			this.committedAt = committedAt;
			this.anonymous = pushFrame(body + "}");
		}

		PushFrame forUid(@Nullable String uid) {
			if (uid == null) {
				return this.anonymous;
			}
			return this.byUid.computeIfAbsent(uid, (key) -> pushFrame(
					this.body + ",\"uid\":" + SubscriptionFrames.this.json.writeValueAsString(key) + "}"));
		}

		private PushFrame pushFrame(String text) {
			return PushFrame.encoded(text, this.push.event(), this.committedAt);
		}

	}

}
