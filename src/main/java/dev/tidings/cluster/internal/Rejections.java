package dev.tidings.cluster.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stream entries this instance refused to act on: counted for the health endpoint, and
 * logged at most once per origin and period, as whoever writes them chooses how many (and
 * which origins, so only the most recent origins are remembered). Not thread-safe: the
 * {@link Relay} guards it.
 */
final class Rejections {

	private static final Logger logger = LoggerFactory.getLogger(Rejections.class);

	static final Duration PERIOD = Duration.ofMinutes(1);

	private static final int REMEMBERED_ORIGINS = 1000;

	private final Clock clock;

	private final Map<String, Instant> lastLogged = new LinkedHashMap<>(16, 0.75f, true) {

		@Override
		protected boolean removeEldestEntry(Map.Entry<String, Instant> eldest) {
			return size() > REMEMBERED_ORIGINS;
		}

	};

	private long count;

	Rejections(Clock clock) {
		this.clock = clock;
	}

	void add(@Nullable String origin, String reason) {
		this.count++;
		String key = String.valueOf(origin);
		Instant now = this.clock.instant();
		Instant last = this.lastLogged.get(key);
		if (last == null || !now.isBefore(last.plus(PERIOD))) {
			this.lastLogged.put(key, now);
			logger.warn("Dropped a cluster stream entry of origin {}: {} ({} dropped since start; "
					+ "at most one warning per origin and minute)", abbreviate(key), reason, this.count);
		}
	}

	long count() {
		return this.count;
	}

	/**
	 * The origin as logged: whoever wrote the entry chose it, so it is capped and kept on
	 * one line.
	 */
	private static String abbreviate(String origin) {
		String printable = origin.replaceAll("\\p{Cntrl}", "?");
		return (printable.length() <= 64) ? printable : printable.substring(0, 64) + "…";
	}

}
