package dev.tidings.files;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import dev.tidings.errors.ErrorCode;
import dev.tidings.errors.TidingsException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.core.io.AbstractResource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@code max-concurrent}: a transform that finds every slot taken waits the queue
 * timeout, then is told the server is busy, instead of piling more decoding onto busy
 * processors.
 */
class AssetTransformLimitsTests {

	@TempDir
	Path cache;

	@Test
	void transformWhenEverySlotIsTakenThenServiceUnavailableAndFreeAgainAfterwards() throws Exception {
		AssetTransforms transforms = new AssetTransforms(new AssetTransforms.Settings(AssetTransforms.Mode.ALL,
				Map.of(), 1000, this.cache, 1, Duration.ofMillis(100)));
		ImageTransform small = transforms.parse(Map.of("width", "4", "format", "png"));
		Gate gate = new Gate(Images.png(8, 8));

		CompletableFuture<TransformedAsset> first = CompletableFuture
			.supplyAsync(() -> transforms.transform(asset("first", gate), small, null));
		assertThat(gate.opened.await(10, TimeUnit.SECONDS)).as("the first transform holds the only slot").isTrue();

		assertThatExceptionOfType(TidingsException.class)
			.isThrownBy(() -> transforms.transform(asset("second", new Gate(Images.png(8, 8))), small, null))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.SERVICE_UNAVAILABLE));

		gate.release.countDown();
		assertThat(Files.size(first.get(10, TimeUnit.SECONDS).content().getFile().toPath())).isPositive();
		Gate open = new Gate(Images.png(8, 8));
		open.release.countDown();
		assertThat(transforms.transform(asset("third", open), small, null).type()).isEqualTo("image/png");
	}

	private static FileAssets.Asset asset(String id, Gate content) {
		return new FileAssets.Asset(id, "image/png", id + ".png", "1", content);
	}

	/** Bytes that are handed out only once the test lets them go. */
	private static final class Gate extends AbstractResource {

		private final byte[] bytes;

		private final CountDownLatch opened = new CountDownLatch(1);

		private final CountDownLatch release = new CountDownLatch(1);

		Gate(byte[] bytes) {
			this.bytes = bytes;
		}

		@Override
		public InputStream getInputStream() {
			this.opened.countDown();
			try {
				if (!this.release.await(10, TimeUnit.SECONDS)) {
					throw new UncheckedIOException(new IOException("never released"));
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
			return new ByteArrayInputStream(this.bytes);
		}

		@Override
		public String getDescription() {
			return "gated image";
		}

	}

}
