package dev.tidings.events;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

class LocalChangeBusTests {

	private final LocalChangeBus bus = new LocalChangeBus();

	private final ChangeNotification notification = new ChangeNotification("articles",
			List.of(new ItemChange(ChangeType.DELETE, 1, Map.of("id", 1), null)), Instant.now());

	@Test
	void publishThenEveryReceiverInRegistrationOrderOnThePublishingThread() {
		List<String> calls = new ArrayList<>();
		Thread publisher = Thread.currentThread();
		this.bus.subscribe((received) -> calls.add("first " + (Thread.currentThread() == publisher)));
		this.bus.subscribe((received) -> calls.add("second " + (Thread.currentThread() == publisher)));

		this.bus.publish(this.notification);

		assertThat(calls).containsExactly("first true", "second true");
	}

	@Test
	void publishWhenReceiverThrowsThenOthersStillReceiveAndPublisherDoesNotFail() {
		List<ChangeNotification> received = new ArrayList<>();
		this.bus.subscribe((ignored) -> {
			throw new IllegalStateException("broken receiver");
		});
		this.bus.subscribe(received::add);

		assertThatNoException().isThrownBy(() -> this.bus.publish(this.notification));
		assertThat(received).containsExactly(this.notification);
	}

}
