package dev.tidings.files;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import dev.tidings.errors.ErrorCode;
import dev.tidings.errors.TidingsException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * What {@code tidings.assets.transform} allows, as Directus's
 * {@code storage_asset_transform}: everything, configured and system presets only, or
 * system presets only.
 */
class AssetTransformModesTests {

	private static final ImageTransform CARD = new ImageTransform(16, 9, Fit.COVER, 80, ImageFormat.PNG, false);

	@Test
	void parseWhenAllThenAdHocParametersAndPresets() {
		AssetTransforms transforms = transforms(AssetTransforms.Mode.ALL);

		assertThat(transforms.parse(Map.of("width", "10"))).extracting(ImageTransform::width).isEqualTo(10);
		assertThat(transforms.parse(Map.of("key", "card"))).isEqualTo(CARD);
		assertThat(transforms.parse(Map.of("download", ""))).isNull();
	}

	@Test
	void parseWhenKeyWithOtherParametersThenInvalidQueryInEveryMode() {
		for (AssetTransforms.Mode mode : AssetTransforms.Mode.values()) {
			assertInvalid(transforms(mode), Map.of("key", "card", "width", "10"));
		}
	}

	@Test
	void parseWhenPresetsThenOnlyKeys() {
		AssetTransforms transforms = transforms(AssetTransforms.Mode.PRESETS);

		assertThat(transforms.parse(Map.of("key", "card"))).isEqualTo(CARD);
		assertThat(transforms.parse(Map.of("key", "system-small-cover"))).isNotNull();
		assertInvalid(transforms, Map.of("width", "10"));
		assertInvalid(transforms, Map.of("key", "unknown"));
	}

	@Test
	void parseWhenNoneThenOnlySystemPresets() {
		AssetTransforms transforms = transforms(AssetTransforms.Mode.NONE);

		assertThat(transforms.parse(Map.of("key", "system-medium-contain"))).isNotNull();
		assertInvalid(transforms, Map.of("key", "card"));
		assertInvalid(transforms, Map.of("width", "10"));
	}

	@Test
	void parseWhenWebpAndNoWriterThenInvalidQueryNamingIt() {
		assertThatExceptionOfType(TidingsException.class)
			.isThrownBy(() -> transforms(AssetTransforms.Mode.ALL).parse(Map.of("format", "webp")))
			.withMessageContaining("webp")
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.INVALID_QUERY));
	}

	private static void assertInvalid(AssetTransforms transforms, Map<String, String> query) {
		assertThatExceptionOfType(TidingsException.class).isThrownBy(() -> transforms.parse(query))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.INVALID_QUERY));
	}

	private static AssetTransforms transforms(AssetTransforms.Mode mode) {
		return new AssetTransforms(new AssetTransforms.Settings(mode, Map.of("card", CARD), 1000,
				Path.of("unused-cache"), 1, Duration.ofMillis(10)));
	}

}
