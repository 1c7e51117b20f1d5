package dev.tidings.autoconfigure;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import dev.tidings.files.AssetTransforms;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Image variants served by {@code /assets/{id}}.
 *
 * @param transform which transforms are allowed: {@code all}, {@code presets} (by
 * {@code key} only) or {@code none}, as Directus's {@code storage_asset_transform}
 * setting
 * @param presets named variants, asked for as {@code ?key=name}
 * @param maxDimension the largest width or height a request may ask for; its square caps
 * the pixels of an image that may be transformed, as Directus's
 * {@code ASSETS_TRANSFORM_IMAGE_MAX_DIMENSION}
 * @param cacheDir where variants are kept; unset, a folder in the system's temporary
 * directory
 * @param maxConcurrent how many transforms may run at once; 0 for one per processor
 * @param queueTimeout how long a request waits for a free transform before it gets
 * {@code SERVICE_UNAVAILABLE}
 */
@ConfigurationProperties("tidings.assets")
public record TidingsAssetsProperties(@DefaultValue("all") AssetTransforms.Mode transform,
		@DefaultValue Map<String, Preset> presets, @DefaultValue("6000") int maxDimension, @Nullable Path cacheDir,
		@DefaultValue("0") int maxConcurrent, @DefaultValue("7500ms") Duration queueTimeout) {

	/**
	 * A named variant, with the parameters a request would give.
	 *
	 * @param width the width, or none to follow the height
	 * @param height the height, or none to follow the width
	 * @param fit {@code cover}, {@code contain}, {@code inside} or {@code outside}
	 * @param quality 1 to 100, for lossy formats
	 * @param format {@code auto}, {@code jpg}, {@code png}, {@code webp} or {@code tiff}
	 * @param withoutEnlargement never make the image larger than it is
	 */
	public record Preset(@Nullable Integer width, @Nullable Integer height, @DefaultValue("cover") String fit,
			@DefaultValue("80") int quality, @DefaultValue("auto") String format,
			@DefaultValue("false") boolean withoutEnlargement) {

	}

}
