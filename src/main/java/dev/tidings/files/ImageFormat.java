package dev.tidings.files;

import java.util.Locale;

import javax.imageio.ImageIO;

import dev.tidings.errors.TidingsException;
import org.jspecify.annotations.Nullable;

/**
 * What a transformed image is written as. WebP is offered only when an ImageIO writer for
 * it is on the class path; none ships with Tidings, since no maintained pure-Java WebP
 * encoder exists.
 */
public enum ImageFormat {

	JPG("jpg", "image/jpeg", false), PNG("png", "image/png", true), WEBP("webp", "image/webp", true),
	TIFF("tiff", "image/tiff", true);

	private final String writer;

	private final String mediaType;

	private final boolean alpha;

	ImageFormat(String writer, String mediaType, boolean alpha) {
		this.writer = writer;
		this.mediaType = mediaType;
		this.alpha = alpha;
	}

	public String mediaType() {
		return this.mediaType;
	}

	String writerName() {
		return this.writer;
	}

	boolean keepsTransparency() {
		return this.alpha;
	}

	boolean writable() {
		return ImageIO.getImageWritersByFormatName(this.writer).hasNext();
	}

	/** The format named by {@code format}, or null for {@code auto}. */
	static @Nullable ImageFormat parse(String text) {
		String name = text.toLowerCase(Locale.ROOT);
		if (name.equals("auto")) {
			return null;
		}
		for (ImageFormat format : values()) {
			if (format.writer.equals(name) || (format == JPG && name.equals("jpeg"))) {
				if (!format.writable()) {
					throw TidingsException.invalidQuery("This server cannot write " + name + " images");
				}
				return format;
			}
		}
		throw TidingsException.invalidQuery("\"format\" must be auto, jpg, png, webp or tiff");
	}

	/**
	 * What {@code auto} becomes: WebP when the client accepts it and it can be written,
	 * otherwise the source's own format when it is one of ours, otherwise JPEG.
	 */
	static ImageFormat auto(String sourceType, @Nullable String accept) {
		if (accept != null && accept.contains("image/webp") && WEBP.writable()) {
			return WEBP;
		}
		for (ImageFormat format : values()) {
			if (format.mediaType.equals(sourceType) && format.writable()) {
				return format;
			}
		}
		return JPG;
	}

}
