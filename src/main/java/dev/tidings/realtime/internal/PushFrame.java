package dev.tidings.realtime.internal;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import dev.tidings.events.ChangeType;
import org.jspecify.annotations.Nullable;

/**
 * A push as it goes to a socket: its text, its UTF-8 bytes, and what is measured once it
 * is written (its event, and when its change committed). One instance per group and uid,
 * shared by every session of the group that has that uid, so the frame is encoded once
 * for all of them.
 *
 * @param text the {@code subscription} frame
 * @param utf8 the same frame encoded, read-only; null when the text cannot be encoded (an
 * unpaired surrogate that host code stored), so that writing it fails as writing the text
 * does
 * @param event the event it pushes
 * @param committedAt when the change it pushes committed
 */
public record PushFrame(String text, @Nullable ByteBuffer utf8, ChangeType event, Instant committedAt) {

	static PushFrame encoded(String text, ChangeType event, Instant committedAt) {
		return new PushFrame(text, utf8(text), event, committedAt);
	}

	/**
	 * The text's UTF-8 bytes, read-only, or null where it holds an unpaired surrogate.
	 */
	static @Nullable ByteBuffer utf8(String text) {
		try {
			// an encoder that reports, where String.getBytes would put '?' in silently
			return StandardCharsets.UTF_8.newEncoder().encode(CharBuffer.wrap(text)).asReadOnlyBuffer();
		}
		catch (CharacterCodingException ex) {
			return null;
		}
	}

}
