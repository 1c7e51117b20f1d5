package dev.tidings.realtime;

import java.time.Duration;

import dev.tidings.events.ChangeFeed;
import dev.tidings.events.ChangeLog;
import dev.tidings.events.LocalChangeBus;
import dev.tidings.events.NotificationCodec;
import dev.tidings.events.ValueCodec;
import org.junit.jupiter.api.Test;

import org.springframework.boot.health.contributor.Status;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Before its change feed runs, an instance is not sure to receive every change, so it is
 * out of service: a readiness group that includes {@code tidings} keeps traffic away.
 */
class RealtimeHealthIndicatorTests {

	@Test
	void healthWhenTheFeedHasNotStartedThenOutOfService() {
		ChangeLog log = new ChangeLog(new SimpleDriverDataSource(new org.h2.Driver(), "jdbc:h2:mem:not-started"),
				new NotificationCodec(new ValueCodec(getClass().getClassLoader())),
				new ChangeLog.Retention(10, Duration.ofHours(1)));
		try (ChangeFeed feed = new ChangeFeed(new LocalChangeBus(), log, Duration.ofSeconds(1), Duration.ofSeconds(1),
				Duration.ofMinutes(1), 0)) {
			var health = new RealtimeHealthIndicator(null, feed).health();

			assertThat(health.getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
			assertThat(health.getDetails()).containsEntry("changeFeed", "starting");
		}
	}

}
