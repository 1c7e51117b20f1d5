package dev.tidings.realtime.internal;

import java.util.ArrayList;
import java.util.List;

import dev.tidings.events.ChangeType;

/**
 * One push of one group, before it is serialised: the event it is sent as and its data
 * (rendered items, or keys for a delete), in the order of the changes.
 *
 * @param event the event on the wire
 * @param data the rendered items or deleted keys
 */
record Push(ChangeType event, List<Object> data) {

	Push {
		data = List.copyOf(data);
	}

	/**
	 * Collects pushes in change order; consecutive data of the same event share one push,
	 * except for item subscriptions, whose pushes carry one object each.
	 */
	static final class Builder {

		private final boolean item;

		private final List<Push> pushes = new ArrayList<>();

		private final List<Object> pending = new ArrayList<>();

		private ChangeType event = ChangeType.CREATE;

		Builder(boolean item) {
			this.item = item;
		}

		Builder add(ChangeType event, Object datum) {
			if (this.item || event != this.event) {
				flush();
				this.event = event;
			}
			this.pending.add(datum);
			return this;
		}

		List<Push> build() {
			flush();
			return List.copyOf(this.pushes);
		}

		private void flush() {
			if (!this.pending.isEmpty()) {
				this.pushes.add(new Push(this.event, this.pending));
				this.pending.clear();
			}
		}

	}

}
