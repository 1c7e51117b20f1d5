package dev.tidings.security;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SecurityCacheTests {

	private final UUID user = UUID.randomUUID();

	@Test
	void anEnabledCacheLoadsOncePerGenerationAndTellsListenersOfEachInvalidation() {
		SecurityCache cache = new SecurityCache(true);
		AtomicInteger loads = new AtomicInteger();
		AtomicInteger invalidations = new AtomicInteger();
		cache.onInvalidate(invalidations::incrementAndGet);

		cache.caller(this.user, (id) -> "caller " + loads.incrementAndGet());
		Object again = cache.caller(this.user, (id) -> "caller " + loads.incrementAndGet());
		cache.invalidate();
		Object reloaded = cache.caller(this.user, (id) -> "caller " + loads.incrementAndGet());

		assertThat(again).isEqualTo("caller 1");
		assertThat(reloaded).isEqualTo("caller 2");
		assertThat(invalidations).hasValue(1);
	}

	@Test
	void aDisabledCacheLoadsOnEveryLookup() {
		SecurityCache cache = new SecurityCache(false);
		AtomicInteger loads = new AtomicInteger();

		for (int i = 0; i < 3; i++) {
			cache.caller(this.user, (id) -> loads.incrementAndGet());
			cache.grants(List.of(this.user), (ids) -> loads.incrementAndGet());
			cache.publicPolicies((key) -> loads.incrementAndGet());
		}

		assertThat(loads).hasValue(9);
		assertThat(cache.enabled()).isFalse();
	}

}
