package dev.tidings.comments;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import dev.tidings.errors.TidingsException;
import dev.tidings.items.ItemsService;
import dev.tidings.query.Query;
import dev.tidings.schema.SchemaRegistry;
import dev.tidings.security.Accountability;
import dev.tidings.security.CurrentCaller;
import dev.tidings.security.TidingsUser;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.orm.jpa.SharedEntityManagerCreator;

/**
 * Keeps a comment's authors and dates whatever path writes it (the caller that
 * {@link CurrentCaller} names, so no client can sign for another), and lets a caller
 * comment only on an item it can read: commenting must not reveal, nor attach to, items
 * hidden from the author. Host code without a caller is trusted. Hibernate creates this
 * listener through Spring, which supplies its collaborators lazily.
 */
public class CommentRowListener {

	private final ObjectProvider<EntityManagerFactory> entityManagers;

	private final ObjectProvider<ItemsService> items;

	private final ObjectProvider<SchemaRegistry> schemas;

	private final ObjectProvider<Clock> clock;

	public CommentRowListener(ObjectProvider<EntityManagerFactory> entityManagers, ObjectProvider<ItemsService> items,
			ObjectProvider<SchemaRegistry> schemas, ObjectProvider<Clock> clock) {
		this.entityManagers = entityManagers;
		this.items = items;
		this.schemas = schemas;
		this.clock = clock;
	}

	@PrePersist
	void creating(TidingsComment comment) {
		Accountability who = CurrentCaller.get().orElse(null);
		if (who != null) {
			requireReadable(who, comment.getCollection(), comment.getItem());
		}
		comment.created(now(), user(who));
	}

	@PreUpdate
	void updating(TidingsComment comment) {
		Accountability who = CurrentCaller.get().orElse(null);
		if (who != null) {
			requireReadable(who, comment.getCollection(), comment.getItem());
		}
		comment.updated(now(), user(who));
	}

	private void requireReadable(Accountability who, String collection, String item) {
		SchemaRegistry registry = this.schemas.getObject();
		if (registry.find(collection).isEmpty()) {
			throw TidingsException.invalidPayload("Collection \"" + collection + "\" does not exist");
		}
		// an update is checked while Hibernate flushes: a read that flushed again would
		// call this listener again, without end
		EntityManager entityManager = SharedEntityManagerCreator
			.createSharedEntityManager(this.entityManagers.getObject());
		FlushModeType mode = entityManager.getFlushMode();
		entityManager.setFlushMode(FlushModeType.COMMIT);
		try {
			if (this.items.getObject().readKeyed(who, collection, List.of(item), Query.EMPTY).isEmpty()) {
				throw TidingsException.forbidden();
			}
		}
		finally {
			entityManager.setFlushMode(mode);
		}
	}

	private Instant now() {
		return this.clock.getIfUnique(Clock::systemUTC).instant();
	}

	private @Nullable TidingsUser user(@Nullable Accountability who) {
		EntityManagerFactory factory = this.entityManagers.getIfAvailable();
		if (factory == null || who == null || who.user() == null) {
			return null;
		}
		return SharedEntityManagerCreator.createSharedEntityManager(factory)
			.getReference(TidingsUser.class, who.user());
	}

}
