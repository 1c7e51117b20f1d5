package dev.tidings.events;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link ChangeBus} of a single instance: delivers each notification synchronously,
 * on the publishing (committing) thread, to every receiver in registration order.
 * Receivers must be quick and hand real work to their own executor. A receiver that
 * throws is logged and neither stops the others nor reaches the committing thread, whose
 * transaction has already committed.
 */
public final class LocalChangeBus implements ChangeBus {

	private static final Logger logger = LoggerFactory.getLogger(LocalChangeBus.class);

	private final List<Consumer<ChangeNotification>> receivers = new CopyOnWriteArrayList<>();

	@Override
	public void publish(ChangeNotification notification) {
		for (Consumer<ChangeNotification> receiver : this.receivers) {
			try {
				receiver.accept(notification);
			}
			catch (RuntimeException ex) {
				logger.error("A receiver of changes to {} failed", notification.collection(), ex);
			}
		}
	}

	@Override
	public void subscribe(Consumer<ChangeNotification> receiver) {
		this.receivers.add(receiver);
	}

}
