import java.awt.Graphics2D;
import java.awt.Image;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.Random;
import java.util.function.UnaryOperator;

import net.coobird.thumbnailator.Thumbnails;

/**
 * How asset transforms scale: a 3000x2000 photograph-like image (gradients, edges and
 * noise) down to 1500, 400 and 64 pixels wide, by Thumbnailator (what Tidings uses), by one bilinear
 * drawImage (the hand-written way) and by the JDK's area averaging (slow, but the quality
 * reference). Prints the median time of each and its mean error against the reference.
 *
 * java -cp "$(cat target/test-classpath.txt)" bench/transforms/ScaleBench.java
 */
public class ScaleBench {

	static final int WIDTH = 3000, HEIGHT = 2000, RUNS = 15;

	static int TARGET_W, TARGET_H;

	public static void main(String[] args) throws Exception {
		BufferedImage source = photo();
		for (int width : new int[] { 1500, 400, 64 }) {
			TARGET_W = width;
			TARGET_H = width * HEIGHT / WIDTH;
			System.out.printf("3000x2000 to %dx%d%n", TARGET_W, TARGET_H);
			BufferedImage reference = areaAverage(source);
			report("Thumbnailator 0.4.20", source, reference, ScaleBench::thumbnailator);
			report("one bilinear drawImage", source, reference, ScaleBench::bilinear);
			report("JDK area averaging", source, reference, ScaleBench::areaAverage);
		}
	}

	static void report(String name, BufferedImage source, BufferedImage reference, UnaryOperator<BufferedImage> scale) {
		for (int i = 0; i < 5; i++) {
			scale.apply(source);
		}
		long[] times = new long[RUNS];
		BufferedImage result = null;
		for (int i = 0; i < RUNS; i++) {
			long start = System.nanoTime();
			result = scale.apply(source);
			times[i] = System.nanoTime() - start;
		}
		java.util.Arrays.sort(times);
		System.out.printf("%-24s median %7.1f ms   mean error vs area averaging %5.2f / 255%n", name,
				times[RUNS / 2] / 1e6, error(result, reference));
	}

	static BufferedImage thumbnailator(BufferedImage source) {
		try {
			return Thumbnails.of(source).forceSize(TARGET_W, TARGET_H).asBufferedImage();
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	static BufferedImage bilinear(BufferedImage source) {
		BufferedImage out = new BufferedImage(TARGET_W, TARGET_H, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = out.createGraphics();
		g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
		g.drawImage(source, 0, 0, TARGET_W, TARGET_H, null);
		g.dispose();
		return out;
	}

	static BufferedImage areaAverage(BufferedImage source) {
		Image scaled = source.getScaledInstance(TARGET_W, TARGET_H, Image.SCALE_AREA_AVERAGING);
		BufferedImage out = new BufferedImage(TARGET_W, TARGET_H, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = out.createGraphics();
		g.drawImage(scaled, 0, 0, null);
		g.dispose();
		return out;
	}

	static double error(BufferedImage a, BufferedImage b) {
		long sum = 0;
		for (int y = 0; y < TARGET_H; y++) {
			for (int x = 0; x < TARGET_W; x++) {
				int p = a.getRGB(x, y), q = b.getRGB(x, y);
				for (int shift = 0; shift < 24; shift += 8) {
					sum += Math.abs(((p >> shift) & 0xff) - ((q >> shift) & 0xff));
				}
			}
		}
		return sum / (3.0 * TARGET_W * TARGET_H);
	}

	/** Smooth gradients, thin stripes (where aliasing shows) and sensor-like noise. */
	static BufferedImage photo() {
		BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
		Random random = new Random(42);
		for (int y = 0; y < HEIGHT; y++) {
			for (int x = 0; x < WIDTH; x++) {
				int stripe = ((x / 3) % 2 == 0) ? 40 : 0;
				int r = Math.min(255, x * 200 / WIDTH + stripe + random.nextInt(16));
				int g = Math.min(255, y * 200 / HEIGHT + random.nextInt(16));
				int b = Math.min(255, (x + y) * 100 / (WIDTH + HEIGHT) + stripe + random.nextInt(16));
				image.setRGB(x, y, (r << 16) | (g << 8) | b);
			}
		}
		return image;
	}

}
