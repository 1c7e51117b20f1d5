package dev.tidings.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

import dev.tidings.bench.Semantics.Event;

/**
 * The writes of a run, over REST as the administrator. Each article lives through a
 * create, at most one update and a delete, so that a delete push names one write for
 * every subscription kind. States are drawn so that every kind sees some writes and not
 * others: statuses for the Reader and the drafts filter, {@code hot}/{@code cold} titles
 * for the Reader's filter, views for the numeric filter.
 */
final class Workload {

	private static final String[] STATUSES = { "published", "published", "published", "draft", "draft", "draft",
			"archived" };

	private final Target target;

	private final Ledger ledger;

	private final Random random;

	private final String tag;

	private final String body;

	private final AtomicInteger titles = new AtomicInteger();

	/** Items created and not yet updated. */
	private final List<Item> fresh = new ArrayList<>();

	/** Items updated and not yet deleted. */
	private final List<Item> updated = new ArrayList<>();

	Workload(Target target, Ledger ledger, long seed, int bodyBytes) {
		this.target = target;
		this.ledger = ledger;
		this.random = new Random(seed);
		this.tag = Long.toString(Math.abs(new Random().nextLong()) % 1_000_000, 36);
		this.body = "x".repeat(bodyBytes);
	}

	/**
	 * The next write of the mix (about half creates, the rest updates and deletes of
	 * earlier items), sent and answered.
	 */
	Write next() throws IOException, InterruptedException {
		Item item;
		Event op;
		synchronized (this) {
			int live = this.fresh.size() + this.updated.size();
			if (live < 4 || this.random.nextInt(100) < 45) {
				op = Event.CREATE;
				item = null;
			}
			else if (!this.fresh.isEmpty() && (this.updated.isEmpty() || this.random.nextBoolean())) {
				op = Event.UPDATE;
				item = this.fresh.remove(this.random.nextInt(this.fresh.size()));
			}
			else {
				op = Event.DELETE;
				List<Item> from = this.updated.isEmpty() ? this.fresh : this.updated;
				item = from.remove(this.random.nextInt(from.size()));
			}
		}
		return switch (op) {
			case CREATE -> create();
			case UPDATE -> update(item);
			case DELETE -> delete(item);
		};
	}

	Write create() throws IOException, InterruptedException {
		Item after = draw(null);
		Write write = this.ledger.write(Event.CREATE, null, after);
		String id = this.target.rest.create(after, this.body);
		write.responded(System.nanoTime());
		write.after = after.withId(id);
		synchronized (this) {
			this.fresh.add(write.after);
		}
		return write;
	}

	private Write update(Item before) throws IOException, InterruptedException {
		Item after = draw(before.id());
		Write write = this.ledger.write(Event.UPDATE, before, after);
		this.target.rest.update(after, this.body);
		write.responded(System.nanoTime());
		synchronized (this) {
			this.updated.add(after);
		}
		return write;
	}

	private Write delete(Item before) throws IOException, InterruptedException {
		Write write = this.ledger.write(Event.DELETE, before, before);
		this.target.rest.delete(before.id());
		write.responded(System.nanoTime());
		return write;
	}

	private Item draw(String id) {
		synchronized (this) {
			String prefix = this.random.nextBoolean() ? "hot-" : "cold-";
			return new Item(id, prefix + this.tag + "-" + this.titles.incrementAndGet(),
					STATUSES[this.random.nextInt(STATUSES.length)], this.random.nextInt(1000));
		}
	}

}
