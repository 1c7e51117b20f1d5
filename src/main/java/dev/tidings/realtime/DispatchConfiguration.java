package dev.tidings.realtime;

import java.time.Duration;

import dev.tidings.events.ChangeBus;
import dev.tidings.events.ChangeFeed;
import dev.tidings.events.ChangeLog;
import dev.tidings.items.ItemsService;
import dev.tidings.realtime.internal.ChangeDispatcher;
import dev.tidings.realtime.internal.RealtimeEndpoint;
import dev.tidings.realtime.internal.SubscriptionIndex;
import dev.tidings.security.SecurityCache;
import io.micrometer.observation.ObservationRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The fan-out dispatcher, for the auto-configuration to import (its types are private to
 * this module): once the subscription index, the change bus and the items service exist,
 * every notification on the bus is dispatched on the dispatcher's own threads, which stop
 * with the context, and observed in the host's {@link ObservationRegistry} if it has one.
 * With the endpoint as well, the {@link RealtimeLoad} they carry.
 */
@Configuration(proxyBeanMethods = false)
public class DispatchConfiguration {

	/**
	 * Notifications each dispatch thread may hold before it drops new ones, unless the
	 * realtime settings say otherwise.
	 */
	static final int QUEUE_CAPACITY = 10_000;

	/**
	 * How long a notification may wait before its thread sheds, unless the settings say
	 * otherwise.
	 */
	static final Duration MAX_LAG = Duration.ofMillis(200);

	@Bean
	@ConditionalOnBean({ SubscriptionIndex.class, ChangeBus.class, ItemsService.class })
	@ConditionalOnMissingBean
	ChangeDispatcher tidingsChangeDispatcher(SubscriptionIndex index, ChangeBus bus, ItemsService items,
			ObjectProvider<RealtimeSettings> settings, ObjectProvider<ObservationRegistry> observations,
			ObjectProvider<ChangeLog> log, ObjectProvider<ChangeFeed> feed, ObjectProvider<SecurityCache> caches) {
		int threads = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
		RealtimeSettings realtime = settings.getIfAvailable();
		int capacity = (realtime != null) ? realtime.dispatchQueueCapacity() : QUEUE_CAPACITY;
		Duration maxLag = (realtime != null) ? realtime.dispatchMaxLag() : MAX_LAG;
		ChangeDispatcher dispatcher = new ChangeDispatcher(index, items, threads, capacity, maxLag,
				observations.getIfAvailable(() -> ObservationRegistry.NOOP),
				log.stream().map(ChangeLog::epoch).findFirst().orElse(null));
		// in the log's order, each change once, when there is a log; else as the bus
		// brings them
		ChangeFeed ordered = feed.getIfAvailable();
		if (ordered != null) {
			ordered.subscribe(dispatcher::accept);
		}
		else {
			bus.subscribe(dispatcher::accept);
		}
		// the cluster empties the security cache whenever it may have missed changes
		// (a gap in another instance's entries, a reconnection): the child keys kept
		// for pushes go with it
		caches.ifAvailable((cache) -> cache.onInvalidate(dispatcher::forgetChildKeys));
		return dispatcher;
	}

	@Bean
	@ConditionalOnBean({ RealtimeEndpoint.class, ChangeDispatcher.class })
	RealtimeLoad tidingsRealtimeLoad(RealtimeEndpoint endpoint, SubscriptionIndex index, ChangeDispatcher dispatcher) {
		return new RealtimeLoad(endpoint, index, dispatcher);
	}

}
