package dev.tidings.realtime.internal;

import dev.tidings.events.LocalChangeBus;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * A bus of the tests' own (the events module's backs off), so the dispatcher can be
 * driven by hand-built notifications; the subscription index is the standalone app's,
 * whose endpoint is on.
 */
@TestConfiguration(proxyBeanMethods = false)
class RealtimeStandIns {

	@Bean
	LocalChangeBus changeBus() {
		return new LocalChangeBus();
	}

}
