package dev.tidings.files;

import java.util.Locale;

import dev.tidings.errors.TidingsException;

/**
 * How an image meets a requested width and height, as Directus (through sharp) reads
 * {@code fit}.
 */
public enum Fit {

	/** Fills both dimensions, cropping what overflows around the centre. */
	COVER,

	/** Fits within both and pads the rest, so the result is exactly the size asked. */
	CONTAIN,

	/** Fits within both, keeping the ratio: the result may be smaller in one. */
	INSIDE,

	/** Covers at least both, keeping the ratio: the result may be larger in one. */
	OUTSIDE;

	static Fit parse(String text) {
		for (Fit fit : values()) {
			if (fit.name().toLowerCase(Locale.ROOT).equals(text)) {
				return fit;
			}
		}
		throw TidingsException.invalidQuery("\"fit\" must be cover, contain, inside or outside");
	}

}
