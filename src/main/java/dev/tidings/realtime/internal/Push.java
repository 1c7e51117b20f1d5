package dev.tidings.realtime.internal;

import java.util.ArrayList;
import java.util.List;

import dev.tidings.events.ChangeType;

/**
 * One push of one group, before it is serialised: the event it is sent as, its data
 * (rendered items, or keys for a delete) and the keys of the items it is about, in the
 * order of the changes. The keys are kept apart from the data because the data cannot
 * always tell them: the subscription's fields may leave the primary key out, and an item
 * subscription's delete carries its key as a string.
 *
 * @param event the event on the wire
 * @param data the rendered items or deleted keys
 * @param keys the items' primary keys as JSON, one per datum
 * @param sequence the log sequence of its last change: pushes come in change order, so a
 * client that received it has received every change up to it
 */
record Push(ChangeType event, List<Object> data, List<Object> keys, long sequence) {

	Push {
		data = List.copyOf(data);
		keys = List.copyOf(keys);
		if (data.size() != keys.size()) {
			throw new IllegalArgumentException("One key per datum, got " + keys.size() + " for " + data.size());
		}
	}

	/**
	 * Collects pushes in change order; consecutive data of the same event share one push,
	 * except for item subscriptions, whose pushes carry one object each.
	 */
	static final class Builder {

		private final boolean item;

		private final List<Push> pushes = new ArrayList<>();

		private final List<Object> pending = new ArrayList<>();

		private final List<Object> pendingKeys = new ArrayList<>();

		private ChangeType event = ChangeType.CREATE;

		private long sequence;

		Builder(boolean item) {
			this.item = item;
		}

		/**
		 * Adds one item's datum under its key, as JSON ({@code FieldCodec.wire}), for the
		 * change of the given sequence; changes come in their order.
		 */
		Builder add(ChangeType event, Object datum, Object key, long sequence) {
			if (this.item || event != this.event) {
				flush();
				this.event = event;
			}
			this.pending.add(datum);
			this.pendingKeys.add(key);
			this.sequence = sequence;
			return this;
		}

		List<Push> build() {
			flush();
			return List.copyOf(this.pushes);
		}

		private void flush() {
			if (!this.pending.isEmpty()) {
				this.pushes.add(new Push(this.event, this.pending, this.pendingKeys, this.sequence));
				this.pending.clear();
				this.pendingKeys.clear();
			}
		}

	}

}
