package dev.tidings.events;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A receiver on the bus, as the realtime dispatcher will be: keeps every notification
 * and, for each one about articles, how many of its created or updated rows another
 * connection, on another thread, could read at the moment it arrived.
 */
final class ReceivedChanges {

	private final List<ChangeNotification> notifications = new CopyOnWriteArrayList<>();

	private final Map<ChangeNotification, Integer> visibleOnReceipt = new ConcurrentHashMap<>();

	private final ExecutorService otherThread = Executors.newSingleThreadExecutor();

	private final JdbcTemplate jdbc;

	ReceivedChanges(ChangeBus bus, JdbcTemplate jdbc) {
		this.jdbc = jdbc;
		bus.subscribe(this::receive);
	}

	private void receive(ChangeNotification notification) {
		if (notification.collection().equals("articles")) {
			this.visibleOnReceipt.put(notification, visibleRows(notification));
		}
		this.notifications.add(notification);
	}

	/**
	 * Reads the written rows as another client would: a new connection from the pool, on
	 * a thread that takes no part in the writer's transaction.
	 */
	private int visibleRows(ChangeNotification notification) {
		String keys = notification.changes()
			.stream()
			.filter((change) -> change.type() != ChangeType.DELETE)
			.map((change) -> change.key().toString())
			.collect(Collectors.joining(","));
		if (keys.isEmpty()) {
			return 0;
		}
		Future<Integer> count = this.otherThread.submit(() -> this.jdbc
			.queryForObject("SELECT count(*) FROM articles WHERE id IN (" + keys + ")", Integer.class));
		try {
			return count.get(30, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Called by the context when it closes (an inferred destroy method). */
	void shutdown() {
		this.otherThread.shutdownNow();
	}

	void clear() {
		this.notifications.clear();
		this.visibleOnReceipt.clear();
	}

	List<ChangeNotification> of(String collection) {
		return this.notifications.stream()
			.filter((notification) -> notification.collection().equals(collection))
			.toList();
	}

	int visibleOnReceipt(ChangeNotification notification) {
		return this.visibleOnReceipt.get(notification);
	}

}
