package dev.tidings.realtime.internal;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The beans the socket and events modules provide in the product, as stand-ins for tests:
 * the dispatcher's auto-configuration wires itself to them.
 */
@TestConfiguration(proxyBeanMethods = false)
class RealtimeStandIns {

	@Bean
	SubscriptionIndex subscriptionIndex() {
		return new SubscriptionIndex();
	}

	@Bean
	LocalChangeBus changeBus() {
		return new LocalChangeBus();
	}

}
