package dev.tidings.realtime.internal;

import java.util.List;

import dev.tidings.events.ChangeFeed;
import dev.tidings.events.ChangeLog;
import dev.tidings.events.ChangeNotification;
import dev.tidings.events.Cursor;
import org.jspecify.annotations.Nullable;

/**
 * Cursors for {@code init}, and subscriptions that resume after one: the missed changes
 * are replayed from the change log on the collection's dispatch stripe, so they sit
 * exactly between what the client had and the live pushes, none twice, none missing.
 */
public final class Resumption {

	private static final int PAGE = 200;

	private final ChangeLog log;

	private final ChangeFeed feed;

	private final ChangeDispatcher dispatcher;

	private final SubscriptionIndex index;

	public Resumption(ChangeLog log, ChangeFeed feed, ChangeDispatcher dispatcher, SubscriptionIndex index) {
		this.log = log;
		this.feed = feed;
		this.dispatcher = dispatcher;
		this.index = index;
	}

	/**
	 * The cursor an {@code init} read from now on is current as of: every change up to it
	 * is committed, so the read sees it, and every later one will be pushed.
	 */
	String cursor() {
		return this.log.cursor(this.feed.delivered()).toString();
	}

	/**
	 * The place a {@code since} names, when this log still holds everything after it;
	 * null for a cursor of another epoch, one beyond retention, one from the future, or
	 * none of ours. A cursor that another instance handed out for a change this one has
	 * not delivered yet is honoured once this instance has caught up, which takes
	 * moments.
	 */
	@Nullable Cursor honoured(@Nullable Object since) {
		Cursor cursor = (since instanceof String text) ? Cursor.parse(text) : null;
		if (cursor == null || !cursor.epoch().equals(this.log.cursor(0).epoch())
				|| cursor.sequence() < this.log.horizon()) {
			return null;
		}
		if (cursor.sequence() > this.feed.delivered()
				&& (cursor.sequence() > this.log.last() || !caughtUp(cursor.sequence()))) {
			return null;
		}
		return cursor;
	}

	private boolean caughtUp(long sequence) {
		try {
			return this.feed.awaitDelivered(sequence);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	/**
	 * The collection's changes after the sequence: from the feed's memory when it reaches
	 * back that far (a short disconnection, the usual case), else a page of the log.
	 */
	private List<ChangeNotification> missed(String collection, long after) {
		List<ChangeNotification> recent = this.feed.recent(collection, after);
		return (recent != null) ? recent : this.log.after(after, collection, PAGE);
	}

	/**
	 * Registers the subscription in its place among the live changes, answers
	 * {@code init} with {@code resumed: true}, and replays what came after the cursor.
	 */
	void resume(SocketSession session, Subscription subscription, Cursor since) {
		this.feed.atDelivered((upTo) -> {
			this.dispatcher.replay(subscription, since.sequence(), upTo, () -> {
				this.index.add(subscription);
				session.reply(new ServerMessage.Subscription("init", null, null, subscription.uid(), since.toString(),
						Boolean.TRUE));
			}, (after) -> missed(subscription.collection(), after));
			return null;
		});
	}

}
