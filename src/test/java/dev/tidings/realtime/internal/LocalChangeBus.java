package dev.tidings.realtime.internal;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import dev.tidings.events.ChangeBus;
import dev.tidings.events.ChangeNotification;

/** The bus of these tests: hands each notification to every receiver, in order. */
class LocalChangeBus implements ChangeBus {

	private final List<Consumer<ChangeNotification>> receivers = new CopyOnWriteArrayList<>();

	@Override
	public void publish(ChangeNotification notification) {
		this.receivers.forEach((receiver) -> receiver.accept(notification));
	}

	@Override
	public void subscribe(Consumer<ChangeNotification> receiver) {
		this.receivers.add(receiver);
	}

}
