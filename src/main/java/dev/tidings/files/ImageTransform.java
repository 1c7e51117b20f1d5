package dev.tidings.files;

import org.jspecify.annotations.Nullable;

/**
 * A requested variant of an image: at least one of width and height, how to fit them, the
 * encoding quality (1 to 100, for lossy formats) and the format (null: {@code auto},
 * decided per request).
 */
public record ImageTransform(@Nullable Integer width, @Nullable Integer height, Fit fit, int quality,
		@Nullable ImageFormat format, boolean withoutEnlargement) {

	/** What names this variant in a cache or an ETag once its format is known. */
	String key(ImageFormat resolved) {
		return "w" + this.width + "h" + this.height + "-" + this.fit + "-q" + this.quality + "-" + resolved
				+ (this.withoutEnlargement ? "-we" : "");
	}

}
