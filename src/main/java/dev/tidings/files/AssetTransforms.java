package dev.tidings.files;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;

import dev.tidings.errors.ErrorCode;
import dev.tidings.errors.TidingsException;
import net.coobird.thumbnailator.Thumbnails;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.FileSystemResource;

/**
 * Image variants for {@code /assets/{id}}: reads Directus's transform parameters, then
 * scales, fits and re-encodes the image once per file version and variant, keeping the
 * result on disk. Scaling is Thumbnailator's (progressive, good quality at any ratio);
 * fitting follows sharp's rules as Directus applies them. A source of more pixels than
 * the maximum dimension squared is refused from its header, before any is decoded, so a
 * small file that would decode to gigabytes cannot exhaust the heap; at most
 * {@code maxConcurrent} transforms run at once, and a request that waits too long for its
 * turn is told the server is busy.
 */
public final class AssetTransforms {

	/** The query parameters that ask for a variant. */
	public static final List<String> PARAMETERS = List.of("key", "width", "height", "fit", "quality", "format",
			"withoutEnlargement", "transforms");

	private static final int DEFAULT_QUALITY = 80;

	/** Directus's own presets, which its app uses for thumbnails, whatever the mode. */
	private static final Map<String, ImageTransform> SYSTEM_PRESETS = systemPresets();

	private final Settings settings;

	private final Semaphore slots;

	public AssetTransforms(Settings settings) {
		this.settings = settings;
		this.slots = new Semaphore(settings.maxConcurrent(), true);
	}

	/**
	 * The variant a request's parameters ask for, or null when they ask for none.
	 * @throws TidingsException {@code INVALID_QUERY} for a malformed or disallowed
	 * request
	 */
	public @Nullable ImageTransform parse(Map<String, String> query) {
		Map<String, String> asked = new LinkedHashMap<>();
		for (String name : PARAMETERS) {
			String value = query.get(name);
			if (value != null) {
				asked.put(name, value);
			}
		}
		if (asked.isEmpty()) {
			return null;
		}
		if (asked.containsKey("transforms")) {
			throw TidingsException.invalidQuery(
					"\"transforms\" is not supported: use width, height, fit, quality, format and withoutEnlargement");
		}
		String key = asked.get("key");
		if (key != null) {
			if (asked.size() > 1) {
				throw TidingsException.invalidQuery("\"key\" cannot be combined with other transform parameters");
			}
			ImageTransform preset = SYSTEM_PRESETS.containsKey(key) ? SYSTEM_PRESETS.get(key)
					: (this.settings.mode() != Mode.NONE) ? this.settings.presets().get(key) : null;
			if (preset == null) {
				throw TidingsException.invalidQuery("There is no asset preset \"" + key + "\"");
			}
			return preset;
		}
		if (this.settings.mode() == Mode.NONE) {
			throw TidingsException.invalidQuery("Asset transforms are turned off on this server");
		}
		if (this.settings.mode() == Mode.PRESETS) {
			throw TidingsException.invalidQuery("Only presets, by their key alone, may be used on this server");
		}
		return requested(asked, this.settings.maxDimension());
	}

	/**
	 * A preset's transform from its configured parameters, checked as a request's are.
	 * @throws IllegalStateException naming the preset when they are not valid
	 */
	public static ImageTransform preset(String name, Map<String, String> parameters, int maxDimension) {
		try {
			if (parameters.containsKey("key") || parameters.containsKey("transforms")) {
				throw TidingsException.invalidQuery("only width, height, fit, quality, format and withoutEnlargement");
			}
			return requested(parameters, maxDimension);
		}
		catch (TidingsException ex) {
			throw new IllegalStateException("Asset preset \"" + name + "\": " + ex.getMessage(), ex);
		}
	}

	/**
	 * Whether files of this type are images we can read; others are served as they are.
	 */
	public boolean canTransform(String mediaType) {
		return mediaType.startsWith("image/") && ImageIO.getImageReadersByMIMEType(mediaType).hasNext();
	}

	/**
	 * The variant of the file's image, from the disk cache or made now.
	 * @param accept the request's {@code Accept} header, which {@code format=auto} reads
	 */
	public TransformedAsset transform(FileAssets.Asset asset, ImageTransform transform, @Nullable String accept) {
		ImageFormat format = (transform.format() != null) ? transform.format() : ImageFormat.auto(asset.type(), accept);
		String variant = transform.key(format);
		Path cached = this.settings.cacheDir()
			.resolve(digest(asset.id() + "|" + asset.version() + "|" + variant) + "." + format.writerName());
		if (!Files.isRegularFile(cached)) {
			acquire();
			try {
				if (!Files.isRegularFile(cached)) {
					write(asset, transform, format, cached);
				}
			}
			finally {
				this.slots.release();
			}
		}
		return new TransformedAsset(format.mediaType(), new FileSystemResource(cached), variant);
	}

