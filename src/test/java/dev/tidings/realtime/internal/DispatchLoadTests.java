package dev.tidings.realtime.internal;

import java.util.List;
import java.util.stream.IntStream;

import dev.tidings.security.Accountability;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who is shed when a stripe backs up: the sessions that caused the work, and only they.
 */
class DispatchLoadTests {

	private final DispatchLoad load = new DispatchLoad();

	@Test
	void heaviestWhenOneSessionHasAHundredGroupsOfItsOwnThenOnlyItIsShed() {
		List<RecordingSession> honest = sessions(1000);
		RecordingSession flooder = session();
		// every honest user in a group of its own, as distinct users are
		honest.forEach((session) -> this.load.charge(List.of(session), 1));
		IntStream.range(0, 100).forEach((i) -> this.load.charge(List.of(flooder), 2));

		assertThat(this.load.heaviest()).containsExactly(flooder);
	}

	@Test
	void heaviestWhenTwoSessionsThenTheCostlyOneIsShed() {
		RecordingSession honest = session();
		RecordingSession flooder = session();
		this.load.charge(List.of(honest), 1);
		IntStream.range(0, 50).forEach((i) -> this.load.charge(List.of(flooder), 1));

		assertThat(this.load.heaviest()).containsExactly(flooder);
	}

	@Test
	void heaviestWhenOneHonestGroupWasSlowThenNobodyIsShed() {
		// a cold start or a slow query: much time, but one group like everyone else's
		List<RecordingSession> honest = sessions(100);
		honest.forEach((session) -> this.load.charge(List.of(session), 1));
		RecordingSession unlucky = session();
		this.load.charge(List.of(unlucky), 700);

		assertThat(this.load.heaviest()).isEmpty();
	}

	@Test
	void heaviestWhenManySessionsShareOneGroupThenTheirShareIsSmall() {
		List<RecordingSession> sharing = sessions(500);
		RecordingSession alone = session();
		this.load.charge(sharing, 500);
		this.load.charge(List.of(alone), 1);

		// each of the 500 costs 1, as much as the one alone: nobody stands out
		assertThat(this.load.heaviest()).isEmpty();
	}

	@Test
	void heaviestWhenLoadIsEvenOrSessionIsAloneThenNobodyIsShed() {
		sessions(100).forEach((session) -> this.load.charge(List.of(session), 3));
		assertThat(this.load.heaviest()).isEmpty();

		this.load.reset();
		this.load.charge(List.of(session()), 1000);
		assertThat(this.load.heaviest()).isEmpty();
	}

	@Test
	void heaviestWhenSeveralStandOutThenHeaviestFirstUntilHalfTheWork() {
		List<RecordingSession> honest = sessions(20);
		honest.forEach((session) -> this.load.charge(List.of(session), 1));
		RecordingSession worst = session();
		RecordingSession bad = session();
		RecordingSession busy = session();
		IntStream.range(0, 80).forEach((i) -> this.load.charge(List.of(worst), 1));
		IntStream.range(0, 60).forEach((i) -> this.load.charge(List.of(bad), 1));
		IntStream.range(0, 5).forEach((i) -> this.load.charge(List.of(busy), 1));

		// 165 in all: the worst alone is not half of it, the worst two are; busy, though
		// it
		// stands out too, stays
		assertThat(this.load.heaviest()).containsExactly(worst, bad);
	}

	private static List<RecordingSession> sessions(int count) {
		return IntStream.range(0, count).mapToObj((i) -> session()).toList();
	}

	private static RecordingSession session() {
		return new RecordingSession(Accountability.system());
	}

}
