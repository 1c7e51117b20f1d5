package dev.tidings.realtime.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import org.jspecify.annotations.Nullable;

/**
 * Joins the parts of a fragmented message (the container hands them over in small
 * buffers), refusing a message once it exceeds the size limit, so a large limit costs
 * memory only for messages that are actually large. Binary messages are read as UTF-8
 * text, as Directus does. Used by the socket's reading thread only.
 */
final class FrameAssembler {

	private final long maxBytes;

	private ByteArrayOutputStream pending = new ByteArrayOutputStream(0);

	FrameAssembler(long maxBytes) {
		this.maxBytes = maxBytes;
	}

	/**
	 * Adds a part; returns the whole message when it was the last part, else null.
	 * @throws TooLarge when the message exceeds the limit
	 */
	@Nullable String text(String part, boolean last) {
		return bytes(part.getBytes(StandardCharsets.UTF_8), last);
	}

	@Nullable String bytes(byte[] part, boolean last) {
		if (this.pending.size() + (long) part.length > this.maxBytes) {
			this.pending = new ByteArrayOutputStream(0);
			throw new TooLarge();
		}
		if (last && this.pending.size() == 0) {
			return new String(part, StandardCharsets.UTF_8);
		}
		this.pending.writeBytes(part);
		if (!last) {
			return null;
		}
		String message = this.pending.toString(StandardCharsets.UTF_8);
		this.pending = new ByteArrayOutputStream(0);
		return message;
	}

	/** A message over the size limit. */
	static final class TooLarge extends RuntimeException {

		TooLarge() {
			super("Message too big", null, false, false);
		}

	}

}
