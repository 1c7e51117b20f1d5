package dev.tidings.realtime.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import dev.tidings.events.ChangeType;
import dev.tidings.query.Query;
import dev.tidings.security.Accountability;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The index's structure: subscribe and unsubscribe touch only their own shape's entry
 * (another shape's list is the very same object before and after), churn leaves nothing
 * behind, and a change visits only the shapes that can concern it. The counts per
 * collection follow every way a subscription comes and goes.
 */
class SubscriptionIndexTests {

	private final SubscriptionIndex index = new SubscriptionIndex();

	@Test
	void addWhenOtherShapesAndSessionsComeAndGoThenAnExistingEntryIsNotCopied() {
		RecordingSession honest = session();
		this.index.add(new Subscription(honest, "1", "articles", Query.EMPTY, null, null));
		List<Subscription> before = entry(honest, shapeOf(Query.EMPTY, null, null));

		List<RecordingSession> others = new ArrayList<>();
		for (int i = 0; i < 1000; i++) {
			RecordingSession other = session();
			others.add(other);
			this.index.add(new Subscription(other, "1", "articles", Query.EMPTY, ChangeType.CREATE, String.valueOf(i)));
			// same shape as the honest one: joins its entry without rebuilding it
			this.index.add(new Subscription(other, "2", "articles", Query.EMPTY.withLimit(i), null, null));
		}
		others.forEach(this.index::removeAll);

		assertThat(entry(honest, shapeOf(Query.EMPTY, null, null))).isSameAs(before);
		assertThat(this.index.shapes("articles")).isEqualTo(1);
	}

	@Test
	void removeWhenLastOfAShapeThenItsEntryGoesAndOthersStay() {
		RecordingSession first = session();
		RecordingSession second = session();
		this.index.add(new Subscription(first, "a", "articles", Query.EMPTY, null, null));
		this.index.add(new Subscription(second, "b", "articles", Query.EMPTY, ChangeType.DELETE, null));
		List<Subscription> kept = entry(second, shapeOf(Query.EMPTY, ChangeType.DELETE, null));

		assertThat(this.index.remove(first, "a")).isTrue();
		assertThat(this.index.remove(first, "a")).isFalse();

		assertThat(this.index.shapes("articles")).isEqualTo(1);
		assertThat(entry(second, shapeOf(Query.EMPTY, ChangeType.DELETE, null))).isSameAs(kept);
		assertThat(this.index.count(first)).isZero();
		assertThat(this.index.count(second)).isOne();
	}

	@Test
	void addWhenSameUidThenReplacesAndAnonymousOnesAddUp() {
		RecordingSession session = session();
		this.index.add(new Subscription(session, "1", "articles", Query.EMPTY, null, null));
		Subscription replacing = new Subscription(session, "1", "articles", Query.EMPTY, ChangeType.CREATE, null);
		this.index.add(replacing);
		this.index.add(new Subscription(session, null, "articles", Query.EMPTY, null, null));
		this.index.add(new Subscription(session, null, "articles", Query.EMPTY, null, null));

		assertThat(this.index.count(session)).isEqualTo(3);
		assertThat(this.index.find(session, "1")).isSameAs(replacing);
		assertThat(entry(session, shapeOf(Query.EMPTY, null, null))).hasSize(2);
		this.index.removeAll(session);
		assertThat(this.index.shapes("articles")).isZero();
		assertThat(this.index.count(session)).isZero();
	}

	@Test
	void subscriptionsWhenTheyAreAddedReplacedAndRemovedThenCountedPerCollection() {
		RecordingSession first = session();
		RecordingSession second = session();
		this.index.add(new Subscription(first, "1", "articles", Query.EMPTY, null, null));
		this.index.add(new Subscription(first, "1", "articles", Query.EMPTY, ChangeType.CREATE, null));
		this.index.add(new Subscription(first, "2", "articles", Query.EMPTY, null, "5"));
		this.index.add(new Subscription(first, null, "comments", Query.EMPTY, null, null));
		Subscription failed = new Subscription(second, null, "articles", Query.EMPTY, null, null);
		this.index.add(failed);

		assertThat(this.index.subscriptions("articles")).isEqualTo(3);
		assertThat(this.index.subscriptions("comments")).isOne();
		assertThat(this.index.subscriptions()).isEqualTo(4);

		this.index.remove(failed);
		this.index.remove(first, "2");
		assertThat(this.index.subscriptions("articles")).isOne();
		this.index.removeAll(first);
		assertThat(this.index.subscriptions()).isZero();
		assertThat(this.index.subscriptions("users")).isZero();
	}

	@Test
	void forEachShapeVisitsTheCollectionsShapesAndOnlyThoseOfTheChangedItems() {
		RecordingSession session = session();
		this.index.add(new Subscription(session, "all", "articles", Query.EMPTY, null, null));
		this.index.add(new Subscription(session, "five", "articles", Query.EMPTY, null, "5"));
		this.index.add(new Subscription(session, "six", "articles", Query.EMPTY, null, "6"));
		this.index.add(new Subscription(session, "other", "comments", Query.EMPTY, null, null));

		List<@Nullable String> visited = new ArrayList<>();
		this.index.forEachShape("articles", List.of("5", "5", "7"), (shape, members) -> visited.add(shape.item()));

		assertThat(visited).containsExactlyInAnyOrder(null, "5");
	}

	@Test
	void addAndRemoveWhenFromManyThreadsThenNothingIsLeftBehind() throws Exception {
		ExecutorService threads = Executors.newFixedThreadPool(4);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<?>> done = new ArrayList<>();
			for (int t = 0; t < 4; t++) {
				done.add(threads.submit(() -> {
					start.await();
					for (int i = 0; i < 500; i++) {
						RecordingSession session = session();
						this.index.add(new Subscription(session, "1", "articles", Query.EMPTY, null, null));
						this.index.add(new Subscription(session, "2", "articles", Query.EMPTY, null, "" + (i % 7)));
						this.index.remove(session, "1");
						this.index.removeAll(session);
					}
					return null;
				}));
			}
			start.countDown();
			for (Future<?> future : done) {
				future.get(30, TimeUnit.SECONDS);
			}
		}
		finally {
			threads.shutdownNow();
		}
		assertThat(this.index.shapes("articles")).isZero();
		assertThat(this.index.subscriptions("articles")).isZero();
	}

	private List<Subscription> entry(ClientSession session, Shape shape) {
		Map<ClientSession, List<Subscription>> members = this.index.shapesOf("articles").get(shape);
		assertThat(members).as("the entry of %s", shape).isNotNull();
		return members.get(session);
	}

	private static Shape shapeOf(Query query, @Nullable ChangeType event, @Nullable String item) {
		return Shape.of(new Subscription(session(), null, "articles", query, event, item));
	}

	private static RecordingSession session() {
		return new RecordingSession(Accountability.system());
	}

}
