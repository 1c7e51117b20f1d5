package dev.tidings.files;

import java.time.Clock;

import dev.tidings.security.Accountability;
import dev.tidings.security.CurrentCaller;
import dev.tidings.security.TidingsUser;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PostRemove;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.orm.jpa.SharedEntityManagerCreator;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Keeps a file row's bookkeeping whatever writes it (uploads, the items API, host code):
 * when it was created and changed and by which caller ({@link CurrentCaller}, which the
 * items service binds for every write), so no client can claim another uploader; and
 * removes its bytes once the deletion of the row commits, never before: a rolled-back
 * delete keeps a file whose bytes are still there. Hibernate creates this listener
 * through Spring, which supplies its collaborators lazily.
 */
public class FileRowListener {

	private final ObjectProvider<EntityManagerFactory> entityManagers;

	private final ObjectProvider<StorageLocations> storages;

	private final ObjectProvider<Clock> clock;

	public FileRowListener(ObjectProvider<EntityManagerFactory> entityManagers,
			ObjectProvider<StorageLocations> storages, ObjectProvider<Clock> clock) {
		this.entityManagers = entityManagers;
		this.storages = storages;
		this.clock = clock;
	}

	@PrePersist
	void creating(TidingsFile file) {
		file.created(this.clock.getIfUnique(Clock::systemUTC).instant(), caller());
	}

	@PreUpdate
	void updating(TidingsFile file) {
		file.modified(this.clock.getIfUnique(Clock::systemUTC).instant(), caller());
	}

	@PostRemove
	void removed(TidingsFile file) {
		StorageLocations locations = this.storages.getIfAvailable();
		String key = file.getFilenameDisk();
		if (locations == null || key == null) {
			return;
		}
		Runnable delete = () -> locations.delete(file.getStorage(), key);
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

				@Override
				public void afterCommit() {
					delete.run();
				}

			});
		}
		else {
			delete.run();
		}
	}

	private @Nullable TidingsUser caller() {
		EntityManagerFactory factory = this.entityManagers.getIfAvailable();
		Accountability who = CurrentCaller.get().orElse(null);
		if (factory == null || who == null || who.user() == null) {
			return null;
		}
		EntityManager entityManager = SharedEntityManagerCreator.createSharedEntityManager(factory);
		return entityManager.getReference(TidingsUser.class, who.user());
	}

}
