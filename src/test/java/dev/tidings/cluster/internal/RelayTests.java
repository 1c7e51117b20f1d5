package dev.tidings.cluster.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import dev.tidings.events.ChangeNotification;
import dev.tidings.events.ChangeType;
import dev.tidings.events.ItemChange;
import dev.tidings.events.NotificationCodec;
import dev.tidings.events.ValueCodec;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How the relay judges another origin's sequence, without Redis: entries arrive as the
 * reader hands them over, in stream order.
 */
class RelayTests {

	private final NotificationCodec codec = new NotificationCodec(new ValueCodec(getClass().getClassLoader()));

	private final Relay relay = new Relay("test", this.codec, 10);

	private final List<Object> received = new CopyOnWriteArrayList<>();

	private final AtomicInteger invalidations = new AtomicInteger();

	RelayTests() {
		this.relay.subscribe((notification) -> this.received.add(notification.changes().get(0).key()));
		this.relay.onRemoteInvalidation(this.invalidations::incrementAndGet);
	}

	@Test
	void receiveWhenASequenceJumpsBeyondTheBoundThenItIsRejectedAndTheOriginsNextOneArrives() {
		this.relay.receive(change("other", 1));
		this.relay.receive(change("other", 1_000_000_000_000L));
		this.relay.receive(change("other", 2));

		assertThat(this.received).containsExactly(1L, 2L);
		assertThat(this.relay.status().rejected()).isEqualTo(1);
	}

	@Test
	void receiveWhenAGapFitsTheBoundThenItIsFollowedAndCachesAreForgotten() {
		this.relay.receive(change("other", 1));
		this.relay.receive(change("other", 1 + 10 + 1000));

		assertThat(this.received).containsExactly(1L, 1011L);
		assertThat(this.invalidations).hasValue(1);
		assertThat(this.relay.status().rejected()).isZero();
	}

	@Test
	void receiveWhenTheOriginGoesOnFromBeyondTheBoundThenItIsFollowedFromThere() {
		// an instance that dropped far more than its buffer during a long outage
		this.relay.receive(change("other", 1));
		this.relay.receive(change("other", 50_000));
		this.relay.receive(change("other", 50_001));
		this.relay.receive(change("other", 50_002));

		assertThat(this.received).containsExactly(1L, 50_001L, 50_002L);
		assertThat(this.relay.status().rejected()).isEqualTo(1);
		assertThat(this.invalidations).hasValue(1);
	}

	@Test
	void receiveWhenItsOwnOriginHasASequenceItNeverWroteThenItIsRejected() {
		this.relay.receive(new Entry(this.relay.instance(), 5, Entry.Kind.INVALIDATION, null));

		assertThat(this.relay.status().rejected()).isEqualTo(1);
	}

	private Entry change(String origin, long sequence) {
		ChangeNotification notification = new ChangeNotification("articles",
				List.of(new ItemChange(ChangeType.CREATE, sequence, null, Map.of("id", sequence))), Instant.now());
		return new Entry(origin, sequence, Entry.Kind.CHANGE, this.codec.encode(notification));
	}

}
