package dev.tidings.files;

import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.Locale;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import org.apache.tika.Tika;
import org.apache.tika.mime.MimeTypeException;
import org.apache.tika.mime.MimeTypes;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.Resource;

/**
 * Tells what a file is from its bytes, never from what the client claims: its type
 * (Tika's magic numbers, the name only breaking ties), the extension it is stored under,
 * and an image's dimensions, read from its header without decoding its pixels.
 */
final class FileInspector {

	private final Tika tika = new Tika();

	/**
	 * The type of the stream's first bytes; the stream must support mark and is reset to
	 * where it was.
	 */
	String detect(InputStream content, @Nullable String filename) throws IOException {
		return this.tika.detect(content, filename);
	}

	/**
	 * The extension, dot included, for a key of the type: the type's own when Tika knows
	 * one, else the client's file name's, else none.
	 */
	String extension(String type, @Nullable String filename) {
		try {
			String known = MimeTypes.getDefaultMimeTypes().forName(type).getExtension();
			if (!known.isEmpty()) {
				return known;
			}
		}
		catch (MimeTypeException ex) {
			// a type Tika cannot name has no extension of its own
		}
		if (filename != null) {
			int dot = filename.lastIndexOf('.');
			String extension = (dot >= 0) ? filename.substring(dot).toLowerCase(Locale.ROOT) : "";
			if (extension.matches("\\.[a-z0-9]{1,10}")) {
				return extension;
			}
		}
		return "";
	}

	/** Width and height of an image ImageIO can read, else null. */
	@Nullable Dimensions dimensions(String type, Resource content) throws IOException {
		if (!type.startsWith("image/")) {
			return null;
		}
		try (InputStream input = content.getInputStream();
				ImageInputStream images = ImageIO.createImageInputStream(input)) {
			if (images == null) {
				return null;
			}
			Iterator<ImageReader> readers = ImageIO.getImageReaders(images);
			if (!readers.hasNext()) {
				return null;
			}
			ImageReader reader = readers.next();
			try {
				reader.setInput(images, true, true);
				return new Dimensions(reader.getWidth(0), reader.getHeight(0));
			}
			catch (IOException | RuntimeException ex) {
				// a truncated or odd header: the file is still stored, without dimensions
				return null;
			}
			finally {
				reader.dispose();
			}
		}
	}

	record Dimensions(int width, int height) {
	}

}
