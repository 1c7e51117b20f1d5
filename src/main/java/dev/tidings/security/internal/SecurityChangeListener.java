package dev.tidings.security.internal;

import dev.tidings.security.SecurityCache;
import jakarta.persistence.PostPersist;
import jakarta.persistence.PostRemove;
import jakarta.persistence.PostUpdate;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Empties the {@link SecurityCache} whenever a user, role, policy, access row or
 * permission is written, through any path (our endpoints, the bootstrap, host code). The
 * cache is emptied again once the transaction ends, so a request that loaded the old
 * state in between cannot keep it. Hibernate creates this listener through Spring, which
 * supplies the cache lazily (the cache does not exist yet while Hibernate starts).
 */
public class SecurityChangeListener {

	private final ObjectProvider<SecurityCache> cache;

	public SecurityChangeListener(ObjectProvider<SecurityCache> cache) {
		this.cache = cache;
	}

	@PostPersist
	@PostUpdate
	@PostRemove
	void changed(Object entity) {
		SecurityCache target = this.cache.getIfAvailable();
		if (target == null) {
			return;
		}
		target.invalidate();
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

				@Override
				public void afterCompletion(int status) {
					target.invalidate();
				}

			});
		}
	}

}