	private void acquire() {
		try {
			if (!this.slots.tryAcquire(this.settings.queueTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
				throw new TidingsException(ErrorCode.SERVICE_UNAVAILABLE,
						"Too many images are being transformed; try again shortly.");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new TidingsException(ErrorCode.SERVICE_UNAVAILABLE, "The transform was interrupted.");
		}
	}

	/** Makes the variant beside its final name, then moves it there whole. */
	private void write(FileAssets.Asset asset, ImageTransform transform, ImageFormat format, Path target) {
		try {
			BufferedImage image = fitted(read(asset), transform, format);
			Files.createDirectories(target.getParent());
			Path partial = Files.createTempFile(target.getParent(), ".partial-", "");
			try {
				try (OutputStream out = Files.newOutputStream(partial)) {
					encode(image, format, transform.quality(), out);
				}
				Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
			}
			finally {
				Files.deleteIfExists(partial);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Decodes the first image of the file, once its header says it is small enough. */
	private BufferedImage read(FileAssets.Asset asset) throws IOException {
		try (InputStream content = asset.content().getInputStream();
				ImageInputStream input = ImageIO.createImageInputStream(content)) {
			Iterator<ImageReader> readers = (input != null) ? ImageIO.getImageReaders(input) : null;
			if (readers == null || !readers.hasNext()) {
				throw new TidingsException(ErrorCode.ILLEGAL_ASSET_TRANSFORMATION, "The file is not a readable image.");
			}
			ImageReader reader = readers.next();
			try {
				reader.setInput(input, true, true);
				// Directus's cap (sharp's limitInputPixels), the square of the largest
				// dimension: a long panorama passes, a decompression bomb does not
				long max = (long) this.settings.maxDimension() * this.settings.maxDimension();
				long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
				if (pixels > max) {
					throw new TidingsException(ErrorCode.ILLEGAL_ASSET_TRANSFORMATION,
							"The image has " + pixels + " pixels, more than the " + max + " that may be transformed.");
				}
				return reader.read(0);
			}
			catch (TidingsException ex) {
				throw ex;
			}
			catch (IOException | RuntimeException ex) {
				// a header that promises more than the data holds, or an encoding ImageIO
				// cannot decode (CMYK JPEG): the client's file, not the server, is at
				// fault
				throw new TidingsException(ErrorCode.ILLEGAL_ASSET_TRANSFORMATION,
						"The image could not be decoded to transform it.");
			}
			finally {
				reader.dispose();
			}
		}
	}

	static BufferedImage fitted(BufferedImage source, ImageTransform transform, ImageFormat format) throws IOException {
		int width = source.getWidth();
		int height = source.getHeight();
		Integer askedWidth = transform.width();
		Integer askedHeight = transform.height();
		if (askedWidth == null && askedHeight == null) {
			return opaqueIfNeeded(source, format);
		}
		double byWidth = (askedWidth != null) ? (double) askedWidth / width : Double.NaN;
		double byHeight = (askedHeight != null) ? (double) askedHeight / height : Double.NaN;
		if (askedWidth == null || askedHeight == null) {
			double scale = (askedWidth != null) ? byWidth : byHeight;
			if (transform.withoutEnlargement() && scale > 1) {
				return opaqueIfNeeded(source, format);
			}
			return opaqueIfNeeded(scaled(source, scale), format);
		}
		boolean fills = transform.fit() == Fit.COVER || transform.fit() == Fit.OUTSIDE;
		double scale = fills ? Math.max(byWidth, byHeight) : Math.min(byWidth, byHeight);
		if (transform.withoutEnlargement() && scale > 1) {
			return opaqueIfNeeded(source, format);
		}
		BufferedImage scaled = scaled(source, scale);
		BufferedImage result = switch (transform.fit()) {
			case COVER ->
				scaled.getSubimage((scaled.getWidth() - askedWidth) / 2, (scaled.getHeight() - askedHeight) / 2,
						Math.min(askedWidth, scaled.getWidth()), Math.min(askedHeight, scaled.getHeight()));
			case CONTAIN -> padded(scaled, askedWidth, askedHeight, format);
			case INSIDE, OUTSIDE -> scaled;
		};
		return opaqueIfNeeded(result, format);
	}

	private static BufferedImage scaled(BufferedImage source, double scale) throws IOException {
		int width = Math.max(1, (int) Math.round(source.getWidth() * scale));
		int height = Math.max(1, (int) Math.round(source.getHeight() * scale));
		return Thumbnails.of(source).forceSize(width, height).asBufferedImage();
	}

	/** Centred on a canvas of the asked size: transparent where it can be, else black. */
	private static BufferedImage padded(BufferedImage image, int width, int height, ImageFormat format) {
		BufferedImage canvas = new BufferedImage(width, height,
				format.keepsTransparency() ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
		Graphics2D graphics = canvas.createGraphics();
		try {
			graphics.drawImage(image, (width - image.getWidth()) / 2, (height - image.getHeight()) / 2, null);
		}
		finally {
			graphics.dispose();
		}
		return canvas;
	}

	/** A format without transparency gets the image on white, not on undefined pixels. */
	private static BufferedImage opaqueIfNeeded(BufferedImage image, ImageFormat format) {
		if (format.keepsTransparency() || image.getType() == BufferedImage.TYPE_INT_RGB
				|| image.getType() == BufferedImage.TYPE_3BYTE_BGR) {
			return image;
		}
		BufferedImage opaque = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
		Graphics2D graphics = opaque.createGraphics();
		try {
			graphics.drawImage(image, 0, 0, Color.WHITE, null);
		}
		finally {
			graphics.dispose();
		}
		return opaque;
	}

	private static void encode(BufferedImage image, ImageFormat format, int quality, OutputStream out)
			throws IOException {
		ImageWriter writer = ImageIO.getImageWritersByFormatName(format.writerName()).next();
		try (ImageOutputStream output = ImageIO.createImageOutputStream(out)) {
			writer.setOutput(output);
			ImageWriteParam parameters = writer.getDefaultWriteParam();
			if (format == ImageFormat.JPG || format == ImageFormat.WEBP) {
				parameters.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
				parameters.setCompressionQuality(quality / 100f);
			}
			writer.write(null, new IIOImage(image, null, null), parameters);
		}
		finally {
			writer.dispose();
		}
	}

	private static ImageTransform requested(Map<String, String> asked, int maxDimension) {
		String fit = asked.get("fit");
		String format = asked.get("format");
		String quality = asked.get("quality");
		return new ImageTransform(dimension(asked, "width", maxDimension), dimension(asked, "height", maxDimension),
				(fit != null) ? Fit.parse(fit) : Fit.COVER, (quality != null) ? quality(quality) : DEFAULT_QUALITY,
				(format != null) ? ImageFormat.parse(format) : null, flag(asked.get("withoutEnlargement")));
	}

	private static @Nullable Integer dimension(Map<String, String> asked, String name, int maxDimension) {
		String text = asked.get(name);
		if (text == null) {
			return null;
		}
		int value = integer(text, name);
		if (value < 1 || value > maxDimension) {
			throw TidingsException.invalidQuery("\"" + name + "\" must be between 1 and " + maxDimension);
		}
		return value;
	}

	private static int quality(String text) {
		int value = integer(text, "quality");
		if (value < 1 || value > 100) {
			throw TidingsException.invalidQuery("\"quality\" must be between 1 and 100");
		}
		return value;
	}

	private static int integer(String text, String name) {
		try {
			return Integer.parseInt(text.trim());
		}
		catch (NumberFormatException ex) {
			throw TidingsException.invalidQuery("\"" + name + "\" must be a whole number");
		}
	}

	/** A flag as a query string writes it: present or {@code true}, or {@code false}. */
	private static boolean flag(@Nullable String text) {
		if (text == null) {
			return false;
		}
		return switch (text.trim()) {
			case "", "true", "1" -> true;
			case "false", "0" -> false;
			default -> throw TidingsException.invalidQuery("\"withoutEnlargement\" must be true or false");
		};
	}

	private static String digest(String text) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static Map<String, ImageTransform> systemPresets() {
		Map<String, ImageTransform> presets = new LinkedHashMap<>();
		for (Map.Entry<String, Integer> size : Map.of("small", 64, "medium", 300, "large", 800).entrySet()) {
			for (Fit fit : List.of(Fit.COVER, Fit.CONTAIN)) {
				presets.put("system-" + size.getKey() + "-" + fit.name().toLowerCase(Locale.ROOT),
						new ImageTransform(size.getValue(), size.getValue(), fit, DEFAULT_QUALITY, null, false));
			}
		}
		return Map.copyOf(presets);
	}

	/**
	 * Which transforms a server allows, as Directus's {@code storage_asset_transform}.
	 */
	public enum Mode {

		/** Any parameters, and presets by key. */
		ALL,

		/** Presets by key only. */
		PRESETS,

		/** None but Directus's own thumbnail presets. */
		NONE

	}

	/**
	 * @param mode which transforms are allowed
	 * @param presets named variants, asked for with {@code key}
	 * @param maxDimension the largest width or height asked for, and of a source image
	 * @param cacheDir where variants are kept
	 * @param maxConcurrent how many transforms may run at once
	 * @param queueTimeout how long a request waits for its turn before it is refused
	 */
	public record Settings(Mode mode, Map<String, ImageTransform> presets, int maxDimension, Path cacheDir,
			int maxConcurrent, Duration queueTimeout) {

		public Settings {
			presets = Map.copyOf(presets);
		}

	}

}
