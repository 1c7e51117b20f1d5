package dev.tidings.events;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * A place in the change log, as clients see it: opaque to them, and only meaningful
 * against the log it came from, named by its epoch.
 *
 * @param epoch the log's epoch (the first eight characters are enough to tell logs apart)
 * @param sequence the sequence of the last change before this place
 */
public record Cursor(String epoch, long sequence) {

	private static final int EPOCH_LENGTH = 8;

	public Cursor {
		epoch = (epoch.length() > EPOCH_LENGTH) ? epoch.substring(0, EPOCH_LENGTH) : epoch;
		epoch = epoch.toLowerCase(Locale.ROOT);
	}

	/** The cursor a client reads, e.g. {@code 3f2a9c1e-1042}. */
	@Override
	public String toString() {
		return this.epoch + "-" + this.sequence;
	}

	/** The cursor a client sent back, or null when it is none of ours. */
	public static @Nullable Cursor parse(@Nullable String text) {
		if (text == null) {
			return null;
		}
		int dash = text.indexOf('-');
		if (dash != EPOCH_LENGTH) {
			return null;
		}
		try {
			long sequence = Long.parseLong(text.substring(dash + 1));
			return (sequence >= 0) ? new Cursor(text.substring(0, dash), sequence) : null;
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

}
